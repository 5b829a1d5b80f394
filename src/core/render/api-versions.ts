// Served REST API versions that Kubernetes deprecated and removed, from docs/reference/deprecated-apis.md
// (§3 removals by release, §4 deprecated-but-served). "removedIn" is the first minor whose kube-apiserver no
// longer serves the version by default; upstream lifecycle tags (L) win where sources disagree (§6).
// Left out on purpose: the phantom apps/v1beta1 ReplicaSet, AdmissionReview (a webhook payload, not served),
// the Eviction subresource and apidiscovery responses (never in manifests), component-config files (§7).

export interface ApiVersionEntry {
  apiVersion: string;
  kinds: string[];
  /** Minor release ("1.21") that deprecated it; undefined when it went without a deprecation (alpha). */
  deprecatedIn?: string;
  /** First minor release that stops serving it; undefined when no removal is planned. */
  removedIn?: string;
  /** What to use instead, e.g. "policy/v1"; undefined when nothing replaces it. */
  replacement?: string;
  /** First release serving the replacement. */
  replacementSince?: string;
  /** Extra advice (no successor, field changes, unresolved dates). */
  note?: string;
  /** Section of deprecated-apis.md. */
  section: string;
}

const DRA_V1 = { replacement: 'resource.k8s.io/v1', replacementSince: '1.34' };

