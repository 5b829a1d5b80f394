// pdb-selects-nothing: a PodDisruptionBudget whose selector matches no pod template the chart renders in its namespace
// protects nothing during a node drain. Tiny charts rendered by real helm, v3 and v4.
import { describe, expect, it } from 'vitest';
import { pdbSelectsNothing } from '../../src/core/rules/pdb-selects-nothing.js';
import { runChartRules } from '../../src/core/rules/run.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { NAMESPACE } from '../support/render-corpus.js';
import { deployment, pdb, tinyLint } from './support/pdb.js';

for (const [version, helm] of Object.entries(HELM_BINARIES)) {
  describe(`pdb-selects-nothing (helm ${version})`, () => {
    it('warns about a selector that matches no pod template, naming the workloads it could protect', () => {
      const ctx = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web', 2),
        'templates/pdb.yaml': pdb('web', 'maxUnavailable: 1', 'matchLabels: {app: website}'),
      });
      const [finding, ...rest] = pdbSelectsNothing.check(ctx);
      expect(rest).toEqual([]);
      expect(finding.path).toBe('spec.selector');
      expect(finding.after).toEqual({ matchLabels: { app: 'website' } });
      expect(finding.resource).toEqual({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        namespace: NAMESPACE,
        name: 'web',
      });
      expect(finding.message).toContain(`selects no pod template the chart renders in namespace ${NAMESPACE}`);
      expect(finding.remedy).toContain('(Deployment web)');
    });

    it('leaves a budget that selects a workload, a DaemonSet or a CronJob alone', () => {
      const budgets = {
        'templates/deploy.yaml': deployment('web', 'app: web', 2),
        'templates/pdb.yaml': pdb('web', 'maxUnavailable: 0', 'matchLabels: {app: web}'),
        'templates/cron.yaml':
          'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: clean}\nspec:\n  schedule: "0 3 * * *"\n' +
          '  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: clean}}\n' +
          '        spec: {restartPolicy: OnFailure, containers: [{name: c, image: busybox}]}\n',
        'templates/pdb-cron.yaml': pdb('clean', 'maxUnavailable: 1', 'matchLabels: {app: clean}'),
        'templates/ds.yaml':
          'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n' +
          '  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: a, image: busybox}]}\n',
        'templates/pdb-ds.yaml': pdb(
          'agent',
          'maxUnavailable: 1',
          'matchExpressions: [{key: app, operator: In, values: [agent]}]',
        ),
      };
      expect(pdbSelectsNothing.check(tinyLint(helm, budgets))).toEqual([]);
    });

    it('leaves a budget for pods an operator makes from a custom resource of the chart alone', () => {
      const ctx = tinyLint(helm, {
        'templates/prometheus.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: main}\nspec: {replicas: 2}\n',
        'templates/pdb.yaml': pdb(
          'prometheus',
          'maxUnavailable: 1',
          'matchLabels: {app.kubernetes.io/name: prometheus}',
        ),
      });
      expect(pdbSelectsNothing.check(ctx)).toEqual([]);
    });

    it('is a warning in an ordinary run and an error in a readiness review', () => {
      const ctx = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web', 2),
        'templates/pdb.yaml': pdb('web', 'maxUnavailable: 1', 'matchLabels: {app: website}'),
      });
      const raise = { from: { min: '1.24', max: '1.24' }, to: { min: '1.25', max: '1.25' } };
      expect(runChartRules([pdbSelectsNothing], ctx).findings.map((f) => f.severity)).toEqual(['warning']);
      expect(runChartRules([pdbSelectsNothing], { ...ctx, readiness: raise }).findings.map((f) => f.severity)).toEqual([
        'error',
      ]);
    });
  });
}
