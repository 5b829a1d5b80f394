// A Kubernetes raise is a readiness review (test/fixtures/readiness/README.md): a pull request that raises staging
// from 1.24 to 1.25 and changes no chart checks every chart deployed in staging at 1.25, and only there; the drain
// blockers are errors there; `lint --kube-version 1.25` finds the same blockers; the deployed release that stores
// policy/v1beta1 gets its `helm mapkubeapis` step. Real git repositories, real helm 3 and 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review, reviewWithLint } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
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
});
