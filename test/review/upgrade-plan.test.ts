// The upgrade runbook end to end, with helm 3 and 4: a review's upgradeActions (JSON) and `--format plan`
// (Markdown) for the mariadb 7 -> 8 StatefulSet rename (corpus) and for a CRD chart (test/fixtures/crd-origin)
// whose Widget kind another chart (test/fixtures/runbook) uses.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { ChartReport, Report, UpgradeActions } from '../../src/core/report/report.js';
import { renderJson } from '../../src/format/json.js';
import { renderPlan } from '../../src/format/plan.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const lockfile = (charts: { name: string; version: string }[]) => chartsLockfile(charts);

/** The commands of every shell block of a plan, in document order (fences may be indented inside list items). */
function planCommands(plan: string): string[] {
  const commands: string[] = [];
  for (const block of plan.matchAll(/^( *)(`{3,})sh\n([\s\S]*?)\n\1\2$/gm)) {
    commands.push(...block[3].split('\n').map((line) => line.slice(block[1].length)));
  }
  return commands;
}

const actionsOf = (report: Report, name: string): UpgradeActions => {
  const chart = report.charts.find((c: ChartReport) => c.name === name);
  expect(chart?.upgradeActions).toHaveLength(1);
  return chart!.upgradeActions![0];
};

async function reviewed(repo: TestRepo, base: string, head: string, helm: string): Promise<Report> {
  return review({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'v1.0.0', base),
    head: new GitSnapshot(repo.dir, 'release', head),
    helm,
  });
}

describe.each(Object.entries(HELM_BINARIES))('the upgrade runbook (helm %s)', (_major, helm) => {
  describe('mariadb 7.10.4 -> 8.0.0: rel-mariadb-master is replaced', () => {
    const repo = new TestRepo();
    let report: Report;
    let plan: string;

    beforeAll(async () => {
      repo
        .write(
          'helm-freeze.yaml',
          lockfile([
            { name: 'mariadb', version: '7.10.4' },
            { name: 'zookeeper', version: '13.4.10' },
          ]),
        )
        .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'old'), 'charts/mariadb')
        .copy(corpusChart('zookeeper-13.4.10-to-13.4.11', 'old'), 'charts/zookeeper')
        .write('values/mariadb.yaml', 'image:\n  pullPolicy: Always\n')
        .write(
          '.github/chart-guard.yaml',
          'values: ["values/{chart}.yaml"]\ncharts:\n  mariadb:\n    releaseName: rel\n    namespace: demo\n    set: [rootUser.password]\n',
        );
      const base = repo.commit('base');
      repo
        .write(
          'helm-freeze.yaml',
          lockfile([
            { name: 'mariadb', version: '8.0.0' },
            { name: 'zookeeper', version: '13.4.11' },
          ]),
        )
        .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'new'), 'charts/mariadb')
        .copy(corpusChart('zookeeper-13.4.10-to-13.4.11', 'new'), 'charts/zookeeper');
      const head = repo.commit('bump');
      report = await reviewed(repo, base, head, helm);
      plan = renderPlan(report);
    });
    afterAll(() => repo.cleanup());

    it('carries the actions in the JSON report: the orphaning delete and the backup of the old PVC', () => {
      const json = JSON.parse(renderJson(report));
      const mariadb = json.charts.find((c: { name: string }) => c.name === 'mariadb');
      const [actions] = mariadb.upgradeActions;
      expect(Object.keys(actions)).toEqual(
        expect.arrayContaining(['reinstall', 'crdsToApply', 'orphanDeletes', 'backups', 'steps', 'upgrade']),
      );
      expect(actions.reinstall).toBe(true);
      expect(actions.crdsToApply).toEqual([]);
      expect(actions.orphanDeletes).toContainEqual({
        kind: 'StatefulSet',
        name: 'rel-mariadb-master',
        namespace: 'demo',
        cascade: 'orphan',
        command: 'kubectl delete statefulset rel-mariadb-master -n demo --cascade=orphan',
      });
      expect(actions.backups).toContainEqual(
        expect.objectContaining({
          name: 'rel-mariadb-master',
          claims: ['data-rel-mariadb-master-0'],
          successor: { name: 'rel-mariadb', claims: ['data-rel-mariadb-0'] },
        }),
      );
      expect(actions.upgrade).toBe(
        // the code-set key comes from the deploy code's environment, never from an example value
        `helm upgrade rel charts/mariadb --namespace demo -f values/mariadb.yaml --set "rootUser.password=\${ROOTUSER_PASSWORD}"`,
      );
      expect(actions.steps.map((s: { phase: string }) => s.phase)).toEqual([
        ...actions.steps.filter((s: { phase: string }) => s.phase === 'before').map(() => 'before'),
        'upgrade',
        ...actions.steps.filter((s: { phase: string }) => s.phase === 'after').map(() => 'after'),
      ]);
    });

    it('puts the orphan delete and the backup before helm upgrade in the plan', () => {
      const commands = planCommands(plan);
      const orphan = commands.indexOf('kubectl delete statefulset rel-mariadb-master -n demo --cascade=orphan');
      const upgrade = commands.findIndex((c) => c.startsWith('helm upgrade rel charts/mariadb'));
      expect(orphan).toBeGreaterThanOrEqual(0);
      expect(upgrade).toBeGreaterThan(orphan);
      expect(plan.indexOf('data-rel-mariadb-master-0')).toBeLessThan(plan.indexOf('helm upgrade rel charts/mariadb'));
      // the old pod goes after the upgrade, and every workload's rollout is checked
      const podDelete = commands.indexOf('kubectl delete pod rel-mariadb-master-0 -n demo');
      expect(podDelete).toBeGreaterThan(upgrade);
      expect(commands).toContain('kubectl rollout status statefulset/rel-mariadb -n demo --timeout=10m');
    });

    it('writes copyable shell blocks: one whole command per line, no prompts or continuations', () => {
      const commands = planCommands(plan);
      expect(commands.length).toBeGreaterThan(3);
      for (const command of commands) {
        expect(command).toMatch(/^(kubectl|helm|tar) /);
        expect(command).not.toMatch(/^\s*[$#>]|\\$/);
      }
    });

    it('gives zookeeper, one replica whose image changes, a downtime notice before its upgrade (issue 20)', () => {
      const { steps } = actionsOf(report, 'zookeeper');
      expect(steps.map((s) => [s.phase, s.description, s.commands])).toEqual([
        [
          'before',
          'Downtime: StatefulSet zookeeper has one replica and its pod template changes: the upgrade stops its only pod before the new one is ready. Plan a window, or scale it up first.',
          [],
        ],
        ['upgrade', 'Upgrade zookeeper.', ['helm upgrade zookeeper charts/zookeeper --namespace default']],
        [
          'after',
          'Check that every workload rolled out.',
          ['kubectl rollout status statefulset/zookeeper -n default --timeout=10m'],
        ],
      ]);
    });
  });

  describe('a chart that ships CRDs and a chart that uses them', () => {
    const repo = new TestRepo();
    let report: Report;
    let plan: string;

    beforeAll(async () => {
      const fixtures = join(PROJECT_DIR, 'test/fixtures');
      // app comes first in the lockfile, but its Widget needs op's CRD
      repo
        .write(
          'helm-freeze.yaml',
          lockfile([
            { name: 'app', version: '1.0.0' },
            { name: 'op', version: '1.0.0' },
          ]),
        )
        .copy(join(fixtures, 'runbook/base/app'), 'charts/app')
        .copy(join(fixtures, 'crd-origin/base/op'), 'charts/op');
      const base = repo.commit('base');
      repo
        .write(
          'helm-freeze.yaml',
          lockfile([
            { name: 'app', version: '1.1.0' },
            { name: 'op', version: '1.1.0' },
          ]),
        )
        .copy(join(fixtures, 'runbook/head/app'), 'charts/app')
        .copy(join(fixtures, 'crd-origin/head/op'), 'charts/op');
      const head = repo.commit('bump');
      report = await reviewed(repo, base, head, helm);
      plan = renderPlan(report);
    });
    afterAll(() => repo.cleanup());

    it('orders the CRD chart first and names the dependency', () => {
      expect(actionsOf(report, 'op')).toMatchObject({ order: 1, dependsOn: [] });
      expect(actionsOf(report, 'app')).toMatchObject({ order: 2, dependsOn: ['op'] });
    });

    it('lists the crds/ CRDs to apply, a packaged subchart one streamed out of its archive', () => {
      expect(actionsOf(report, 'op').crdsToApply).toEqual([
        {
          name: 'widgets.example.com',
          file: 'charts/op/crds/widgets.yaml',
          command: 'kubectl apply --server-side --force-conflicts -f charts/op/crds/widgets.yaml',
        },
        {
          name: 'gizmos.example.com',
          file: 'charts/op/charts/op-crds-0.2.0.tgz#op-crds/crds/gizmos.yaml',
          command:
            'tar -xzOf charts/op/charts/op-crds-0.2.0.tgz op-crds/crds/gizmos.yaml | kubectl apply --server-side --force-conflicts -f -',
        },
      ]);
    });

    it('puts the CRD apply first in the plan, before any helm upgrade', () => {
      const commands = planCommands(plan);
      expect(commands[0]).toBe('kubectl apply --server-side --force-conflicts -f charts/op/crds/widgets.yaml');
      const firstUpgrade = commands.findIndex((c) => c.startsWith('helm upgrade'));
      expect(commands.slice(0, firstUpgrade)).toContain(
        'tar -xzOf charts/op/charts/op-crds-0.2.0.tgz op-crds/crds/gizmos.yaml | kubectl apply --server-side --force-conflicts -f -',
      );
      expect(commands[firstUpgrade]).toMatch(/^helm upgrade op charts\/op /);
    });

    it('orphans the Deployment whose selector changed and removes its old ReplicaSets after the upgrade', () => {
      const app = actionsOf(report, 'app');
      expect(app.orphanDeletes).toEqual([
        {
          kind: 'Deployment',
          name: 'app-web',
          namespace: 'default',
          cascade: 'orphan',
          command: 'kubectl delete deployment app-web -n default --cascade=orphan',
        },
      ]);
      const commands = planCommands(plan);
      const upgrade = commands.findIndex((c) => c.startsWith('helm upgrade app '));
      expect(commands.indexOf('kubectl delete deployment app-web -n default --cascade=orphan')).toBeLessThan(upgrade);
      // the old pods carry app=app but not tier=web: the new ones are left alone
      expect(commands.indexOf("kubectl delete replicasets -n default -l 'app=app,tier!=web'")).toBeGreaterThan(upgrade);
    });
  });
});
