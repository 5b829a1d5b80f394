// pdb-selects-nothing: a PodDisruptionBudget in the head render whose label selector matches no pod template the
// chart renders in its namespace. A budget with a wrong selector protects nothing: during the node drain of a
// Kubernetes upgrade every pod it was meant to keep serving may be evicted at once ("Specifying a Disruption
// Budget for your Application",
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/#identify-an-application-to-protect).
// Any pod the chart makes counts (a Deployment's, a StatefulSet's, a DaemonSet's, a Job's, a CronJob's, a Pod), and a
// chart that renders a custom resource is left alone: an operator may make the selected pods from it
// (kube-prometheus-stack's budgets select its Prometheus resource's pods). Severity warning; an error in a readiness
// review (the change raises the environment's Kubernetes: the drain is next).
import { effectiveRef, isReleaseObject, objectNamespace } from '../render/match.js';
import { chartLocation, renderedHead } from '../render/rendered-sources.js';
import { isMap } from '../values/key-path.js';
import {
  describeWorkloads,
  operatorMayMakePods,
  POD_MAKING_KINDS,
  podLabelsOf,
  selects,
  WORKLOAD_DOCUMENTS,
  workloadsOf,
} from './analysis/pod-selection.js';
import type { ChartRule, FindingDraft } from './rule.js';

export const pdbSelectsNothing = {
  id: 'pdb-selects-nothing',
  scope: 'chart',
  modes: ['review', 'lint'],
  // the budgets, and every object that makes pods (an unchanged one may be the only one a budget selects)
  needs: { renders: true, documents: ['PodDisruptionBudget', ...WORKLOAD_DOCUMENTS, ...POD_MAKING_KINDS] },
  severity: 'warning',
  description:
    'a PodDisruptionBudget selects no pod the chart renders: its label selector is wrong and it protects nothing during a node drain',
  readiness: { severity: 'error' },
  check(ctx) {
    const head = renderedHead(ctx);
    if (!head) return [];
    const objects = head.manifests.filter(isReleaseObject);
    if (operatorMayMakePods(objects)) return [];
    const budgets = objects.filter((m) => m.ref.kind === 'PodDisruptionBudget');
    // (no budget: no workload read)
    const workloads = budgets.length ? workloadsOf(objects, head.namespace) : [];
    const findings: FindingDraft[] = [];
    for (const pdb of budgets) {
      const spec = isMap(pdb.object.spec) ? pdb.object.spec : {};
      const namespace = objectNamespace(pdb, head.namespace);
      const selectsSomePod = objects.some(
        (m) => objectNamespace(m, head.namespace) === namespace && selects(spec.selector, podLabelsOf(m) ?? {}),
      );
      if (selectsSomePod) continue;
      const candidates = describeWorkloads(workloads.filter((w) => w.namespace === namespace));
      findings.push({
        message:
          `PodDisruptionBudget ${pdb.ref.name} selects no pod template the chart renders in namespace ${namespace}: ` +
          'its label selector is wrong, so it protects nothing during a node drain.',
        ...chartLocation(ctx, pdb, 'head'),
        resource: effectiveRef(pdb, head.namespace),
        path: 'spec.selector',
        before: null,
        after: isMap(spec.selector) ? spec.selector : null,
        remedy:
          `Make spec.selector of PodDisruptionBudget ${pdb.ref.name} match the pod template labels of the workload it ` +
          `should protect (${candidates || 'none rendered'}), or turn the budget off in the chart values.`,
      });
    }
    return findings;
  },
} satisfies ChartRule;
