// The runbook's steps for each kind of object the rules find (src/core/runbook/upgrade-plan.ts), on tiny charts rendered
// by the real helm: a workload is deleted with --cascade=orphan and its old pods cleaned up after the upgrade by a
// selector that spares the new ones; a Service or a Job is deleted plainly; a StatefulSet whose selector changes
// gets its pods replaced one at a time.
import { describe, expect, it } from 'vitest';
import type { UpgradeActions } from '../../src/core/report/report.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { plannedBump } from '../support/runbook.js';

const actionsOf = (ctx: ChartContext): UpgradeActions => plannedBump(ctx).actions;

const workload = (kind: string, labels: Record<string, string>, selector = labels) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: rel-web}
spec:
  ${kind === 'StatefulSet' ? 'serviceName: rel-web\n  replicas: 2\n  ' : ''}selector: {matchLabels: ${JSON.stringify(selector)}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec: {containers: [{name: web, image: 'nginx:1'}]}
`;

const commands = (actions: UpgradeActions, phase: 'before' | 'after') =>
  actions.steps.filter((s) => s.phase === phase).flatMap((s) => s.commands);

describe('the runbook per object kind', () => {
  it('orphans a DaemonSet whose selector gains a label and deletes only the pods without it afterwards', () => {
    const actions = actionsOf(
      tinyPairContext(
        'web',
        { 'templates/ds.yaml': workload('DaemonSet', { app: 'web' }) },
        { 'templates/ds.yaml': workload('DaemonSet', { app: 'web', tier: 'edge' }) },
      ),
    );
    expect(commands(actions, 'before')).toEqual(['kubectl delete daemonset rel-web -n demo --cascade=orphan']);
    expect(commands(actions, 'after')).toEqual([
      'kubectl rollout status daemonset/rel-web -n demo --timeout=10m',
      "kubectl delete pods -n demo -l 'app=web,tier!=edge'",
    ]);
  });

  it('tells the old pods by a pod label the new template dropped when the new selector only narrows', () => {
    const actions = actionsOf(
      tinyPairContext(
        'web',
        { 'templates/d.yaml': workload('Deployment', { app: 'web', release: 'rel' }) },
        { 'templates/d.yaml': workload('Deployment', { app: 'web', generation: 'two' }, { app: 'web' }) },
      ),
    );
    expect(commands(actions, 'after')).toContain("kubectl delete replicasets -n demo -l 'app=web,release=rel'");
  });

  it('replaces the pods of a StatefulSet whose selector changes one at a time, waiting for each', () => {
    const actions = actionsOf(
      tinyPairContext(
        'web',
        { 'templates/sts.yaml': workload('StatefulSet', { app: 'web' }) },
        { 'templates/sts.yaml': workload('StatefulSet', { app: 'web', tier: 'db' }) },
      ),
    );
    expect(actions.orphanDeletes.map((d) => d.command)).toEqual([
      'kubectl delete statefulset rel-web -n demo --cascade=orphan',
    ]);
    expect(commands(actions, 'after').slice(0, 4)).toEqual([
      'kubectl delete pod rel-web-0 -n demo',
      'kubectl wait --for=condition=Ready pod/rel-web-0 -n demo --timeout=10m',
      'kubectl delete pod rel-web-1 -n demo',
      'kubectl wait --for=condition=Ready pod/rel-web-1 -n demo --timeout=10m',
    ]);
  });

  it('deletes a Service and a Job plainly, without orphaning', () => {
    const service = (type: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: rel-web}\nspec: {clusterIP: ${type}, ports: [{port: 80}]}\n`;
    const job = (image: string) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata: {name: rel-migrate}\nspec:\n  template:\n    spec: {restartPolicy: Never, containers: [{name: m, image: '${image}'}]}\n`;
    const actions = actionsOf(
      tinyPairContext(
        'web',
        { 'templates/svc.yaml': service('None'), 'templates/job.yaml': job('migrate:1') },
        { 'templates/svc.yaml': service('10.0.0.10'), 'templates/job.yaml': job('migrate:2') },
      ),
    );
    expect(actions.orphanDeletes.map((d) => [d.kind, d.cascade, d.command]).sort()).toEqual([
      ['Job', 'background', 'kubectl delete job rel-migrate -n demo'],
      ['Service', 'background', 'kubectl delete service rel-web -n demo'],
    ]);
    expect(commands(actions, 'after')).toEqual([]);
  });
});
