// The built-in REST APIs a kube-apiserver serves by default, per minor release, for `helm template --api-versions`.
//
// Without a cluster, helm advertises in .Capabilities.APIVersions only the group/versions compiled into its client
// library (pkg/chartutil/capabilities.go, DefaultVersionSet): no apiregistration.k8s.io/v1 and no group/version/Kind
// entries ("policy/v1/PodDisruptionBudget"), which charts test with .Capabilities.APIVersions.Has. Against a cluster,
// helm lists every group/version and group/version/Kind the server's discovery returns (pkg/action/action.go,
// GetVersionSet). This table stands in for that discovery.
//
// Each row: a group/version, the first minor release that serves its kinds by default, and the kinds. When it stops
// being served is not repeated here: it is the removedIn of API_VERSIONS (api-versions.ts, from
// docs/reference/deprecated-apis.md). Sources: the Kubernetes API reference
// (https://kubernetes.io/docs/reference/kubernetes-api/, and per release
// https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.NN/), the Deprecated API Migration Guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, "available since") and the release notes
// (CHANGELOG-1.NN.md). Only versions on by default are listed: alpha versions never are, and beta versions added
// since 1.24 are off by default (KEP-3136), so they are left out (e.g. admissionregistration.k8s.io/v1beta1
// ValidatingAdmissionPolicy, networking.k8s.io/v1beta1 IPAddress, resource.k8s.io/v1beta1).
import { apiStatusAt, apiVersionEntry, reachedBy } from './api-versions.js';

export interface ServedApi {
  apiVersion: string;
  /** First minor release serving these kinds by default. */
  since: string;
  kinds: string[];
}

