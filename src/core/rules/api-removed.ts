// api-removed: the new render uses an apiVersion that the newest cluster of the target range no longer serves
// (docs/reference/deprecated-apis.md §3): `helm upgrade` fails with "no matches for kind". Only the head
// render is checked (what gets applied), hooks and crds/ included (a reinstall applies them). No target, no check.
import { apiUses, replacementAdvice } from '../render/api-uses.js';
import { apiStatusAt } from '../render/api-versions.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const apiRemoved = {
  id: 'api-removed',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'error',
  description: 'a rendered resource uses an apiVersion removed in the target Kubernetes version',
  readiness: {},
  check(ctx) {
    return apiUses(ctx, 'removed').map(({ manifest: m, entry, kube, resource, file, line, at }): FindingDraft => {
      const fleet =
        kube.min === kube.max
          ? `Kubernetes ${kube.max}`
          : at !== kube.max
            ? `Kubernetes ${at}, the oldest clusters (rendered for them)`
            : apiStatusAt(entry, kube.min) === 'removed'
              ? `every cluster of ${kube.min}-${kube.max}`
              : `Kubernetes ${kube.max} (still served by ${kube.min})`;
      return {
        message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}, removed in Kubernetes ${entry.removedIn}: ${fleet} refuses it.`,
        file,
        line,
        resource,
        path: 'apiVersion',
        before: null,
        after: m.ref.apiVersion,
        remedy: `${replacementAdvice(entry, kube)} If the chart picks the apiVersion from .Capabilities, render with --kube-version ${at}; otherwise override the value that enables this template or upgrade the chart.`,
      };
    });
  },
} satisfies ChartRule;
