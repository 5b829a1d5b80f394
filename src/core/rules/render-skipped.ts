import type { ChartInputs } from '../model/chart-context.js';
import { code } from '../report/message.js';
import type { ChartReport, Finding } from '../report/report.js';
import type { ChartRule, RepoRule } from './rule.js';

// Without a render, the checks that read manifests (immutable fields, StatefulSet replacement, CRDs, APIs) and the
// render proof of override keys cannot run; say which instead of passing silently. Renders are only ever skipped for
// the whole run, and only when rendering is explicitly off (no helm where rendering is on stops the run:
// pipeline/helm-choice.ts), so it is said once for the run, naming the charts left unchecked, not once per chart.
export const renderSkipped = {
  id: 'render-skipped',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'warning',
  description: 'rendering is off (--no-render, render.enabled: false): the render-based checks did not run',
  check({ renderSkipped: skipped }) {
    if (!skipped || skipped.charts.length === 0) return [];
    return [
      {
        message: `${skippedFor(skipped.charts, skipped.reason)}${notRun(skipped.checks)}`,
        remedy:
          "Turn rendering on (drop --no-render, or set render.enabled: true in the base branch's config) with helm 3 or 4 available (on PATH, or the helm input / --helm) to run them.",
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

const NOT_RUN = ' Not run:';

function skippedFor(charts: readonly string[], reason: string): string {
  const named = charts.length === 1 ? charts[0] : `${charts.length} charts (${charts.join(', ')})`;
  return `The render-based checks did not run for ${named}: ${reason}.`;
}

/** The checks left out: the run's rules that read renders, and the render proof of override keys. */
function notRun(checks: readonly string[] | undefined): string {
  const rules = checks?.length ? `${checks.map((id) => code(id)).join(', ')}, and ` : '';
  return `${NOT_RUN} ${rules}the render proof of override keys a template reads only through a map above them (they stay accepted).`;
}

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
  // the checks are the same in every shard (one config, one mode): keep the shard's list
  const listed = finding.message.indexOf(NOT_RUN);
  return { ...finding, message: `${skippedFor(names, reason)}${listed < 0 ? '' : finding.message.slice(listed)}` };
}

/**
 * The run-wide skip of a set of analysed charts: the first skip reason, every chart with a skipped render, and the ids
 * of the given rules (the run's chart rules) that read renders.
 */
export function renderSkippedOf(
  contexts: readonly ChartInputs[],
  chartRules: readonly ChartRule[] = [],
): { reason: string; charts: string[]; checks: string[] } | undefined {
  const skipped = contexts.filter((ctx) =>
    [ctx.renders?.head, ctx.renders?.base, ctx.renders?.headAtMin].some((r) => r?.status === 'skipped'),
  );
  if (skipped.length === 0) return undefined;
  const first = [skipped[0].renders?.head, skipped[0].renders?.base].find((r) => r?.status === 'skipped');
  return {
    reason: first?.reason ?? 'no reason given',
    charts: [...new Set(skipped.map((ctx) => ctx.change.name))],
    checks: chartRules.filter((rule) => rule.needs.renders).map((rule) => rule.id),
  };
}
