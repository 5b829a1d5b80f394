// pdb-blocks-drain: a PodDisruptionBudget that allows no voluntary disruption stalls the node drain of a Kubernetes
// upgrade (one that selects no pod is pdb-selects-nothing's). Real charts rendered by real helm, v3 and v4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lint } from '../../src/core/pipeline/lint.js';
import { baseOnlyContext, markIntroduced } from '../../src/core/pipeline/preexisting.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { pdbBlocksDrain } from '../../src/core/rules/pdb-blocks-drain.js';
import { runChartRules } from '../../src/core/rules/run.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';
import { chartContext, NAMESPACE } from '../support/render-corpus.js';
import { deployment, pdb, render, tinyLint } from './support/pdb.js';

for (const [version, helm] of Object.entries(HELM_BINARIES)) {
  describe(`pdb-blocks-drain (helm ${version})`, () => {
    it('reports maxUnavailable: 0 and "0%", with the chart value to --set', () => {
      for (const budget of ['maxUnavailable: 0', 'maxUnavailable: "0%"']) {
        const ctx = tinyLint(
          helm,
          {
            'templates/deploy.yaml': deployment('web', 'app: web', 3),
            'templates/pdb.yaml': pdb('web', budget, 'matchLabels: {app: web}'),
          },
          { pdb: { maxUnavailable: 0 } },
        );
        const [finding, ...rest] = pdbBlocksDrain.check(ctx);
        expect(rest).toEqual([]);
        expect(finding.path).toBe('spec.maxUnavailable');
        expect(finding.resource).toEqual({
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          namespace: NAMESPACE,
          name: 'web',
        });
        expect(finding.message).toContain('allows no voluntary disruption of Deployment web');
        expect(finding.message).toContain('with 3 replicas');
        expect(finding.remedy).toContain('`--set pdb.maxUnavailable=1`');
        expect(finding.file).toBe('charts/app/templates/pdb.yaml');
      }
    });

    it('reports minAvailable at or above the replicas (1 of 1, 100%), and the HPA minReplicas counts', () => {
      const single = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web'),
        'templates/pdb.yaml': pdb('web', 'minAvailable: 1', 'matchLabels: {app: web}'),
      });
      expect(pdbBlocksDrain.check(single).map((f) => f.after)).toEqual([1]);
      const all = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web', 4),
        'templates/pdb.yaml': pdb('web', 'minAvailable: "100%"', 'matchLabels: {app: web}'),
      });
      expect(pdbBlocksDrain.check(all).map((f) => f.after)).toEqual(['100%']);
      const scaled = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web', 1),
        'templates/hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 5\n',
        'templates/pdb.yaml': pdb('web', 'minAvailable: 2', 'matchLabels: {app: web}'),
      });
      expect(pdbBlocksDrain.check(scaled)).toEqual([]);
    });

    it('leaves a budget that lets one pod go alone (minAvailable 1 of 2, maxUnavailable 1, matchExpressions)', () => {
      const ctx = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web, tier: front', 2),
        'templates/pdb.yaml': pdb('web', 'minAvailable: 1', 'matchLabels: {app: web}'),
        'templates/pdb2.yaml': pdb(
          'web-2',
          'maxUnavailable: 1',
          'matchExpressions: [{key: tier, operator: In, values: [front]}]',
        ),
      });
      expect(pdbBlocksDrain.check(ctx)).toEqual([]);
    });

    it('mariadb 20 with primary.pdb.minAvailable=1 on its single primary: the remedy names the chart values', () => {
      const dir = corpusChart('mariadb-19.1.2-to-20.0.0', 'new');
      const defaults = parse(readFileSync(join(dir, 'values.yaml'), 'utf8'));
      const ctx = chartContext(
        'mariadb',
        { head: render(helm, dir, ['primary.pdb.minAvailable=1']) },
        { headDefaults: defaults },
      );
      const findings = pdbBlocksDrain.check(ctx);
      expect(findings.map((f) => `${f.resource?.name} ${f.path}`)).toEqual(['rel-mariadb spec.minAvailable']);
      expect(findings[0].remedy).toContain('`--set primary.pdb.minAvailable=null --set primary.pdb.maxUnavailable=1`');
      // its defaults (maxUnavailable 1) block nothing
      expect(
        pdbBlocksDrain.check(chartContext('mariadb', { head: render(helm, dir) }, { headDefaults: defaults })),
      ).toEqual([]);
    });

    it('is an error in a readiness review: no config setting lowers it there, off still turns it off', () => {
      const ctx = tinyLint(helm, {
        'templates/deploy.yaml': deployment('web', 'app: web', 1),
        'templates/pdb.yaml': pdb('web', 'minAvailable: 1', 'matchLabels: {app: web}'),
      });
      const severity = (readiness: boolean, setting?: 'notice' | 'off') => {
        const config = { ...ctx.config, rules: setting ? { 'pdb-blocks-drain': setting } : {} };
        const raise = { from: { min: '1.24', max: '1.24' }, to: { min: '1.25', max: '1.25' } };
        const run = runChartRules([pdbBlocksDrain], { ...ctx, config, ...(readiness ? { readiness: raise } : {}) });
        return run.findings.map((f) => f.severity);
      };
      expect(severity(false)).toEqual(['warning']);
      expect(severity(true)).toEqual(['error']);
      expect(severity(false, 'notice')).toEqual(['notice']);
      expect(severity(true, 'notice')).toEqual(['error']);
      expect(severity(true, 'off')).toEqual([]);
    });

    it('in a review, only a blocker the bump introduces counts (alertmanager with maxUnavailable: 0)', () => {
      const pair = 'alertmanager-1.25.0-to-1.26.0';
      const defaults = parse(readFileSync(join(corpusChart(pair, 'new'), 'values.yaml'), 'utf8'));
      const review = (baseSet: string[]) => {
        const ctx = chartContext(
          'alertmanager',
          {
            base: render(helm, corpusChart(pair, 'old'), baseSet),
            head: render(helm, corpusChart(pair, 'new'), ['podDisruptionBudget.maxUnavailable=0']),
          },
          { headDefaults: defaults },
        );
        // the lockfile's base entry, which a review has: preexisting.ts rebuilds the base as a lint sees it from it
        const dir = 'charts/alertmanager';
        const entry = {
          name: 'alertmanager',
          version: '1.25.0',
          noSync: false,
          dir,
          destDir: 'charts',
          line: 1,
          versionLine: 2,
        };
        const reviewed = { ...ctx, change: { ...ctx.change, base: entry } };
        const { findings } = runChartRules([pdbBlocksDrain], reviewed);
        return markIntroduced([pdbBlocksDrain], baseOnlyContext(reviewed), findings);
      };
      const introduced = review([]);
      expect(introduced.map((f) => [f.resource?.name, f.introduced])).toEqual([['rel-alertmanager', true]]);
      expect(introduced[0].severity).toBe('warning');
      expect(introduced[0].remedy).toContain('`--set podDisruptionBudget.maxUnavailable=1`');
      const already = review(['podDisruptionBudget.maxUnavailable=0']);
      expect(already.map((f) => f.introduced)).toEqual([false]);
    });
  });
}

