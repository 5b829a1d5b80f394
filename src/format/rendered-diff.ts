// The rendered diff (core/render/rendered-diff.ts) as Markdown blocks, one collapsed element per chart and
// environment, and as a plain unified-diff file (the Action's diff-path output, the CLI's --diff FILE).
// In the comment the largest diffs go first when space runs out: each element gets its own drop level, the
// larger the higher (budget.ts leaves out the highest levels first); the file always holds all of them.
import { RENDERED_DIFF_NOTE } from '../core/render/rendered-diff.js';
import type { ChartReport, ObjectDiff, RenderedDiff, Report } from '../core/report/report.js';
import type { Block } from './budget.js';
import { countOf } from './describe.js';
import { codeFence, escapeHtmlText } from './escape.js';

/** "2 changed, 1 added, 3 removed" */
function tally(objects: readonly ObjectDiff[]): string {
  const count = (change: ObjectDiff['change']) => objects.filter((o) => o.change === change).length;
  return (['changed', 'added', 'removed'] as const)
    .filter((change) => count(change) > 0)
    .map((change) => `${count(change)} ${change}`)
    .join(', ');
}

function title(chart: ChartReport, diff: RenderedDiff): string {
  const versions = chart.from !== chart.to && chart.from && chart.to ? ` ${chart.from} → ${chart.to}` : '';
  const environment = diff.environment === undefined ? '' : ` (${diff.environment})`;
  return `${chart.name}${versions}${environment}`;
}

/**
 * One collapsed element per chart and environment, after `lowestDrop`: the largest element gets the highest drop
 * level, so it is the first one left out. A diff longer than `maxChars` (the comment's cap: a reviewer reads the
 * findings first, and the diff is in the job summary and the diff-path file) is named with its size instead.
 */
export function renderedDiffBlocks(
  charts: readonly ChartReport[],
  lowestDrop: number,
  maxChars = Number.POSITIVE_INFINITY,
): Block[] {
  const elements = charts.flatMap((chart) =>
    (chart.renderedDiff ?? []).map((diff) => {
      const patches = diff.objects.map((o) => o.patch.replace(/\n+$/, '')).join('\n');
      const summary = escapeHtmlText(`Rendered diff of ${title(chart, diff)}: ${tally(diff.objects)}`);
      const body =
        patches.length <= maxChars
          ? `${escapeHtmlText(RENDERED_DIFF_NOTE)}\n\n${codeFence(patches, 'diff')}`
          : `${countOf(patches.split('\n').length, 'line')}: too long for the comment, see the job summary or the diff-path file.`;
      const text = `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`;
      return { text, size: text.length };
    }),
  );
  const bySize = elements.map((e, i) => ({ i, size: e.size })).sort((a, b) => a.size - b.size || b.i - a.i);
  const rank = new Map(bySize.map((e, position) => [e.i, position]));
  return elements.map((e, i) => ({
    text: e.text,
    drop: lowestDrop + rank.get(i)!,
    leftOut: { kind: 'diffs', count: 1 },
  }));
}

/** Every rendered diff of the report as one unified-diff file, each chart and environment under a `#` line. */
export function renderDiffFile(report: Report): string {
  const parts: string[] = [];
  for (const chart of report.charts) {
    for (const diff of chart.renderedDiff ?? []) {
      parts.push(`# ${title(chart, diff)}: ${tally(diff.objects)}\n`);
      for (const object of diff.objects) parts.push(`${object.patch.replace(/\n+$/, '')}\n`);
    }
  }
  if (parts.length === 0) return '# chart-guard: no rendered object changed\n';
  return `# chart-guard rendered diff: ${countOf(report.charts.filter((c) => c.renderedDiff).length, 'chart')}. ${RENDERED_DIFF_NOTE}\n${parts.join('')}`;
}
