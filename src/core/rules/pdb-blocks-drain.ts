// pdb-blocks-drain: a PodDisruptionBudget in the head render that allows no voluntary disruption of the pods it selects
// (a budget that selects none is pdb-selects-nothing's). It does not break `helm upgrade`; it stalls the worker-node
// phase of a Kubernetes upgrade: `kubectl drain` evicts through the Eviction API, which answers 429 Too Many Requests
// while the budget allows no disruption, and drain retries forever ("Safely Drain a Node",
// https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/). A budget allows none with `maxUnavailable:
// 0` (or "0%"), or `minAvailable` at or above the replicas it covers (or "100%"); percentages are rounded up
// ("Specifying a Disruption Budget for your Application",
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/); `minAvailable: 1` on a single replica is the common
// case. Severity warning: the platform engineer who upgrades the nodes must act before the node-pool upgrade, not
// before merging the chart bump (managed node pools force the drain after a timeout, and the release itself installs
// fine). In a readiness review (the change raises the environment's Kubernetes) it is an error, and counts whatever the
// base held: the drain is the next step. In another review only what the bump introduces counts: a budget that
// blocked already on the base is marked `introduced: false` by preexisting.ts, as for every chart rule.
import { effectiveRef, isReleaseObject, objectNamespace } from '../render/match.js';
import { chartLocation, renderedHead } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { formatKeyPath, hasAt, isMap, type KeyPath } from '../values/key-path.js';
import {
  describeWorkloads,
  selects,
  stringMap,
  WORKLOAD_DOCUMENTS,
  type Workload,
  workloadsOf,
} from './analysis/pod-selection.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

export const pdbBlocksDrain = {
  id: 'pdb-blocks-drain',
  scope: 'chart',
  modes: ['review', 'lint'],
  // the budgets, and the workloads they select (an unchanged workload under a changed budget still counts)
  needs: { renders: true, documents: ['PodDisruptionBudget', ...WORKLOAD_DOCUMENTS] },
  severity: 'warning',
  description: 'a PodDisruptionBudget allows no voluntary disruption: it blocks the node drain of a Kubernetes upgrade',
  readiness: { severity: 'error' },
  check(ctx) {
    const head = renderedHead(ctx);
    if (!head) return [];
    const objects = head.manifests.filter(isReleaseObject);
    const budgets = objects.filter((m) => m.ref.kind === 'PodDisruptionBudget');
    // (no budget: no workload read)
    const workloads = budgets.length ? workloadsOf(objects, head.namespace) : [];
    const findings: FindingDraft[] = [];
    for (const pdb of budgets) {
      const spec = isMap(pdb.object.spec) ? pdb.object.spec : {};
      const namespace = objectNamespace(pdb, head.namespace);
      const selected = workloads.filter((w) => w.namespace === namespace && selects(spec.selector, w.labels));
      const place = { ...chartLocation(ctx, pdb, 'head'), resource: effectiveRef(pdb, head.namespace) };
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
