import type { ChartInputs } from '../model/chart-context.js';
import type { ChartReport, Finding } from '../report/report.js';
import type { RepoRule } from './rule.js';

// Without a render, the checks that read manifests (immutable fields, StatefulSet replacement, CRDs, APIs) cannot
// run; say so instead of passing silently. Renders are only ever skipped for the whole run (helm absent, rendering
// off), so it is said once for the run, naming the charts left unchecked, not once per chart.
export const renderSkipped = {
  id: 'render-skipped',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'warning',
  description: 'rendering was not possible (helm not found, render disabled): the render-based checks did not run',
  check({ renderSkipped: skipped }) {
    if (!skipped || skipped.charts.length === 0) return [];
    const charts =
      skipped.charts.length === 1
        ? skipped.charts[0]
        : `${skipped.charts.length} charts (${skipped.charts.join(', ')})`;
    return [
      {
        message: `The render-based checks (immutable fields, StatefulSets, CRDs, APIs) did not run for ${charts}: ${skipped.reason}.`,
        remedy: 'Make helm 3 or 4 available (on PATH, or the helm input / --helm) and enable rendering to run them.',
      },
    ];
  },
  // it says what this run could not check, never a problem the base already had
  runCondition: true,
  // each shard said it for its own charts: the whole run says it once, naming the charts of every shard
  mergeShards(own, run) {
    return own.length <= 1 ? [...own] : [skippedAcrossShards(own[0], run.charts)];
  },
} satisfies RepoRule;

/** The run-wide render-skipped finding, naming the charts of every shard whose renders were skipped. */
function skippedAcrossShards(finding: Finding, charts: readonly ChartReport[]): Finding {
  const noRender = ['chart removed', 'no chart folder to render'];
  const statuses = (chart: ChartReport) => chart.environments?.map((e) => e.render) ?? [chart.render];
  const skippedStatus = (chart: ChartReport) =>
    statuses(chart).find((s) => s.status === 'skipped' && !noRender.includes(s.reason ?? ''));
  const skipped = charts.filter(skippedStatus);
  const reason = skipped.length ? skippedStatus(skipped[0])?.reason : undefined;
  if (!reason) return finding;
  const names = [...new Set(skipped.map((chart) => chart.name))];
  const [again] = renderSkipped.check({ renderSkipped: { reason, charts: names } } as Parameters<
    typeof renderSkipped.check
  >[0]);
  return again ? { ...finding, message: again.message } : finding;
}

/** The run-wide skip of a set of analysed charts: the first skip reason, and every chart with a skipped render. */
export function renderSkippedOf(contexts: readonly ChartInputs[]): { reason: string; charts: string[] } | undefined {
  const skipped = contexts.filter((ctx) =>
    [ctx.renders?.head, ctx.renders?.base, ctx.renders?.headAtMin].some((r) => r?.status === 'skipped'),
  );
  if (skipped.length === 0) return undefined;
  const first = [skipped[0].renders?.head, skipped[0].renders?.base].find((r) => r?.status === 'skipped');
  return { reason: first?.reason ?? 'no reason given', charts: [...new Set(skipped.map((ctx) => ctx.change.name))] };
}
