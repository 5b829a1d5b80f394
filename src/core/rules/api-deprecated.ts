// api-deprecated: the new render uses an apiVersion deprecated at the newest target cluster but still served there
// (../shared/reference/deprecated-apis.md §3, §4). Only the head render; no target, no check.
import { apiStatusAt, apiVersionEntry } from '../render/api-versions.js';
import { customScopes, effectiveRef } from '../render/match.js';
import { chartFile, renderedHead } from '../render/rule-support.js';
import type { Manifest } from '../render/types.js';
import { kubeTarget, replacementAdvice } from './api-removed.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const apiDeprecated: ChartRule = {
  id: 'api-deprecated',
  scope: 'chart',
  severity: 'warning',
  description: 'a rendered resource uses an apiVersion deprecated in the target Kubernetes version',
  check(ctx) {
    const head = renderedHead(ctx);
    const kube = kubeTarget(ctx);
    if (!head || !kube) return [];
    const scopes = customScopes(head);
    return head.manifests.flatMap((m: Manifest): FindingDraft[] => {
      const entry = apiVersionEntry(m.ref.apiVersion, m.ref.kind);
      if (!entry || apiStatusAt(entry, kube.max) !== 'deprecated') return [];
      const removal = entry.removedIn ? `, and removed in ${entry.removedIn}` : '';
      return [
        {
          message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}, deprecated since Kubernetes ${entry.deprecatedIn}${removal}.`,
          file: chartFile(ctx, m, 'head'),
          resource: effectiveRef(m, head.namespace, scopes),
          path: 'apiVersion',
          before: null,
          after: m.ref.apiVersion,
          remedy: replacementAdvice(entry, kube),
        },
      ];
    });
  },
};
