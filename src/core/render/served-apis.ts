// The built-in REST APIs a kube-apiserver serves by default, per minor release, for `helm template --api-versions`.
//
// Without a cluster, helm advertises in .Capabilities.APIVersions only the group/versions compiled into its client
// library (pkg/chartutil/capabilities.go, DefaultVersionSet): no apiregistration.k8s.io/v1 and no group/version/Kind
// entries ("policy/v1/PodDisruptionBudget"), which charts test with .Capabilities.APIVersions.Has. Against a cluster,
// helm lists every group/version and group/version/Kind the server's discovery returns (pkg/action/action.go,
// GetVersionSet). This table stands in for that discovery.
//
// The rows are data, src/data/served-apis.json (loaded by reference-tables.ts): a group/version, the first minor
// release that serves its kinds by default, and the kinds. When it stops being served is not repeated there: it is
// the removedIn of API_VERSIONS (src/data/removed-apis.json). Sources: the Kubernetes API reference
// (https://kubernetes.io/docs/reference/kubernetes-api/, and per release
// https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.NN/), the Deprecated API Migration Guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, "available since") and the release notes
// (CHANGELOG-1.NN.md). Only versions on by default are listed: alpha versions never are, and beta versions added
// since 1.24 are off by default (KEP-3136), so they are left out (e.g. admissionregistration.k8s.io/v1beta1
// ValidatingAdmissionPolicy, networking.k8s.io/v1beta1 IPAddress, resource.k8s.io/v1beta1).
import { apiStatusAt, apiVersionEntry, reachedBy } from './api-versions.js';
import { SERVED_APIS } from './reference-tables.js';

export type { ServedApi } from './reference-tables.js';
export { SERVED_APIS };

/**
 * What a cluster of minor `kubeVersion` ("1.28") advertises for the built-in APIs: every served group/version, then
 * every served group/version/Kind, in table order. A kind is served from its row's release until the removedIn of
 * API_VERSIONS; a group/version is served while one of its kinds is.
 */
export function servedApiVersions(kubeVersion: string): string[] {
  const versions = new Set<string>();
  const kinds = new Set<string>();
  for (const row of SERVED_APIS) {
    if (!reachedBy(row.since, kubeVersion)) continue;
    for (const kind of row.kinds) {
      if (apiStatusAt(apiVersionEntry(row.apiVersion, kind), kubeVersion) === 'removed') continue;
      versions.add(row.apiVersion);
      kinds.add(`${row.apiVersion}/${kind}`);
    }
  }
  return [...versions, ...kinds];
}
