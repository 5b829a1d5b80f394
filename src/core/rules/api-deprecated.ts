// api-deprecated: the new render uses an apiVersion deprecated at the newest target cluster but still served there
// (docs/reference/deprecated-apis.md §3, §4). Only the head render; no target, no check.
import { apiUses, replacementAdvice } from '../render/api-uses.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const apiDeprecated = {
  id: 'api-deprecated',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'warning',
  description: 'a rendered resource uses an apiVersion deprecated in the target Kubernetes version',
  check(ctx) {
    return apiUses(ctx, 'deprecated').map(({ manifest: m, entry, kube, resource, file, line, at }): FindingDraft => {
      const removal = entry.removedIn ? `, and removed in ${entry.removedIn}` : '';
      const where = at !== kube.max ? ` (rendered for the oldest clusters, ${at})` : '';
      return {
        message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}${where}, deprecated since Kubernetes ${entry.deprecatedIn}${removal}.`,
        file,
        line,
        resource,
        path: 'apiVersion',
        before: null,
        after: m.ref.apiVersion,
        remedy: replacementAdvice(entry, kube),
      };
    });
  },
} satisfies ChartRule;
