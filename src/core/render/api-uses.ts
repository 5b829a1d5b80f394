// What the api-removed and api-deprecated rules share: the head render's objects whose apiVersion has a given
// status at the newest cluster of the target range (docs/reference/deprecated-apis.md), and the advice.

import type { ChartContext } from '../model/chart-context.js';
import type { KubeTarget } from '../model/model.js';
import type { ResourceRef } from '../report/report.js';
import { type ApiStatus, type ApiVersionEntry, apiStatusAt, apiVersionEntry, reachedBy } from './api-versions.js';
import { customScopes, effectiveRef } from './match.js';
import { chartLocation, renderedHead } from './rendered-sources.js';
import type { Manifest, RenderResult } from './types.js';

export interface ApiUse {
  manifest: Manifest;
  entry: ApiVersionEntry;
  kube: KubeTarget;
  resource: ResourceRef;
  file?: string;
  line?: number;
  /** The cluster version of the render it was found in: the fleet's newest, or its oldest. */
  at: string;
}

/**
 * Objects of the head render whose apiVersion is `status` at the newest target cluster, and, for a fleet, objects
 * of the head rendered for the oldest cluster whose apiVersion is `status` there (charts branch on
 * .Capabilities.KubeVersion). An object found at both ends is reported once. No target, no check.
 */
export function apiUses(ctx: ChartContext, status: ApiStatus): ApiUse[] {
  // the environment's target, resolved once by the workspace (workspace.ts)
  const { kube } = ctx;
  if (!kube) return [];
  const ends: { render: RenderResult | undefined; version: string }[] = [
    { render: renderedHead(ctx), version: kube.max },
  ];
  const atMin = ctx.renders?.headAtMin;
  if (kube.min !== kube.max && atMin?.status === 'ok') ends.push({ render: atMin, version: kube.min });
  const seen = new Set<string>();
  const uses: ApiUse[] = [];
  for (const { render, version } of ends) {
    if (!render) continue;
    const scopes = customScopes(render);
    for (const manifest of render.manifests) {
      const entry = apiVersionEntry(manifest.ref.apiVersion, manifest.ref.kind);
      if (!entry || apiStatusAt(entry, version) !== status) continue;
      const resource = effectiveRef(manifest, render.namespace, scopes);
      const id = `${resource.apiVersion}/${resource.kind}/${resource.namespace ?? ''}/${resource.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      uses.push({ manifest, entry, kube, resource, ...chartLocation(ctx, manifest, 'head'), at: version });
    }
  }
  return uses;
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
