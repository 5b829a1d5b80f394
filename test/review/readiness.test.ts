// A Kubernetes raise is a readiness review (test/fixtures/readiness/README.md): a pull request that raises staging
// from 1.24 to 1.25 and changes no chart checks every chart deployed in staging at 1.25, and only there; the drain
// blockers are errors there; the comment opens with the readiness table and the runbook rolls out by ring with the
// `helm mapkubeapis` step of the deployed policy/v1beta1 budget; `lint --kube-version 1.25` and `review --lint` find
// the same blockers. Real git repositories, real helm 3 and 4.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review, reviewWithLint } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { reportCheck, reportSchemaProblem } from '../../src/core/report/report-schema.js';
import { renderJson } from '../../src/format/json.js';
import { renderComment } from '../../src/format/markdown.js';
import { renderPlan } from '../../src/format/plan.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/readiness/repo');

/** The blockers of the readiness table: rule and chart, each with the environments it holds in. */
const BLOCKERS = [
  ['kube-version-unsupported', 'old-kube'],
  ['api-removed', 'legacy-pdb'],
  ['release-api-removed', 'legacy-pdb'],
  ['pdb-blocks-drain', 'strict-pdb'],
  ['pdb-blocks-drain', 'single-replica'],
  ['pdb-selects-nothing', 'wrong-selector'],
] as const;

const READINESS_RULES = new Set<string>(BLOCKERS.map(([rule]) => rule));

function blockers(report: Report): { rule: string; chart: string; severity: string; environments?: string[] }[] {
  return report.charts
    .flatMap((chart) => chart.findings)
    .filter((f) => READINESS_RULES.has(f.rule))
    .map((f: Finding) => ({
      rule: f.rule,
      chart: f.chart!,
      severity: f.severity,
      ...(f.environments ? { environments: f.environments } : {}),
    }));
}

const sorted = <T extends { rule: string; chart: string }>(list: T[]) =>
  [...list].sort((a, b) => `${a.chart} ${a.rule}`.localeCompare(`${b.chart} ${b.rule}`));

