// Finding messages are plain text that marks keys, paths and commands as code with backticks; the Markdown
// formatter (src/format/escape.ts, escapeMessage) shows them as code spans and every other character literally.
// A key may itself hold backticks (YAML allows any key): CommonMark ends a code span only at a backtick run as long
// as the opening one, so the delimiter is one backtick longer than the longest run inside, and a space pads content
// that starts or ends with a backtick, or with a space at both ends (CommonMark strips one such space on each side).

/** `text` as a code span of a finding message. */
export function code(text: string): string {
  if (text === '') return '`""`'; // an empty code span renders as two bare backticks: show the empty key as ""
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const delimiter = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .*[^ ].* $/s.test(text) ? ' ' : '';
  return `${delimiter}${pad}${text}${pad}${delimiter}`;
}