// biome-ignore format: one row per apiVersion, like the tables of the reference
export const API_VERSIONS: ApiVersionEntry[] = [
  // §3.1 removed in 1.16 (switched off by default; could not be re-enabled from 1.18)
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1', replacementSince: '1.9', note: 'spec.selector becomes required and immutable', section: '§3.1' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ControllerRevision'], deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1', replacementSince: '1.9', section: '§3.1' },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', replacementSince: '1.9', section: '§3.1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1', replacementSince: '1.8', section: '§3.1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.11', removedIn: '1.16', note: 'PodSecurityPolicy is gone since 1.25: use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)', section: '§3.1' },
  // §3.2 alpha versions removed in 1.19-1.21
  { apiVersion: 'auditregistration.k8s.io/v1alpha1', kinds: ['AuditSink'], removedIn: '1.19', note: 'dynamic auditing was dropped: use static audit backends', section: '§3.2' },
  { apiVersion: 'settings.k8s.io/v1alpha1', kinds: ['PodPreset'], removedIn: '1.20', note: 'use a mutating admission webhook', section: '§3.2' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.21', replacement: 'batch/v1', replacementSince: '1.21', section: '§3.2' },
  { apiVersion: 'discovery.k8s.io/v1alpha1', kinds: ['EndpointSlice'], deprecatedIn: '1.20', removedIn: '1.21', replacement: 'discovery.k8s.io/v1', replacementSince: '1.21', section: '§3.2' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1alpha1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.20', removedIn: '1.21', replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: '1.29', section: '§3.2' },
  // §3.3 removed in 1.22
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', replacementSince: '1.16', note: 'sideEffects and admissionReviewVersions become required', section: '§3.3' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', replacementSince: '1.16', note: 'per-version schema and a structural openAPIV3Schema are required', section: '§3.3' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', replacementSince: '1.10', section: '§3.3' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authentication.k8s.io/v1', replacementSince: '1.6', section: '§3.3' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authorization.k8s.io/v1', replacementSince: '1.6', section: '§3.3' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', replacementSince: '1.19', section: '§3.3' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'coordination.k8s.io/v1', replacementSince: '1.14', section: '§3.3' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1', replacementSince: '1.19', note: 'backends become service.name/service.port and every path needs a pathType', section: '§3.3' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', replacementSince: '1.19', note: 'backends become service.name/service.port and every path needs a pathType', section: '§3.3' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', replacementSince: '1.19', section: '§3.3' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', replacementSince: '1.8', section: '§3.3' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', replacementSince: '1.14', section: '§3.3' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1', replacementSince: '1.19', section: '§3.3' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSINode'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'storage.k8s.io/v1', replacementSince: '1.17', section: '§3.3' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['StorageClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1', replacementSince: '1.6', section: '§3.3' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['VolumeAttachment'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1', replacementSince: '1.13', section: '§3.3' },
  // §3.4 alpha versions removed in 1.23 and 1.24
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.23', replacement: 'rbac.authorization.k8s.io/v1', replacementSince: '1.8', section: '§3.4' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.23', replacement: 'scheduling.k8s.io/v1', replacementSince: '1.14', section: '§3.4' },
  { apiVersion: 'node.k8s.io/v1alpha1', kinds: ['RuntimeClass'], removedIn: '1.24', replacement: 'node.k8s.io/v1', replacementSince: '1.20', note: 'spec.runtimeHandler becomes the top-level handler', section: '§3.4' },
  { apiVersion: 'storage.k8s.io/v1alpha1', kinds: ['VolumeAttachment'], deprecatedIn: '1.21', removedIn: '1.24', replacement: 'storage.k8s.io/v1', replacementSince: '1.13', section: '§3.4' },
  { apiVersion: 'storage.k8s.io/v1alpha1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.21', removedIn: '1.24', replacement: 'storage.k8s.io/v1', replacementSince: '1.24', section: '§3.4' },
  // §3.5 removed in 1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1', replacementSince: '1.21', section: '§3.5' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', replacementSince: '1.21', section: '§3.5' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'events.k8s.io/v1', replacementSince: '1.19', section: '§3.5' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2', replacementSince: '1.23', note: 'metric targets move into typed target objects', section: '§3.5' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1', replacementSince: '1.21', note: 'an empty selector selects every pod in policy/v1', section: '§3.5' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25', note: 'no successor: the PodSecurityPolicy admission plugin is gone; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels) or an admission webhook, and disable the PSP template', section: '§3.5' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1', replacementSince: '1.20', section: '§3.5' },
  // §3.6-§3.9
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2', replacementSince: '1.23', section: '§3.6' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: '1.29', section: '§3.6' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1', replacementSince: '1.24', section: '§3.7' },
  { apiVersion: 'resource.k8s.io/v1alpha1', kinds: ['ResourceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'PodScheduling'], removedIn: '1.27', ...DRA_V1, note: 'classic DRA was redesigned', section: '§3.7' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: '1.29', section: '§3.8' },
  { apiVersion: 'networking.k8s.io/v1alpha1', kinds: ['ClusterCIDR'], deprecatedIn: '1.28', removedIn: '1.29', note: 'the alpha feature was dropped', section: '§3.8' },
  { apiVersion: 'resource.k8s.io/v1alpha2', kinds: ['ResourceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'PodSchedulingContext', 'ResourceSlice', 'ResourceClaimParameters', 'ResourceClassParameters'], removedIn: '1.31', ...DRA_V1, note: 'incompatible redesign (DeviceClass replaces ResourceClass)', section: '§3.9' },
  // §3.10-§3.14
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: '1.29', section: '§3.10' },
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'admissionregistration.k8s.io/v1', replacementSince: '1.30', section: '§3.10' },
  { apiVersion: 'authentication.k8s.io/v1alpha1', kinds: ['SelfSubjectReview'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'authentication.k8s.io/v1', replacementSince: '1.28', section: '§3.10' },
  { apiVersion: 'coordination.k8s.io/v1alpha1', kinds: ['LeaseCandidate'], removedIn: '1.32', replacement: 'coordination.k8s.io/v1beta1', replacementSince: '1.33', section: '§3.10' },
  { apiVersion: 'resource.k8s.io/v1alpha3', kinds: ['PodSchedulingContext'], removedIn: '1.32', note: 'classic DRA was removed', section: '§3.10' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['SelfSubjectReview'], deprecatedIn: '1.30', removedIn: '1.33', replacement: 'authentication.k8s.io/v1', replacementSince: '1.28', section: '§3.11' },
  { apiVersion: 'networking.k8s.io/v1alpha1', kinds: ['IPAddress', 'ServiceCIDR'], deprecatedIn: '1.30', removedIn: '1.33', replacement: 'networking.k8s.io/v1', replacementSince: '1.33', section: '§3.11' },
  { apiVersion: 'resource.k8s.io/v1alpha3', kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], deprecatedIn: '1.34', removedIn: '1.34', ...DRA_V1, section: '§3.12' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], deprecatedIn: '1.31', removedIn: '1.34', replacement: 'admissionregistration.k8s.io/v1', replacementSince: '1.30', section: '§3.12' },
  { apiVersion: 'storage.k8s.io/v1alpha1', kinds: ['VolumeAttributesClass'], deprecatedIn: '1.32', removedIn: '1.35', replacement: 'storage.k8s.io/v1', replacementSince: '1.34', section: '§3.13' },
  { apiVersion: 'storagemigration.k8s.io/v1alpha1', kinds: ['StorageVersionMigration'], deprecatedIn: '1.33', removedIn: '1.35', replacement: 'storagemigration.k8s.io/v1beta1', replacementSince: '1.35', section: '§3.13' },
  { apiVersion: 'certificates.k8s.io/v1alpha1', kinds: ['PodCertificateRequest'], removedIn: '1.35', replacement: 'certificates.k8s.io/v1beta1', replacementSince: '1.35', section: '§3.13' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['Workload'], removedIn: '1.36', replacement: 'scheduling.k8s.io/v1alpha2', replacementSince: '1.36', section: '§3.14' },
  // §3.14 unresolved: release notes say removed in 1.36, the lifecycle tags (what the server obeys) say 1.38
  { apiVersion: 'resource.k8s.io/v1beta1', kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], deprecatedIn: '1.33', removedIn: '1.38', ...DRA_V1, note: 'the 1.33 release notes announced removal in 1.36; off by default since it is a beta added after 1.24', section: '§3.14' },
  // §3.15 planned for 1.37
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IPAddress', 'ServiceCIDR'], deprecatedIn: '1.34', removedIn: '1.37', replacement: 'networking.k8s.io/v1', replacementSince: '1.33', section: '§3.15' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['VolumeAttributesClass'], deprecatedIn: '1.34', removedIn: '1.37', replacement: 'storage.k8s.io/v1', replacementSince: '1.34', section: '§3.15' },
  { apiVersion: 'certificates.k8s.io/v1alpha1', kinds: ['ClusterTrustBundle'], deprecatedIn: '1.34', removedIn: '1.37', replacement: 'certificates.k8s.io/v1beta1', replacementSince: '1.33', section: '§3.15' },
  { apiVersion: 'scheduling.k8s.io/v1alpha2', kinds: ['Workload', 'PodGroup'], removedIn: '1.37', replacement: 'scheduling.k8s.io/v1beta1', replacementSince: '1.37', section: '§3.15' },
  // §4 deprecated, still served in 1.36
  { apiVersion: 'resource.k8s.io/v1beta2', kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], deprecatedIn: '1.36', removedIn: '1.39', ...DRA_V1, section: '§4' },
  { apiVersion: 'resource.k8s.io/v1alpha3', kinds: ['DeviceTaintRule'], deprecatedIn: '1.36', removedIn: '1.39', replacement: 'resource.k8s.io/v1beta2', replacementSince: '1.36', section: '§4' },
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kinds: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'], deprecatedIn: '1.35', removedIn: '1.38', replacement: 'admissionregistration.k8s.io/v1', replacementSince: '1.36', section: '§4' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'], deprecatedIn: '1.37', removedIn: '1.40', replacement: 'admissionregistration.k8s.io/v1', replacementSince: '1.36', section: '§4' },
  { apiVersion: 'coordination.k8s.io/v1alpha2', kinds: ['LeaseCandidate'], deprecatedIn: '1.35', removedIn: '1.38', replacement: 'coordination.k8s.io/v1beta1', replacementSince: '1.33', section: '§4' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['LeaseCandidate'], deprecatedIn: '1.36', removedIn: '1.39', note: 'no replacement yet', section: '§4' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['ClusterTrustBundle', 'PodCertificateRequest'], deprecatedIn: '1.37', removedIn: '1.40', replacement: 'certificates.k8s.io/v1', replacementSince: '1.37', section: '§4' },
  { apiVersion: 'storagemigration.k8s.io/v1beta1', kinds: ['StorageVersionMigration'], deprecatedIn: '1.37', removedIn: '1.40', replacement: 'storagemigration.k8s.io/v1', replacementSince: '1.37', section: '§4' },
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecatedIn: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice', replacementSince: '1.21', note: 'no removal is planned', section: '§4' },
  { apiVersion: 'v1', kinds: ['ComponentStatus'], deprecatedIn: '1.19', note: 'use the /livez and /readyz endpoints; no removal date', section: '§4' },
];

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
