// What the api-removed and api-deprecated rules share: the head render's objects whose apiVersion has a given
// status at the newest cluster of the target range (../shared/reference/deprecated-apis.md), and the advice.
import type { KubeTarget } from '../model.js';
import type { ResourceRef } from '../report.js';
import type { ChartContext } from '../rules/rule.js';
import { type ApiStatus, type ApiVersionEntry, apiStatusAt, apiVersionEntry, reachedBy } from './api-versions.js';
import { customScopes, effectiveRef } from './match.js';
import { chartFile, renderedHead } from './rule-support.js';
import type { Manifest } from './types.js';

export interface ApiUse {
  manifest: Manifest;
  entry: ApiVersionEntry;
  kube: KubeTarget;
  resource: ResourceRef;
  file?: string;
}

export function kubeTarget(ctx: ChartContext): KubeTarget | undefined {
  return ctx.kube ?? ctx.config.kubernetes;
}

/** Objects of the head render whose apiVersion is `status` at the newest target cluster; none without a target. */
export function apiUses(ctx: ChartContext, status: ApiStatus): ApiUse[] {
  const head = renderedHead(ctx);
  const kube = kubeTarget(ctx);
  if (!head || !kube) return [];
  const scopes = customScopes(head);
  return head.manifests.flatMap((manifest): ApiUse[] => {
    const entry = apiVersionEntry(manifest.ref.apiVersion, manifest.ref.kind);
    if (!entry || apiStatusAt(entry, kube.max) !== status) return [];
    const resource = effectiveRef(manifest, head.namespace, scopes);
    return [{ manifest, entry, kube, resource, file: chartFile(ctx, manifest, 'head') }];
  });
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