describe.each(Object.entries(HELM_BINARIES))('readiness review (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-readiness-');
  let base: string;
  let head: string;
  let report: Report;

  beforeAll(async () => {
    for (const part of ['.github', 'charts', 'values', 'helm-freeze.yaml']) repo.copy(join(FIXTURE, part), part);
    base = repo.commit('six charts, two environments on 1.24');
    repo.write(
      '.github/chart-guard.yaml',
      `values: ["values/{chart}.yaml"]
environments:
  staging:
    ring: 0
    kubernetes: "1.25"
  production:
    ring: 2
    kubernetes: "1.24"
`,
    );
    head = repo.commit('staging to Kubernetes 1.25');
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', base),
      head: new GitSnapshot(repo.dir, 'staging-1.25', head),
      helm,
      concurrency: 2,
    });
  });
  afterAll(() => repo.cleanup());

  const snapshots = () => ({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'main', base),
    head: new GitSnapshot(repo.dir, 'staging-1.25', head),
    helm,
    concurrency: 2,
  });

  it('finds every blocker in staging only, and nothing for the clean chart', () => {
    const expected = BLOCKERS.map(([rule, chart]) => ({ rule, chart, environments: ['staging'] }));
    expect(sorted(blockers(report)).map(({ severity: _, ...b }) => b)).toEqual(sorted(expected));
    const clean = report.charts.find((chart) => chart.name === 'clean');
    expect(clean?.findings ?? []).toEqual([]);
    expect(report.charts.every((chart) => chart.environments?.every((e) => e.name === 'staging'))).toBe(true);
  });

  it('makes the drain blockers errors in a readiness review, and the verdict fails', () => {
    const drain = blockers(report).filter((b) => b.rule.startsWith('pdb-'));
    expect(drain.map((b) => b.severity)).toEqual(['error', 'error', 'error']);
    expect(report.verdict).toBe('fail');
  });

  it('says the raise and the rollout: staging 1.24 → 1.25 in ring 0, production waits in ring 2', () => {
    expect(report.readiness).toEqual({
      soakDays: 7,
      environments: [
        { name: 'staging', ring: 0, from: '1.24', to: '1.25' },
        { name: 'production', ring: 2 },
      ],
    });
    // the raise moves the whole window: a notice, not a policy the head narrows
    const policy = report.findings.filter((f) => f.rule === 'policy-changed');
    expect(policy.map((f) => f.severity)).toEqual(['notice']);
    expect(policy[0].message).toContain(
      'environments.staging.kubernetes changes from 1.24 to 1.25: a Kubernetes upgrade, reviewed for readiness at the new version',
    );
  });

  it('writes a JSON report the report schema holds, readiness included', () => {
    const written = JSON.parse(renderJson(report)) as Report;
    expect(written.readiness?.environments.map((e) => e.name)).toEqual(['staging', 'production']);
    expect(reportSchemaProblem(written, reportCheck())).toBeUndefined();
  });

  it('opens the comment with the readiness table: chart, blocker, fix; production blocked until ring 0 passes', () => {
    const comment = renderComment(report, { marker: 'chart-guard' });
    const table = comment.slice(comment.indexOf('### Kubernetes readiness'));
    expect(comment.indexOf('### Kubernetes readiness')).toBeLessThan(comment.indexOf('legacy-pdb'));
    expect(table).toContain('| staging (ring 0) | 1.24 → 1.25 | ❌ blocked (5 blocking, 1 warning) |');
    expect(table).toContain('| production (ring 2) | unchanged | ⏸️ waiting: blocked until ring 0 passes |');
    expect(table).toContain('| chart | blocker | fix |');
    for (const [rule, chart] of BLOCKERS) expect(table).toMatch(new RegExp(`\\| ${chart} \\| \\S+ \`${rule}\``));
    expect(table).not.toMatch(/\| clean \|/);
    expect(table).toContain('`helm mapkubeapis legacy-pdb --namespace default`');
    if (process.env.READINESS_COMMENT) writeFileSync(process.env.READINESS_COMMENT, comment);
  });

  it('says the readiness in the terminal too, after the fleet verdict', () => {
    const text = renderText(report, { color: false });
    expect(text).toContain(
      [
        'Kubernetes readiness',
        '    staging (ring 0): 1.24 → 1.25, blocked (5 blocking, 1 warning)',
        '        before the cluster upgrade: helm mapkubeapis legacy-pdb --namespace default',
        '    production (ring 2): unchanged, waiting: blocked until ring 0 passes',
        '    each ring runs the new version 7 day(s) before the next is upgraded',
      ].join('\n'),
    );
  });

  it('puts the mapkubeapis step of the deployed policy/v1beta1 budget before the cluster upgrade in the runbook', () => {
    const plan = renderPlan(report);
    const upgrade = plan.slice(plan.indexOf('## Kubernetes upgrade'));
    expect(upgrade).toContain('each ring runs the new version 7 day(s) before the next ring is upgraded');
    expect(upgrade).toContain('helm-mapkubeapis');
    const mapped = upgrade.indexOf('helm mapkubeapis legacy-pdb --namespace default');
    expect(mapped).toBeGreaterThan(upgrade.indexOf('staging (ring 0): Kubernetes 1.24 → 1.25'));
    expect(mapped).toBeLessThan(upgrade.indexOf('Then upgrade the clusters of staging (ring 0) to 1.25.'));
    expect(upgrade.indexOf('Soak: 7 day(s)')).toBeLessThan(upgrade.indexOf('production (ring 2)'));
    expect(upgrade).toContain('production (ring 2): not upgraded by this change. Blocked until ring 0 passes.');
    const finding = report.charts
      .find((chart) => chart.name === 'legacy-pdb')
      ?.findings.find((f) => f.rule === 'release-api-removed');
    expect(finding?.resource).toEqual({
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      namespace: 'default',
      name: 'legacy-pdb',
    });
  });

  it('review --lint: the same blockers in staging, and production linted at 1.24 as it runs', async () => {
    const combined = await reviewWithLint(snapshots());
    const staging = blockers(combined).filter((b) => b.environments?.includes('staging'));
    expect(sorted(staging).map((b) => [b.rule, b.chart])).toEqual(
      sorted(BLOCKERS.map(([rule, chart]) => ({ rule, chart }))).map((b) => [b.rule, b.chart]),
    );
    // production is linted, not reviewed for readiness: its drain blockers stay warnings, nothing removed at 1.24
    const production = blockers(combined).filter(
      (b) => b.environments?.includes('production') && !b.environments.includes('staging'),
    );
    expect(sorted(production).map((b) => [b.rule, b.chart, b.severity])).toEqual([
      ['pdb-blocks-drain', 'single-replica', 'warning'],
      ['pdb-blocks-drain', 'strict-pdb', 'warning'],
      ['pdb-selects-nothing', 'wrong-selector', 'warning'],
    ]);
  });

  it('lint --kube-version 1.25 of the base finds the same blockers, in both environments', async () => {
    const { base: baseSnapshot, head: _, ...options } = snapshots();
    const linted = await lint({ ...options, head: baseSnapshot, kubernetesVersion: '1.25' });
    expect(linted.readiness?.environments).toEqual([
      { name: 'staging', ring: 0, from: '1.24', to: '1.25' },
      { name: 'production', ring: 2, from: '1.24', to: '1.25' },
    ]);
    expect(sorted(blockers(linted))).toEqual(
      sorted(
        BLOCKERS.map(([rule, chart]) => ({
          rule,
          chart,
          severity: rule === 'release-api-removed' ? 'warning' : 'error',
          environments: ['staging', 'production'],
        })),
      ),
    );
  });
});

