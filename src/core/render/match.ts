// Pairs old and new rendered objects the way Helm does on upgrade: by API group + kind + namespace + name, the
// version ignored (docs/reference/immutable-fields.md §5.4; helm/helm pkg/kube/resource.go isMatchingInfo).
// Namespaced objects without metadata.namespace land in the release namespace, so they match on it.
import type { ResourceRef } from '../report/report.js';
import { crdDefines } from './document-facts.js';
import type { Manifest, RenderResult } from './types.js';

/** Built-in cluster-scoped kinds, by group: their metadata.namespace is ignored by the API server. */
const CLUSTER_SCOPED: Record<string, string[]> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
  ],
  'apiregistration.k8s.io': ['APIService'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR', 'ClusterCIDR'],
  'scheduling.k8s.io': ['PriorityClass'],
  'node.k8s.io': ['RuntimeClass'],
  policy: ['PodSecurityPolicy'],
  extensions: ['PodSecurityPolicy'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice', 'DeviceTaintRule'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
  'cert-manager.io': ['ClusterIssuer'],
};

/** "group/Kind" -> scope, from CRDs found in the renders (custom resources are namespaced unless their CRD says so). */
export type CustomScopes = Map<string, 'Cluster' | 'Namespaced'>;

export function customScopes(...renders: (RenderResult | undefined)[]): CustomScopes {
  const scopes: CustomScopes = new Map();
  for (const render of renders) {
    for (const m of render?.manifests ?? []) {
      if (m.group !== 'apiextensions.k8s.io' || m.ref.kind !== 'CustomResourceDefinition') continue;
      const defined = crdDefines(m);
      if (defined)
        scopes.set(`${defined.group}/${defined.kind}`, defined.scope === 'Cluster' ? 'Cluster' : 'Namespaced');
    }
  }
  return scopes;
}

export function isClusterScoped(group: string, kind: string, scopes?: CustomScopes): boolean {
  if (CLUSTER_SCOPED[group]?.includes(kind)) return true;
  return scopes?.get(`${group}/${kind}`) === 'Cluster';
}

/** The namespace the object lives in once applied: its own, else the release namespace; none when cluster-scoped. */
export function objectNamespace(m: Manifest, releaseNamespace: string, scopes?: CustomScopes): string | undefined {
  if (isClusterScoped(m.group, m.ref.kind, scopes)) return undefined;
  return m.ref.namespace ?? releaseNamespace;
}

/** The resource reference reported in findings, with the effective namespace filled in. */
export function effectiveRef(m: Manifest, releaseNamespace: string, scopes?: CustomScopes): ResourceRef {
  const namespace = objectNamespace(m, releaseNamespace, scopes);
  return { apiVersion: m.ref.apiVersion, kind: m.ref.kind, ...(namespace ? { namespace } : {}), name: m.ref.name };
}

/** Helm's identity of an object in a release: group + kind + effective namespace + name. */
export function matchKey(m: Manifest, releaseNamespace: string, scopes?: CustomScopes): string {
  return `${m.group}/${m.ref.kind}/${objectNamespace(m, releaseNamespace, scopes) ?? ''}/${m.ref.name}`;
}

/** Objects `helm upgrade` patches, creates and deletes: not hooks (re-created, §5.5), not crds/ (never upgraded, §5.3). */
export function isReleaseObject(m: Manifest): boolean {
  return !m.isHook && !m.fromCrdsDir;
}

export interface MatchedObject {
  base: Manifest;
  head: Manifest;
}

export interface RenderMatch {
  /** Present in both renders: Helm patches the live object. */
  matched: MatchedObject[];
  /** Only in the old render: Helm deletes it after a successful upgrade. */
  removed: Manifest[];
  /** Only in the new render: Helm creates it. */
  added: Manifest[];
  scopes: CustomScopes;
}

/** Matches the objects both renders hold, keeping only those `include` accepts (default: release objects). */
export function matchRenders(
  base: RenderResult,
  head: RenderResult,
  include: (m: Manifest) => boolean = isReleaseObject,
): RenderMatch {
  const scopes = customScopes(base, head);
  const index = (render: RenderResult) => {
    const byKey = new Map<string, Manifest>();
    for (const m of render.manifests) if (include(m)) byKey.set(matchKey(m, render.namespace, scopes), m);
    return byKey;
  };
  const baseByKey = index(base);
  const headByKey = index(head);
  const matched: MatchedObject[] = [];
  const removed: Manifest[] = [];
  for (const [key, m] of baseByKey) {
    const other = headByKey.get(key);
    if (other) matched.push({ base: m, head: other });
    else removed.push(m);
  }
  const added = [...headByKey].filter(([key]) => !baseByKey.has(key)).map(([, m]) => m);
  return { matched, removed, added, scopes };
}

/** "StatefulSet rel-mariadb" for messages. */
export function describe(m: Pick<Manifest, 'ref'>): string {
  return `${m.ref.kind} ${m.ref.name}`;
}
