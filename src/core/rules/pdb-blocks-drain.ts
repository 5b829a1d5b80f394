// pdb-blocks-drain: a PodDisruptionBudget in the head render that allows no voluntary disruption of the pods it
// selects, or selects none of the release's workloads. It does not break `helm upgrade`; it stalls the worker-node
// phase of a Kubernetes upgrade: `kubectl drain` evicts through the Eviction API, which answers 429 Too Many Requests
// while the budget allows no disruption, and drain retries forever ("Safely Drain a Node",
// https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/). A budget allows none with
// `maxUnavailable: 0` (or "0%"), or `minAvailable` at or above the replicas it covers (or "100%"); percentages are
// rounded up ("Specifying a Disruption Budget for your Application",
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/). A wrong label selector protects nothing and is
// reported too. Severity warning: the platform engineer who upgrades the nodes must act before the node-pool upgrade,
// not before merging the chart bump (managed node pools force the drain after a timeout, and the release itself
// installs fine). In a review only what the bump introduces counts: a budget that blocked already on the base is
// marked `introduced: false` by preexisting.ts, as for every chart rule.
import { effectiveRef, isReleaseObject, objectNamespace } from '../render/match.js';
import { chartLocation, renderedHead } from '../render/rendered-sources.js';
import { SERVED_APIS } from '../render/served-apis.js';
import type { Manifest } from '../render/types.js';
import { formatKeyPath, hasAt, isMap, type KeyPath } from '../values/key-path.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

interface Workload {
  manifest: Manifest;
  namespace: string | undefined;
  labels: Record<string, string>;
  /** spec.replicas (1 when unset), or its HorizontalPodAutoscaler's minReplicas: the fewest pods a drain meets. */
  replicas: number;
}

export const pdbBlocksDrain = {
  id: 'pdb-blocks-drain',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'warning',
  description:
    'a PodDisruptionBudget allows no voluntary disruption (or selects no workload): it blocks the node drain of a Kubernetes upgrade',
  check(ctx) {
    const head = renderedHead(ctx);
    if (!head) return [];
    const objects = head.manifests.filter(isReleaseObject);
    const workloads = workloadsOf(objects, head.namespace);
    const findings: FindingDraft[] = [];
    const builtIn = new Set(SERVED_APIS.map((row) => groupOf(row.apiVersion)));
    const operatorMayMakePods = objects.some((m) => !builtIn.has(m.group));
    for (const pdb of objects.filter((m) => m.ref.kind === 'PodDisruptionBudget')) {
      const spec = isMap(pdb.object.spec) ? pdb.object.spec : {};
      const namespace = objectNamespace(pdb, head.namespace);
      const selected = workloads.filter((w) => w.namespace === namespace && selects(spec.selector, w.labels));
      const place = { ...chartLocation(ctx, pdb, 'head'), resource: effectiveRef(pdb, head.namespace) };
      // an operator may make the pods from a custom resource the chart renders (kube-prometheus-stack's budgets
      // select the pods of its Prometheus resource): selecting none of the rendered workloads is then no mistake
      // any pod the chart makes counts for "selects nothing": a DaemonSet's, a Job's or a CronJob's too
      const selectsSomePod = objects.some(
        (m) => objectNamespace(m, head.namespace) === namespace && selects(spec.selector, podLabelsOf(m) ?? {}),
      );
      if (selected.length === 0 && !selectsSomePod && !operatorMayMakePods) {
        findings.push({
          message:
            `PodDisruptionBudget ${pdb.ref.name} selects no pod template the chart renders in namespace ${namespace}: ` +
            'its label selector is wrong, so it protects nothing during a node drain.',
          ...place,
          path: 'spec.selector',
          before: null,
          after: isMap(spec.selector) ? spec.selector : null,
          remedy:
            `Make spec.selector of PodDisruptionBudget ${pdb.ref.name} match the pod template labels of the workload it ` +
            `should protect (${describeWorkloads(workloads.filter((w) => w.namespace === namespace)) || 'none rendered'}), ` +
            'or turn the budget off in the chart values.',
        });
        continue;
      }
      const replicas = selected.reduce((sum, w) => sum + w.replicas, 0);
      if (replicas === 0) continue; // scaled to zero: no pod for a drain to evict
      const budget = blockingBudget(spec, replicas);
      if (!budget) continue;
      findings.push({
        message:
          `PodDisruptionBudget ${pdb.ref.name} allows no voluntary disruption of ${describeWorkloads(selected)} ` +
          `(${budget.field}: ${budget.value} with ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}): ` +
          'the Eviction API answers 429 and `kubectl drain` of a node that runs one of its pods never finishes, ' +
          'so the node phase of a Kubernetes upgrade stalls.',
        ...place,
        path: `spec.${budget.field}`,
        before: null,
        after: budget.value,
        remedy: remedy(ctx, pdb, budget.field, selected, replicas),
      });
    }
    return findings;
  },
} satisfies ChartRule;

