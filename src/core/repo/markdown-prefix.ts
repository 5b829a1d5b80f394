// The start of a Markdown text that fits in a number of characters, cut where a reader loses nothing mid-way:
// between blocks as a CommonMark/GFM parser (marked's lexer) sees them, or between the lines of a paragraph, but
// never inside a code block, list or table (a block that does not fit is left out whole) nor inside a code span
// that runs over several lines. A chart's upgrade notes are kept this way (upgrade-notes.ts) and quoted this way
// (format/quote.ts): a command cut in the middle would read as the whole command.
import { Lexer, type Token } from 'marked';

export function lexMarkdown(markdown: string): Token[] {
  return Lexer.lex(markdown, { gfm: true });
}

export interface MarkdownPrefix {
  /** The kept blocks as the lexer read them in the whole text (reference links resolved), the cut paragraph last. */
  tokens: Token[];
  /** The kept blocks as written. */
  text: string;
  /** Something was left out. */
  cut: boolean;
}

/**
 * The blocks of `markdown` that fit in `max` characters, and whether something was left out.
 * firstWhole: the first block is kept whole even when it alone is longer (a quote shows at least one block).
 */
export function markdownPrefix(markdown: string, max: number, firstWhole = false): MarkdownPrefix {
  const tokens: Token[] = [];
  let text = '';
  let kept = false;
  for (const token of lexMarkdown(markdown)) {
    if (text.length + token.raw.length > max && (kept || !firstWhole)) {
      const lines = token.type === 'paragraph' ? fittingLines(token.raw, max - text.length) : '';
      if (lines) tokens.push(...lexMarkdown(lines));
      return { tokens, text: text + lines, cut: true };
    }
    tokens.push(token);
    text += token.raw;
    kept ||= token.type !== 'space';
  }
  return { tokens, text, cut: false };
}

/** The whole lines of a paragraph that fit in `room`, ending where no code span is left open. */
function fittingLines(raw: string, room: number): string {
  for (let end = raw.lastIndexOf('\n', room); end > 0; end = raw.lastIndexOf('\n', end - 1)) {
    const part = raw.slice(0, end);
    if (!opensCodeSpan(part)) return part;
  }
  return '';
}

/** A backtick the lexer reads as text: a code span that starts in `paragraph` and closes after it. */
function opensCodeSpan(paragraph: string): boolean {
  const inline = (tokens: Token[] | undefined): boolean =>
    (tokens ?? []).some(
      (t) => (t.type === 'text' && !('tokens' in t && t.tokens) && t.raw.includes('`')) || inline(childTokens(t)),
    );
  return inline(lexMarkdown(paragraph));
}

function childTokens(token: Token): Token[] | undefined {
  return 'tokens' in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : undefined;
}
