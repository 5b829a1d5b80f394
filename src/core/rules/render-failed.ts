import { isKubeVersionFailure } from '../render/helm.js';
import type { RenderResult } from '../render/types.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

// A version that cannot be rendered cannot be compared: immutable fields, CRDs and APIs go unchecked, and a head
// that fails `helm template` fails `helm upgrade` the same way. A head failing only because its kubeVersion excludes
// --kube-version is left to kube-version-unsupported (helm: "chart requires kubeVersion: ... incompatible with ...").
export const renderFailed = {
  id: 'render-failed',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'error',
  description: '`helm template` failed for a version that must be rendered',
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const side of ['head', 'base'] as const) {
      const render = ctx.renders?.[side];
      if (render?.status !== 'failed') continue;
      const kubeVersionOnly = isKubeVersionFailure(render.reason);
      if (kubeVersionOnly && side === 'head') continue;
      findings.push(failure(ctx, side, render, kubeVersionOnly));
    }
    return findings;
  },
} satisfies ChartRule;

function failure(
  ctx: ChartContext,
  side: 'base' | 'head',
  render: RenderResult,
  kubeVersionOnly: boolean,
): FindingDraft {
  const { change } = ctx;
  const version = ctx[side]?.metadata.version ?? change[side]?.version;
  const which = side === 'head' ? 'new' : 'old';
  const label = `the ${which} version${version ? ` (${version})` : ''} of ${change.name}`;
  // on a line of its own: the formats show it as a command block (it may span lines, with --api-versions)
  const reproduce = render.command ? `Reproduce at the ${side} commit with:\n${render.command}` : '';
  if (kubeVersionOnly) {
    // The old chart already excluded the target cluster: nothing to compare the new render with.
    return {
      severity: 'warning',
      message: `helm template refused ${label}: ${render.reason}; the render-based checks had no old render to compare with.`,
      remedy: reproduce || undefined,
    };
  }
  const place = side === 'head' ? templatePlace(ctx, render.reason ?? '') : undefined;
  return {
    message: `helm template failed for ${label}: ${render.reason ?? 'no message'}`,
    ...(place ?? (side === 'head' && ctx.head ? { file: ctx.head.chartYamlPath } : {})),
    remedy:
      (side === 'head'
        ? '`helm upgrade` will fail the same way: fix the override values (or the template) the message names. '
        : 'The old version does not render with the current values, so it could not be compared. ') + reproduce,
  };
}

/** helm names the failing template as "<chart>/templates/x.yaml:12" (subcharts: "<chart>/charts/<sub>/..."). */
function templatePlace(ctx: ChartContext, reason: string): { file: string; line: number } | undefined {
  const chart = ctx.head;
  const name = chart?.metadata.name;
  if (!chart || !name) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[\\s(:"])${escaped}/((?:charts/[^/\\s:]+/)*templates/[^\\s:)"]+):(\\d+)`).exec(reason);
  if (!match) return undefined;
  return { file: `${chart.dir}/${match[1]}`, line: Number(match[2]) };
}
