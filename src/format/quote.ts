// Markdown from a chart (its README's upgrade notes) quoted in our comment. What is code is decided by a real
// CommonMark/GFM parser (marked's lexer), not by hand-written fence rules, and nothing of the input is passed through:
// every block is written anew from the parser's tokens. Code is re-emitted inside our own fences and code spans,
// which are longer than any backtick run inside, so it cannot close; everything else goes through escapeInline:
// HTML shows as text, @mentions and #123 are broken, bare URLs and autolinks become code, images are not loaded.
// Should marked read a line differently from GitHub, the output is still inert: GitHub only ever sees our markup.
import type { Token, Tokens } from 'marked';
import { markdownPrefix } from '../core/repo/markdown-prefix.js';
import { codeFence, codeSpan, escapeInline, type InlineContext, stripControl } from './escape.js';

/** Headings of a note sit below our chart heading: "## To 8.0.0" is shown as "#####". */
const HEADING_DEMOTION = 3;

/**
 * The note as a block quote that reads like the README and cannot break out of it: headings demoted, lists, tables,
 * emphasis, code and http(s) links kept. Cut at `max` characters of the note, between blocks or on a line boundary
 * of a paragraph, never inside a code block or code span (markdown-prefix.ts), with `more` as the last quoted line.
 */
export function quotedMarkdown(markdown: string, max = Number.POSITIVE_INFINITY, more = ''): string {
  const { tokens, cut } = markdownPrefix(stripControl(markdown), max, true);
  const lines = joinBlocks(renderBlocks(tokens));
  if (cut && more) lines.push('', more);
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

/** Blocks one after another, a blank line between them unless tight (a tight list item); as lines. */
function joinBlocks(blocks: string[], tight = false): string[] {
  return blocks.flatMap((block, i) => (i === 0 || tight ? block.split('\n') : ['', ...block.split('\n')]));
}

function renderBlocks(tokens: Token[]): string[] {
  return tokens.flatMap((token) => {
    const block = renderBlock(token);
    return block === undefined || block === '' ? [] : [block];
  });
}

function renderBlock(token: Token): string | undefined {
  switch (token.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'code':
      // the info string's first word is the language, as GitHub reads it; the rest (attributes) is dropped
      return codeFence((token as Tokens.Code).text, (token as Tokens.Code).lang?.split(/\s/)[0] ?? '');
    case 'heading': {
      const heading = token as Tokens.Heading;
      return `${'#'.repeat(Math.min(6, heading.depth + HEADING_DEMOTION))} ${inline(heading.tokens)}`;
    }
    case 'paragraph':
      return inline((token as Tokens.Paragraph).tokens);
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : proseText(text.text);
    }
    case 'blockquote':
      return joinBlocks(renderBlocks((token as Tokens.Blockquote).tokens))
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'list':
      return renderList(token as Tokens.List);
    case 'table':
      return renderTable(token as Tokens.Table);
    case 'hr':
      return '---';
    default:
      // raw HTML blocks and anything this renderer does not know: shown as the text they are
      return proseText(token.raw.trim());
  }
}

function renderList(list: Tokens.List): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  const items = list.items.map((item, i) => {
    const marker = list.ordered ? `${start + i}.` : '-';
    const indent = ' '.repeat(marker.length + 1);
    const lines = joinBlocks(renderBlocks(item.tokens), !item.loose);
    if (lines.length === 0) return marker;
    return lines.map((line, n) => (n === 0 ? `${marker} ${line}` : line === '' ? '' : `${indent}${line}`)).join('\n');
  });
  return items.join(list.loose ? '\n\n' : '\n');
}

function renderTable(table: Tokens.Table): string {
  const row = (cells: Tokens.TableCell[]) => `| ${cells.map((cell) => inline(cell.tokens, 'cell')).join(' | ')} |`;
  const rule = `|${table.header.map(() => ' --- |').join('')}`;
  return [row(table.header), rule, ...table.rows.map(row)].join('\n');
}

/** Inline tokens as Markdown whose only live parts are the ones written here. */
function inline(tokens: Token[], context: InlineContext = 'text'): string {
  let out = '';
  for (const token of tokens) {
    const piece = inlinePiece(token, context);
    // "!" just before one of our links would make it an image
    out = piece.startsWith('[') && out.endsWith('!') ? `${out.slice(0, -1)}\\!${piece}` : out + piece;
  }
  return out;
}

function inlinePiece(token: Token, context: InlineContext): string {
  // escapeInline also escapes "|", so text is safe in a table cell as it is
  const text = proseText;
  switch (token.type) {
    case 'text':
    case 'escape': {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens, context) : text(t.text);
    }
    case 'codespan':
      return codeSpan((token as Tokens.Codespan).text, context);
    case 'strong':
      return `**${inline((token as Tokens.Strong).tokens, context)}**`;
    case 'em':
      return `*${inline((token as Tokens.Em).tokens, context)}*`;
    case 'del':
      return `~~${inline((token as Tokens.Del).tokens, context)}~~`;
    case 'br':
      return ' ';
    case 'checkbox':
      return text((token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ');
    case 'link':
      return renderLink(token as Tokens.Link, context);
    case 'image': {
      // never loaded: a tracking pixel or a picture of a fake status would otherwise show in our comment
      const image = token as Tokens.Image;
      return `${text(`(image${image.text ? `: ${image.text}` : ''})`)} ${codeSpan(image.href, context)}`;
    }
    default:
      // inline HTML (tags, comments) and anything unknown: visible text
      return text(token.raw);
  }
}

/** An http(s) link the README wrote as [text](url) stays a link; autolinks, bare URLs and other schemes are code. */
function renderLink(link: Tokens.Link, context: InlineContext): string {
  const written = link.raw.startsWith('[');
  const label = inline(link.tokens, context);
  if (written && /^https?:\/\/[^\s()<>]+$/.test(link.href)) return `[${label}](${link.href})`;
  if (!written) return codeSpan(link.text, context);
  return `${label} (${codeSpan(link.href, context)})`;
}

/**
 * Text shown as text (escapeInline), and no URL GitHub could link by itself: marked already turns the bare URLs GFM
 * links into link tokens, and this also breaks the ones it does not, such as a URL inside an HTML tag shown as text.
 */
function proseText(value: string): string {
  return escapeInline(value)
    .replace(/:\/\//g, ':/\u200B/')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\u200B.`);
}
