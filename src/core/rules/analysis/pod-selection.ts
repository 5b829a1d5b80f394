// Which pods a PodDisruptionBudget covers, as the rendered chart says: the workloads and their replicas (or their
// HorizontalPodAutoscaler's minReplicas), the pod labels every kind of object gives its pods, and label selectors
// matched as the API server matches them. Shared by pdb-blocks-drain and pdb-selects-nothing.
import { objectNamespace } from '../../render/match.js';
import { SERVED_APIS } from '../../render/served-apis.js';
import type { Manifest } from '../../render/types.js';
import { isMap } from '../../values/key-path.js';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** The built-in kinds that make pods, whose pod labels podLabelsOf reads. */
export const POD_MAKING_KINDS: readonly string[] = [
  ...WORKLOAD_KINDS,
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
  'Pod',
];

/** What workloadsOf reads: the workloads and the autoscalers that set their replicas. */
export const WORKLOAD_DOCUMENTS: readonly string[] = [...WORKLOAD_KINDS, 'HorizontalPodAutoscaler'];

export interface Workload {
  manifest: Manifest;
  namespace: string | undefined;
  labels: Record<string, string>;
  /** spec.replicas (1 when unset), or its HorizontalPodAutoscaler's minReplicas: the fewest pods a drain meets. */
  replicas: number;
}

/** The workloads whose pods a budget can select, with the replicas a drain meets (HPA minReplicas when scaled). */
export function workloadsOf(objects: Manifest[], releaseNamespace: string): Workload[] {
  const minReplicas = new Map<string, number>();
  for (const hpa of objects.filter((m) => m.ref.kind === 'HorizontalPodAutoscaler')) {
    const spec = isMap(hpa.object.spec) ? hpa.object.spec : {};
    const target = isMap(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    minReplicas.set(`${objectNamespace(hpa, releaseNamespace)}/${target.kind}/${target.name}`, min);
  }
  return objects
    .filter((m) => WORKLOAD_KINDS.has(m.ref.kind))
    .map((m) => {
      const spec = isMap(m.object.spec) ? m.object.spec : {};
      const template = isMap(spec.template) ? spec.template : {};
      const metadata = isMap(template.metadata) ? template.metadata : {};
      const labels = isMap(metadata.labels) ? stringMap(metadata.labels) : {};
      const namespace = objectNamespace(m, releaseNamespace);
      const scaled = minReplicas.get(`${namespace}/${m.ref.kind}/${m.ref.name}`);
      const replicas = scaled ?? (typeof spec.replicas === 'number' ? spec.replicas : 1);
      return { manifest: m, namespace, labels, replicas };
    });
}

export function stringMap(node: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, String(value)]));
}

/** A LabelSelector against pod labels: matchLabels and matchExpressions all hold; a null selector selects nothing. */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isMap(selector)) return false;
  const matchLabels = isMap(selector.matchLabels) ? stringMap(selector.matchLabels) : {};
  if (!Object.entries(matchLabels).every(([key, value]) => labels[key] === value)) return false;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.every((expression) => {
    if (!isMap(expression) || typeof expression.key !== 'string') return false;
    const has = Object.hasOwn(labels, expression.key);
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    switch (expression.operator) {
      case 'In':
        return has && values.includes(labels[expression.key]);
      case 'NotIn':
        return !has || !values.includes(labels[expression.key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}

export function describeWorkloads(workloads: Workload[]): string {
  return workloads.map((w) => `${w.manifest.ref.kind} ${w.manifest.ref.name}`).join(', ');
}

/**
 * Whether an operator may make pods from an object the chart renders: a custom resource (kube-prometheus-stack's
 * budgets select the pods of its Prometheus resource), whose pods no rendered template shows.
 */
export function operatorMayMakePods(objects: Manifest[]): boolean {
  const builtIn = new Set(SERVED_APIS.map((row) => groupOf(row.apiVersion)));
  return objects.some((m) => !builtIn.has(m.group));
}

/** "apps" of "apps/v1", "" of "v1" (the core group). */
function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/**
 * The labels of the pods an object makes (its pod template's, a CronJob's through its job template, a Pod's own);
 * undefined for kinds that make none.
 */
export function podLabelsOf(m: Manifest): Record<string, string> | undefined {
  // (another kind makes no pods: its object is not read, and stays unparsed when it did not change)
  if (!POD_MAKING_KINDS.includes(m.ref.kind)) return undefined;
  const spec = isMap(m.object.spec) ? m.object.spec : {};
  const jobSpec = isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
  const metadata =
    m.ref.kind === 'Pod'
      ? m.object.metadata
      : isMap((jobSpec ?? spec).template)
        ? ((jobSpec ?? spec).template as Record<string, unknown>).metadata
        : undefined;
  return isMap(metadata) && isMap(metadata.labels) ? stringMap(metadata.labels) : undefined;
}
