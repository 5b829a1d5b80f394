// Escaping for text that comes from charts or users (chart names, messages, values, README notes) before it goes
// into GitHub Markdown or a terminal. Chart content is untrusted: it must not close our <details> blocks or code
// fences, inject HTML, break a table row, or notify people (@team) and link issues (#123) from a bot comment.

/** Zero-width joiner: invisible, but GitHub no longer sees "@team" or "#123" as a mention or an issue link. */
const ZERO_WIDTH_JOINER = '\u200D';

/** Where inline text goes: running text, or a table cell (where "|" ends the cell and a newline ends the row). */
export type InlineContext = 'text' | 'cell';

/**
 * Removes control characters except newline and tab (an ESC could drive a terminal) and bidirectional overrides
 * (they can make text read differently from what it is); normalises line ends to "\n".
 */
export function stripControl(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Breaks @mentions (users, @org/team) and #123 / GH-123 issue references: GitHub neither notifies nor links. */
export function neutraliseReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_JOINER}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_JOINER}`);
}

/** Text for a raw HTML context such as <summary>, where Markdown escapes would show as backslashes. */
export function escapeHtmlText(text: string): string {
  return neutraliseReferences(escapeHtml(stripControl(text).replace(/\n+/g, ' ')));
}

// Markdown punctuation that starts emphasis, links, code, tables, strikethrough or math anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]|~$]/g;
// Characters that start a block (heading, list, setext underline) only at the start of a line. Only ASCII
// punctuation can be backslash-escaped, so an ordered-list marker "1." is escaped at its dot.
const LINE_START_MARK = /^(\s*)([#+=-])/;
const LINE_START_NUMBER = /^(\s*\d+)([.)])(?=\s|$)/;

function escapeTextPiece(text: string, context: InlineContext): string {
  const escaped = neutraliseReferences(
    escapeHtml(text)
      .replace(INLINE_SPECIAL, '\\$&')
      .replace(LINE_START_MARK, '$1\\$2')
      .replace(LINE_START_NUMBER, '$1\\$2'),
  );
  return escaped.replace(/\n+/g, context === 'cell' ? '<br>' : ' ');
}

/** Plain text shown as literal text in Markdown: every character means itself. */
export function escapeInline(text: string): string {
  return escapeTextPiece(stripControl(text), 'text');
}

/** Plain text for a table cell: as escapeInline, and line breaks become <br> so the row stays one line. */
export function escapeCell(text: string): string {
  return escapeTextPiece(stripControl(text), 'cell');
}

function backtickRun(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/**
 * An inline code span that shows `text` verbatim: the delimiter is longer than any backtick run inside, and a
 * space pads content that starts or ends with a backtick (CommonMark strips one such space).
 */
export function codeSpan(text: string, context: InlineContext = 'text'): string {
  let content = stripControl(text).replace(/\n/g, ' ');
  if (content === '') return '` `';
  // In a GFM table "|" ends the cell even inside a code span; "\|" is the documented way to keep it.
  if (context === 'cell') content = content.replace(/\|/g, '\\|');
  const delimiter = '`'.repeat(longestBacktickRun(content) + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || /^ .*[^ ].* $/.test(content) ? ' ' : '';
  return `${delimiter}${pad}${content}${pad}${delimiter}`;
}

/**
 * Text written by our rules, which may mark keys and commands as `code`: balanced code spans stay code (their
 * content re-delimited by codeSpan), everything else is escaped as plain text.
 */
export function escapeMessage(text: string, context: InlineContext = 'text'): string {
  const clean = stripControl(text);
  let out = '';
  let plainFrom = 0;
  let at = clean.indexOf('`');
  while (at >= 0) {
    const length = backtickRun(clean, at);
    let close = clean.indexOf('`', at + length);
    while (close >= 0 && backtickRun(clean, close) !== length)
      close = clean.indexOf('`', close + backtickRun(clean, close));
    if (close < 0) {
      at = clean.indexOf('`', at + length);
      continue;
    }
    let code = clean.slice(at + length, close);
    if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
    out += escapeTextPiece(clean.slice(plainFrom, at), context) + codeSpan(code, context);
    plainFrom = close + length;
    at = clean.indexOf('`', plainFrom);
  }
  return out + escapeTextPiece(clean.slice(plainFrom), context);
}

/**
 * A fenced code block whose content cannot close it: the fence is one backtick longer than the longest backtick
 * run in the content (CommonMark closes a fence only with a run at least as long as the opening one).
 */
export function codeFence(content: string, info = ''): string {
  const body = stripControl(content).replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const language = info.replace(/[^\w+.-]/g, '');
  return `${fence}${language}\n${body}\n${fence}`;
}