describe.each(Object.entries(HELM_BINARIES))(
  'a raise with a bump that moves to policy/v1 (helm %s)',
  (_major, helm) => {
    const repo = new TestRepo('cg-readiness-bump-');
    let report: Report;

    beforeAll(async () => {
      for (const part of ['.github', 'charts', 'values', 'helm-freeze.yaml']) repo.copy(join(FIXTURE, part), part);
      const base = repo.commit('six charts, two environments on 1.24');
      const config = readFileSync(join(repo.dir, '.github/chart-guard.yaml'), 'utf8');
      const lockfile = readFileSync(join(repo.dir, 'helm-freeze.yaml'), 'utf8');
      const pdb = readFileSync(join(repo.dir, 'charts/legacy-pdb/templates/pdb.yaml'), 'utf8');
      const chart = readFileSync(join(repo.dir, 'charts/legacy-pdb/Chart.yaml'), 'utf8');
      repo
        .write(
          '.github/chart-guard.yaml',
          config.replace('ring: 0\n    kubernetes: "1.24"', 'ring: 0\n    kubernetes: "1.25"'),
        )
        .write('helm-freeze.yaml', lockfile.replace('legacy-pdb\n    version: 1.0.0', 'legacy-pdb\n    version: 1.1.0'))
        .write('charts/legacy-pdb/Chart.yaml', chart.replace('version: 1.0.0', 'version: 1.1.0'))
        .write('charts/legacy-pdb/templates/pdb.yaml', pdb.replace('policy/v1beta1', 'policy/v1'));
      const head = repo.commit('staging to 1.25, legacy-pdb 1.1.0 on policy/v1');
      report = await review({
        repoDir: repo.dir,
        base: new GitSnapshot(repo.dir, 'main', base),
        head: new GitSnapshot(repo.dir, 'staging-1.25', head),
        helm,
        concurrency: 2,
      });
    });
    afterAll(() => repo.cleanup());

    it('still needs mapkubeapis in staging: the deployed release (the base, rendered at 1.24) stores policy/v1beta1', () => {
      const chart = report.charts.find((c) => c.name === 'legacy-pdb')!;
      expect(chart.change).toBe('bumped');
      expect(chart.findings.filter((f) => f.rule === 'api-removed')).toEqual([]);
      const [stored, ...rest] = chart.findings.filter((f) => f.rule === 'release-api-removed');
      expect(rest).toEqual([]);
      expect([stored.environments, stored.introduced, stored.fileAtBase]).toEqual([['staging'], true, true]);
      expect(stored.remedy).toContain('`helm mapkubeapis legacy-pdb --namespace default`');
    });

    it('reviews the other charts in staging for readiness all the same', () => {
      const others = blockers(report).filter((b) => b.chart !== 'legacy-pdb');
      expect(sorted(others).map((b) => [b.chart, b.rule, b.environments])).toEqual([
        ['old-kube', 'kube-version-unsupported', ['staging']],
        ['single-replica', 'pdb-blocks-drain', ['staging']],
        ['strict-pdb', 'pdb-blocks-drain', ['staging']],
        ['wrong-selector', 'pdb-selects-nothing', ['staging']],
      ]);
    });
  },
);
