// What makes a rendered comment well-formed, checked the way CommonMark/GFM reads it: every code fence closed by a
// run at least as long as its opener, <details> only as whole lines of our own and balanced, every table row with
// as many cells as its header, and no mention or issue reference GitHub would act on outside code.

/** Problems found; empty when the document is well-formed. */
export function structureProblems(markdown: string): string[] {
  const problems: string[] = [];
  let fence: number | null = null;
  let detailsDepth = 0;
  let tableCells: number | null = null;
  let fenceQuoted = false;
  markdown.split('\n').forEach((raw, index) => {
    const where = `line ${index + 1}: ${raw.slice(0, 80)}`;
    // A block quote (upgrade notes) holds its own fences: they end with the quote, and its lines are read unquoted.
    const quoted = QUOTE.test(raw);
    const line = quoted ? raw.replace(QUOTE, '') : raw;
    if (fence !== null && fenceQuoted && !quoted) fence = null;
    if (fence !== null) {
      const close = /^ {0,3}(`+)\s*$/.exec(line);
      if (close && close[1].length >= fence) fence = null;
      return;
    }
    const open = /^ {0,3}(`{3,})[^`]*$/.exec(line);
    if (open) {
      fence = open[1].length;
      fenceQuoted = quoted;
      tableCells = null;
      return;
    }
    // Code spans show their content literally, so a tag inside one is text.
    const prose = withoutCodeSpans(line);
    if (/<\/?details/i.test(prose)) {
      if (line === '<details>') detailsDepth++;
      else if (line === '</details>') detailsDepth--;
      else problems.push(`details tag inside other text, ${where}`);
      if (detailsDepth < 0) problems.push(`</details> without <details>, ${where}`);
    }
    if (/<script/i.test(prose)) problems.push(`raw <script>, ${where}`);
    if (line.startsWith('|')) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 1;
      if (tableCells === null) tableCells = cells;
      else if (cells !== tableCells)
        problems.push(`table row with ${cells - 1} cells instead of ${tableCells - 1}, ${where}`);
    } else {
      tableCells = null;
    }
  });
  if (fence !== null) problems.push('a code fence is never closed');
  if (detailsDepth !== 0) problems.push(`${detailsDepth} <details> never closed`);
  return problems;
}

/** The text GitHub scans for @mentions and #references: outside fenced blocks and code spans. */
export function textOutsideCode(markdown: string): string {
  const outside: string[] = [];
  let fence: number | null = null;
  let fenceQuoted = false;
  for (const raw of markdown.split('\n')) {
    const quoted = QUOTE.test(raw);
    const line = quoted ? raw.replace(QUOTE, '') : raw;
    if (fence !== null && fenceQuoted && !quoted) fence = null;
    if (fence !== null) {
      const close = /^ {0,3}(`+)\s*$/.exec(line);
      if (close && close[1].length >= fence) fence = null;
      continue;
    }
    const open = /^ {0,3}(`{3,})[^`]*$/.exec(line);
    if (open) {
      fence = open[1].length;
      fenceQuoted = quoted;
      continue;
    }
    outside.push(withoutCodeSpans(line));
  }
  return outside.join('\n');
}

/** @user, @org/team and #123 as GitHub would link them (a word character right after the sign). */
export function activeReferences(markdown: string): string[] {
  return textOutsideCode(markdown).match(/(?<!\w)(@[A-Za-z0-9][\w/-]*|#\d+)/g) ?? [];
}

const QUOTE = /^ {0,3}> ?/;

function withoutCodeSpans(line: string): string {
  return line.replace(/\\`/g, '').replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
}
