// The rendered diff in the comment: one collapsed element per chart and environment, the largest left out first
// when the comment would be too long, with a note saying so; the diff file always holds every diff.
import { describe, expect, it } from 'vitest';
import type { ChartReport, ObjectDiff, Report } from '../../src/core/report/report.js';
import { renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderDiffFile } from '../../src/format/rendered-diff.js';
import { sampleReport, withTotals } from './fixtures.js';

/** A changed ConfigMap whose patch has `lines` changed lines. */
function configMapDiff(name: string, lines: number): ObjectDiff {
  const body = Array.from({ length: lines }, (_, i) => `-  k${i}: old\n+  k${i}: new`).join('\n');
  return {
    change: 'changed',
    resource: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name },
    patch: `--- a/ConfigMap/default/${name}.yaml\n+++ b/ConfigMap/default/${name}.yaml\n@@ -1,${lines} +1,${lines} @@\n${body}\n`,
  };
}

function reportWithDiffs(sizes: Record<string, number>): Report {
  const base = sampleReport();
  const charts: ChartReport[] = Object.entries(sizes).map(([name, lines]) => ({
    ...base.charts[0],
    name,
    findings: [],
    renderedDiff: [{ objects: [configMapDiff(`${name}-config`, lines)] }],
  }));
  return withTotals({ ...base, charts, findings: [] });
}

const summaries = (comment: string) => [...comment.matchAll(/<summary>Rendered diff of ([\w-]+)/g)].map((m) => m[1]);

describe('the rendered diff in the comment', () => {
  // all three fit the comment's per-diff cap (2,500 characters): the budget alone decides what is left out
  const report = reportWithDiffs({ small: 5, huge: 90, medium: 40 });
  const whole = renderComment(report, { marker: 'helm-freeze.yaml' });

  it('shows every diff, collapsed, in a diff code block, when they fit', () => {
    expect(summaries(whole)).toEqual(['small', 'huge', 'medium']);
    expect(whole).toContain('```diff\n--- a/ConfigMap/default/small-config.yaml');
    expect(whole).toContain('checksum/* annotations are left out');
    expect(whole).not.toContain('Left out');
  });

  it('leaves out the largest diff first, with a note saying where all of them are', () => {
    const hugeSize =
      whole.indexOf('</details>', whole.indexOf('Rendered diff of huge')) - whole.indexOf('Rendered diff of huge');
    const cut = renderComment(report, { marker: 'helm-freeze.yaml', maxChars: whole.length - hugeSize / 2 });
    expect(summaries(cut)).toEqual(['small', 'medium']);
    expect(cut).toContain('1 rendered diff (the largest first; every diff is in the diff-path file)');
    const tighter = renderComment(report, {
      marker: 'helm-freeze.yaml',
      maxChars:
        cut.length -
        (cut.indexOf('</details>', cut.indexOf('Rendered diff of medium')) - cut.indexOf('Rendered diff of medium')) /
          2,
    });
    expect(summaries(tighter)).toEqual(['small']);
    expect(tighter).toContain('2 rendered diffs (the largest first');
  });

  it('names a diff too long for the comment with its size, and shows it whole in the job summary', () => {
    const long = reportWithDiffs({ small: 5, long: 400 });
    const comment = renderComment(long, { marker: 'helm-freeze.yaml' });
    expect(summaries(comment)).toEqual(['small', 'long']);
    expect(comment).toContain('803 lines: too long for the comment, see the job summary or the diff-path file.');
    expect(comment).not.toContain('k399: new');
    const summary = renderSummary(long);
    expect(summary).toContain('+  k399: new');
  });

  it('writes every diff to the diff file, each under a line naming its chart', () => {
    const file = renderDiffFile(report);
    for (const name of ['small', 'huge', 'medium']) {
      expect(file).toContain(`# ${name}`);
      expect(file).toContain(`+++ b/ConfigMap/default/${name}-config.yaml`);
    }
  });
});