/** The workloads whose pods a budget can select, with the replicas a drain meets (HPA minReplicas when scaled). */
function workloadsOf(objects: Manifest[], releaseNamespace: string): Workload[] {
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

function stringMap(node: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, String(value)]));
}

/** A LabelSelector against pod labels: matchLabels and matchExpressions all hold; a null selector selects nothing. */
function selects(selector: unknown, labels: Record<string, string>): boolean {
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

/** The setting that leaves no disruption allowed, as the disruption controller counts it (percentages rounded up). */
function blockingBudget(
  spec: Record<string, unknown>,
  replicas: number,
): { field: 'maxUnavailable' | 'minAvailable'; value: string | number } | undefined {
  const scaled = (value: unknown): number | undefined => {
    if (typeof value === 'number') return value;
    if (typeof value !== 'string') return undefined;
    const percent = /^(\d+)%$/.exec(value.trim());
    if (percent) return Math.ceil((Number(percent[1]) * replicas) / 100);
    return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  };
  const maxUnavailable = scaled(spec.maxUnavailable);
  if (maxUnavailable !== undefined) {
    return maxUnavailable <= 0 ? { field: 'maxUnavailable', value: spec.maxUnavailable as string | number } : undefined;
  }
  const minAvailable = scaled(spec.minAvailable);
  if (minAvailable !== undefined && minAvailable >= replicas) {
    return { field: 'minAvailable', value: spec.minAvailable as string | number };
  }
  return undefined;
}

function describeWorkloads(workloads: Workload[]): string {
  return workloads.map((w) => `${w.manifest.ref.kind} ${w.manifest.ref.name}`).join(', ');
}

/**
 * Exactly what to change: the chart's own budget value when its values.yaml has one (preferring the one under the
 * budget's app.kubernetes.io/component, e.g. primary.pdb.minAvailable), or the replicas otherwise.
 */
function remedy(
  ctx: ChartContext,
  pdb: Manifest,
  field: 'maxUnavailable' | 'minAvailable',
  selected: Workload[],
  replicas: number,
): string {
  const key = budgetKey(ctx, pdb, field);
  const scale = `or run ${describeWorkloads(selected)} with at least ${replicas + 1} replicas so one pod may go`;
  if (!key) {
    return (
      `Set maxUnavailable: 1 on PodDisruptionBudget ${pdb.ref.name} (the chart has no values key for it: patch it ` +
      `with a post-renderer or ask upstream), ${scale}.`
    );
  }
  const parent = formatKeyPath(key.slice(0, -1));
  const set =
    field === 'maxUnavailable'
      ? `\`--set ${formatKeyPath(key)}=1\``
      : hasAt(ctx.head?.defaults, [...key.slice(0, -1), 'maxUnavailable'])
        ? `\`--set ${parent}.minAvailable=null --set ${parent}.maxUnavailable=1\``
        : `\`--set ${formatKeyPath(key)}=${Math.max(replicas - 1, 0)}\``;
  return `Let one pod go during a drain: ${set} in the override file of this environment, ${scale}.`;
}

function budgetKey(ctx: ChartContext, pdb: Manifest, field: string): KeyPath | undefined {
  const found: KeyPath[] = [];
  const walk = (node: unknown, path: KeyPath) => {
    if (!isMap(node) || path.length > 6) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === field) found.push([...path, key]);
      else walk(child, [...path, key]);
    }
  };
  walk(ctx.head?.defaults, []);
  // a chart that renders its budget map whole (podDisruptionBudget: {} in values.yaml) takes the field under it
  if (found.length === 0) {
    const map = ['podDisruptionBudget', 'pdb'].find((key) => isMap(ctx.head?.defaults?.[key]));
    return map ? [map, field] : undefined;
  }
  if (found.length === 1) return found[0];
  const metadata = isMap(pdb.object.metadata) ? pdb.object.metadata : {};
  const labels = isMap(metadata.labels) ? stringMap(metadata.labels) : {};
  const component = labels['app.kubernetes.io/component'];
  return component ? found.find((path) => path.includes(component)) : undefined;
}

/** "apps" of "apps/v1", "" of "v1" (the core group). */
function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** The labels of the pods an object makes (its pod template's, a CronJob's through its job template, a Pod's own). */
function podLabelsOf(m: Manifest): Record<string, string> | undefined {
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
