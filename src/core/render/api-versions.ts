// Served REST API versions that Kubernetes deprecated and removed: the rows are data, src/data/removed-apis.json
// (each with its section of docs/reference/deprecated-apis.md and its upstream source), loaded by reference-tables.ts.
// "removedIn" is the first minor whose kube-apiserver no longer serves the version by default; upstream lifecycle
// tags (L) win where sources disagree (§6). Left out on purpose: the phantom apps/v1beta1 ReplicaSet, AdmissionReview
// (a webhook payload, not served), the Eviction subresource and apidiscovery responses (never in manifests),
// component-config files (§7).
import { type ApiVersionEntry, REMOVED_APIS } from './reference-tables.js';

export type { ApiVersionEntry } from './reference-tables.js';

export const API_VERSIONS: readonly ApiVersionEntry[] = REMOVED_APIS;

/** The entry for an apiVersion + kind, if Kubernetes ever deprecated or removed it. */
export function apiVersionEntry(apiVersion: string, kind: string): ApiVersionEntry | undefined {
  return API_VERSIONS.find((entry) => entry.apiVersion === apiVersion && entry.kinds.includes(kind));
}

/** "1.25", "v1.25.3", "1.25.0-0" -> [1, 25]; undefined when not a version. */
export function parseKubeVersion(version: string): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** True when `release` ("1.25") is at or before `target` ("1.29"). */
export function reachedBy(release: string | undefined, target: string): boolean {
  if (release === undefined) return false;
  const r = parseKubeVersion(release);
  const t = parseKubeVersion(target);
  if (!r || !t) return false;
  return r[0] < t[0] || (r[0] === t[0] && r[1] <= t[1]);
}

export type ApiStatus = 'removed' | 'deprecated' | 'served';

/** What a cluster of version `target` does with this apiVersion + kind. */
export function apiStatusAt(entry: ApiVersionEntry | undefined, target: string): ApiStatus {
  if (!entry) return 'served';
  if (reachedBy(entry.removedIn, target)) return 'removed';
  if (reachedBy(entry.deprecatedIn, target)) return 'deprecated';
  return 'served';
}