// biome-ignore format: one row per group/version and release, like a reference table
export const SERVED_APIS: ServedApi[] = [
  { apiVersion: 'v1', since: '1.0', kinds: ['Binding', 'ComponentStatus', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'] },
  { apiVersion: 'v1', since: '1.2', kinds: ['ConfigMap'] },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', since: '1.9', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'] },
  { apiVersion: 'admissionregistration.k8s.io/v1', since: '1.16', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'] },
  { apiVersion: 'admissionregistration.k8s.io/v1', since: '1.30', kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'] },
  { apiVersion: 'admissionregistration.k8s.io/v1', since: '1.36', kinds: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'] },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', since: '1.7', kinds: ['CustomResourceDefinition'] },
  { apiVersion: 'apiextensions.k8s.io/v1', since: '1.16', kinds: ['CustomResourceDefinition'] },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', since: '1.7', kinds: ['APIService'] },
  { apiVersion: 'apiregistration.k8s.io/v1', since: '1.10', kinds: ['APIService'] },
  { apiVersion: 'apps/v1beta1', since: '1.5', kinds: ['ControllerRevision', 'Deployment', 'StatefulSet'] },
  { apiVersion: 'apps/v1beta2', since: '1.8', kinds: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'] },
  { apiVersion: 'apps/v1', since: '1.9', kinds: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'] },
  { apiVersion: 'authentication.k8s.io/v1beta1', since: '1.3', kinds: ['TokenReview'] },
  { apiVersion: 'authentication.k8s.io/v1', since: '1.6', kinds: ['TokenReview'] },
  { apiVersion: 'authentication.k8s.io/v1', since: '1.28', kinds: ['SelfSubjectReview'] },
  { apiVersion: 'authorization.k8s.io/v1beta1', since: '1.3', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'] },
  { apiVersion: 'authorization.k8s.io/v1', since: '1.6', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'] },
  { apiVersion: 'autoscaling/v1', since: '1.2', kinds: ['HorizontalPodAutoscaler'] },
  { apiVersion: 'autoscaling/v2beta1', since: '1.8', kinds: ['HorizontalPodAutoscaler'] },
  { apiVersion: 'autoscaling/v2beta2', since: '1.12', kinds: ['HorizontalPodAutoscaler'] },
  { apiVersion: 'autoscaling/v2', since: '1.23', kinds: ['HorizontalPodAutoscaler'] },
  { apiVersion: 'batch/v1', since: '1.2', kinds: ['Job'] },
  { apiVersion: 'batch/v1beta1', since: '1.8', kinds: ['CronJob'] },
  { apiVersion: 'batch/v1', since: '1.21', kinds: ['CronJob'] },
  { apiVersion: 'certificates.k8s.io/v1beta1', since: '1.6', kinds: ['CertificateSigningRequest'] },
  { apiVersion: 'certificates.k8s.io/v1', since: '1.19', kinds: ['CertificateSigningRequest'] },
  { apiVersion: 'coordination.k8s.io/v1beta1', since: '1.12', kinds: ['Lease'] },
  { apiVersion: 'coordination.k8s.io/v1', since: '1.14', kinds: ['Lease'] },
  { apiVersion: 'discovery.k8s.io/v1beta1', since: '1.17', kinds: ['EndpointSlice'] },
  { apiVersion: 'discovery.k8s.io/v1', since: '1.21', kinds: ['EndpointSlice'] },
  { apiVersion: 'events.k8s.io/v1beta1', since: '1.8', kinds: ['Event'] },
  { apiVersion: 'events.k8s.io/v1', since: '1.19', kinds: ['Event'] },
  { apiVersion: 'extensions/v1beta1', since: '1.2', kinds: ['DaemonSet', 'Deployment', 'Ingress', 'NetworkPolicy', 'PodSecurityPolicy', 'ReplicaSet'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', since: '1.20', kinds: ['FlowSchema', 'PriorityLevelConfiguration'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', since: '1.23', kinds: ['FlowSchema', 'PriorityLevelConfiguration'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26', kinds: ['FlowSchema', 'PriorityLevelConfiguration'] },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29', kinds: ['FlowSchema', 'PriorityLevelConfiguration'] },
  { apiVersion: 'networking.k8s.io/v1', since: '1.7', kinds: ['NetworkPolicy'] },
  { apiVersion: 'networking.k8s.io/v1beta1', since: '1.14', kinds: ['Ingress'] },
  { apiVersion: 'networking.k8s.io/v1beta1', since: '1.18', kinds: ['IngressClass'] },
  { apiVersion: 'networking.k8s.io/v1', since: '1.19', kinds: ['Ingress', 'IngressClass'] },
  { apiVersion: 'networking.k8s.io/v1', since: '1.33', kinds: ['IPAddress', 'ServiceCIDR'] },
  { apiVersion: 'node.k8s.io/v1beta1', since: '1.14', kinds: ['RuntimeClass'] },
  { apiVersion: 'node.k8s.io/v1', since: '1.20', kinds: ['RuntimeClass'] },
  { apiVersion: 'policy/v1beta1', since: '1.5', kinds: ['PodDisruptionBudget'] },
  { apiVersion: 'policy/v1beta1', since: '1.10', kinds: ['PodSecurityPolicy'] },
  { apiVersion: 'policy/v1', since: '1.21', kinds: ['PodDisruptionBudget'] },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', since: '1.6', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', since: '1.8', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] },
  { apiVersion: 'resource.k8s.io/v1', since: '1.34', kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'] },
  { apiVersion: 'scheduling.k8s.io/v1beta1', since: '1.11', kinds: ['PriorityClass'] },
  { apiVersion: 'scheduling.k8s.io/v1', since: '1.14', kinds: ['PriorityClass'] },
  { apiVersion: 'storage.k8s.io/v1beta1', since: '1.4', kinds: ['StorageClass'] },
  { apiVersion: 'storage.k8s.io/v1beta1', since: '1.10', kinds: ['VolumeAttachment'] },
  { apiVersion: 'storage.k8s.io/v1beta1', since: '1.14', kinds: ['CSIDriver', 'CSINode'] },
  { apiVersion: 'storage.k8s.io/v1beta1', since: '1.21', kinds: ['CSIStorageCapacity'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.6', kinds: ['StorageClass'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.13', kinds: ['VolumeAttachment'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.17', kinds: ['CSINode'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.18', kinds: ['CSIDriver'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.24', kinds: ['CSIStorageCapacity'] },
  { apiVersion: 'storage.k8s.io/v1', since: '1.34', kinds: ['VolumeAttributesClass'] },
];

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
