// api-removed: the new render uses an apiVersion that the newest cluster of the target range no longer serves
// (../shared/reference/deprecated-apis.md §3): `helm upgrade` fails with "no matches for kind". Only the head
// render is checked (what gets applied), hooks and crds/ included (a reinstall applies them). No target, no check.

import type { KubeTarget } from '../model.js';
import { type ApiVersionEntry, apiStatusAt, apiVersionEntry, reachedBy } from '../render/api-versions.js';
import { customScopes, effectiveRef } from '../render/match.js';
import { chartFile, renderedHead } from '../render/rule-support.js';
import type { Manifest } from '../render/types.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

export function kubeTarget(ctx: ChartContext): KubeTarget | undefined {
  return ctx.kube ?? ctx.config.kubernetes;
}

/** "use policy/v1 (served since 1.21)", with a warning when the oldest cluster does not serve it yet. */
export function replacementAdvice(entry: ApiVersionEntry, kube: KubeTarget): string {
  const note = entry.note ? ` (${entry.note})` : '';
  if (!entry.replacement) return `There is no replacement${note}.`;
  const since = entry.replacementSince ? ` (served since ${entry.replacementSince})` : '';
  const gap =
    entry.replacementSince && !reachedBy(entry.replacementSince, kube.min)
      ? ` Your oldest cluster (${kube.min}) does not serve ${entry.replacement} yet: upgrade it first, or render per cluster version.`
      : '';
  return `Use ${entry.replacement}${since}${note}.${gap}`;
}

export const apiRemoved: ChartRule = {
  id: 'api-removed',
  scope: 'chart',
  severity: 'error',
  description: 'a rendered resource uses an apiVersion removed in the target Kubernetes version',
  check(ctx) {
    const head = renderedHead(ctx);
    const kube = kubeTarget(ctx);
    if (!head || !kube) return [];
    const scopes = customScopes(head);
    return head.manifests.flatMap((m: Manifest): FindingDraft[] => {
      const entry = apiVersionEntry(m.ref.apiVersion, m.ref.kind);
      if (!entry || apiStatusAt(entry, kube.max) !== 'removed') return [];
      const fleet =
        kube.min === kube.max
          ? `Kubernetes ${kube.max}`
          : apiStatusAt(entry, kube.min) === 'removed'
            ? `every cluster of ${kube.min}-${kube.max}`
            : `Kubernetes ${kube.max} (still served by ${kube.min})`;
      return [
        {
          message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}, removed in Kubernetes ${entry.removedIn}: ${fleet} refuses it.`,
          file: chartFile(ctx, m, 'head'),
          resource: effectiveRef(m, head.namespace, scopes),
          path: 'apiVersion',
          before: null,
          after: m.ref.apiVersion,
          remedy: `${replacementAdvice(entry, kube)} If the chart picks the apiVersion from .Capabilities, render with --kube-version ${kube.max}; otherwise override the value that enables this template or upgrade the chart.`,
        },
      ];
    });
  },
};
