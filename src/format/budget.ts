// Fitting a Markdown document into a size limit by leaving out whole blocks, never part of one: a block is a
// complete unit (a paragraph, a table row, a closed code fence, a whole <details> element), so what is kept is
// always well-formed. GitHub cuts nothing for us: an over-long comment is rejected (docs/reference/github-limits.md).

/** What a left-out block takes away, counted for the closing "left out" line. */
export type LeftOutKind = 'details' | 'sections' | 'errors' | 'warnings' | 'notices' | 'remedies' | 'rows' | 'diffs';

export interface Block {
  /** Complete Markdown including its trailing newline(s). */
  text: string;
  /**
   * 0: always kept. Higher levels are left out first, each from the end of the document backwards; level 1 is
   * the core kept as the longest prefix that fits.
   */
  drop: number;
  leftOut?: { kind: LeftOutKind; count: number };
}

export type LeftOut = Map<LeftOutKind, number>;

export interface Fit {
  limit: number;
  measure: (text: string) => number;
  /** The line saying what was left out and where the rest is; must grow only with the counts' digits. */
  note: (leftOut: LeftOut) => string;
  /** Always last, after the note (a footer). */
  tail?: string;
}

function tally(into: LeftOut, block: Block): void {
  if (block.leftOut) into.set(block.leftOut.kind, (into.get(block.leftOut.kind) ?? 0) + block.leftOut.count);
}

/** Joins the blocks, leaving out as few and as low-priority ones as needed to stay within fit.limit. */
export function fitBlocks(blocks: readonly Block[], fit: Fit): string {
  const tail = fit.tail ?? '';
  const whole = blocks.map((b) => b.text).join('') + tail;
  if (fit.measure(whole) <= fit.limit) return whole;

  // Room for the note at its largest: every droppable block left out.
  const everything: LeftOut = new Map();
  for (const block of blocks) if (block.drop > 0) tally(everything, block);
  const budget = fit.limit - fit.measure(fit.note(everything) + tail);

  const sizes = blocks.map((b) => fit.measure(b.text));
  const kept = blocks.map(() => true);
  let total = sizes.reduce((a, b) => a + b, 0);
  const highest = blocks.reduce((max, b) => Math.max(max, b.drop), -Infinity);
  for (let level = highest; level >= 2 && total > budget; level--) {
    for (let i = blocks.length - 1; i >= 0 && total > budget; i--) {
      if (blocks[i].drop !== level) continue;
      kept[i] = false;
      total -= sizes[i];
    }
  }
  if (total > budget) {
    // The core: keep the longest prefix that fits, so no finding is shown under another chart's heading.
    let running = blocks.reduce((sum, b, i) => (kept[i] && b.drop === 0 ? sum + sizes[i] : sum), 0);
    let stopped = false;
    blocks.forEach((block, i) => {
      if (!kept[i] || block.drop === 0) return;
      if (!stopped && running + sizes[i] <= budget) {
        running += sizes[i];
        return;
      }
      stopped = true;
      kept[i] = false;
    });
  }

  const leftOut: LeftOut = new Map();
  blocks.forEach((block, i) => {
    if (!kept[i]) tally(leftOut, block);
  });
  const body = blocks
    .filter((_, i) => kept[i])
    .map((b) => b.text)
    .join('');
  return cutAtLine(`${body}${fit.note(leftOut)}${tail}`, fit);
}

/**
 * Last resort when even the always-kept blocks are over the limit (an absurd limit): cut at a line end. Always-kept
 * blocks hold no code fences or <details>, so a line boundary there is a safe place.
 */
function cutAtLine(text: string, fit: Fit): string {
  if (fit.measure(text) <= fit.limit) return text;
  const lines = text.split('\n');
  while (lines.length > 1 && fit.measure(lines.join('\n')) > fit.limit) lines.pop();
  return lines.join('\n').slice(0, fit.limit);
}