// Through the pipeline: a git repository with mariadb and two environments, only prod's override file setting a budget
// that blocks; linted, and reviewed when the bump 19 -> 20 comes with that override.
const CONFIG = `environments:
  staging:
    values: ["envs/staging/{chart}.yaml"]
    kubernetes: "1.31"
  prod:
    values: ["envs/prod/{chart}.yaml"]
    kubernetes: "1.31"
`;
const BLOCKING = 'primary:\n  pdb:\n    minAvailable: 1\n';

function mariadbRepo(blockingAtBase: boolean) {
  const repo = new TestRepo('cg-pdb-');
  repo
    .write('.github/chart-guard.yaml', CONFIG)
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '19.1.2'))
    .write('envs/staging/mariadb.yaml', 'primary:\n  pdb:\n    create: true\n')
    .write('envs/prod/mariadb.yaml', blockingAtBase ? BLOCKING : 'primary:\n  pdb:\n    create: true\n')
    .copy(corpusChart('mariadb-19.1.2-to-20.0.0', 'old'), 'charts/mariadb');
  const base = repo.commit('mariadb 19');
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '20.0.0'))
    .write('envs/prod/mariadb.yaml', BLOCKING)
    .copy(corpusChart('mariadb-19.1.2-to-20.0.0', 'new'), 'charts/mariadb');
  return { repo, base, head: repo.commit('mariadb 20, prod keeps one primary available') };
}

const drainFindings = (report: Report) =>
  report.charts
    .flatMap((chart) => chart.findings)
    .filter((f) => f.rule === 'pdb-blocks-drain')
    .map((f) => ({
      resource: f.resource?.name,
      environments: f.environments,
      introduced: f.introduced,
      severity: f.severity,
    }));

for (const [version, helm] of Object.entries(HELM_BINARIES)) {
  describe(`pdb-blocks-drain in the pipeline (helm ${version})`, () => {
    const repos: TestRepo[] = [];
    afterAll(() => {
      for (const repo of repos) repo.cleanup();
    });
    const options = (repo: TestRepo, sha: string) => ({
      repoDir: repo.dir,
      head: new GitSnapshot(repo.dir, 'head', sha),
      helm,
      concurrency: 2,
    });

    it('lint: the blocker holds in the environment whose override sets it, and only there', async () => {
      const { repo, head } = mariadbRepo(false);
      repos.push(repo);
      const report = await lint(options(repo, head));
      // the release is named after the chart: mariadb's primary StatefulSet and its budget are both "mariadb"
      expect(drainFindings(report)).toEqual([
        { resource: 'mariadb', environments: ['prod'], introduced: undefined, severity: 'warning' },
      ]);
    });

    it('review: introduced when the change sets the budget, already there when the base had it', async () => {
      for (const [blockingAtBase, introduced] of [
        [false, true],
        [true, false],
      ] as const) {
        const { repo, base, head } = mariadbRepo(blockingAtBase);
        repos.push(repo);
        const report = await review({ ...options(repo, head), base: new GitSnapshot(repo.dir, 'base', base) });
        expect(drainFindings(report).map((f) => [f.environments, f.introduced, f.severity])).toEqual([
          [['prod'], introduced, 'warning'],
        ]);
      }
    });
  });
}
