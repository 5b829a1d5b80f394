// `chart-guard lint --kube-version 1.25` as a user runs it, on the readiness fixture at 1.24
// (test/fixtures/readiness/README.md): the same blockers as the pull request that raises staging, in both
// environments, exit 1; `--format plan` rolls out ring by ring with the mapkubeapis step. The CLI bundled from
// source, real helm 3 and 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/readiness/repo');

describe('chart-guard lint --kube-version 1.25 (the CLI)', () => {
  const repo = new TestRepo('cg-readiness-cli-');
  let cli: BuiltCli;

  beforeAll(() => {
    for (const part of ['.github', 'charts', 'values', 'helm-freeze.yaml']) repo.copy(join(FIXTURE, part), part);
    repo.commit('six charts, two environments on 1.24');
    cli = buildCli();
  });
  afterAll(() => {
    cli.cleanup();
    repo.cleanup();
  });

  it.each(Object.entries(HELM_BINARIES))('finds the readiness blockers in both environments (helm %s)', (_, helm) => {
    const run = runCli(cli, ['lint', '--kube-version', '1.25', '--helm', helm, '--format', 'json'], repo.dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const found = report.charts
      .flatMap((chart) => chart.findings)
      .filter((f) => f.environments?.length === 2)
      .map((f) => `${f.chart} ${f.rule} ${f.severity}`)
      .sort();
    expect(found).toEqual([
      'legacy-pdb api-removed error',
      'legacy-pdb release-api-removed warning',
      'old-kube kube-version-unsupported error',
      'single-replica pdb-blocks-drain error',
      'strict-pdb pdb-blocks-drain error',
      'wrong-selector pdb-selects-nothing error',
    ]);
    expect(report.charts.find((chart) => chart.name === 'clean')?.findings).toEqual([]);
  });

  it('writes the runbook of the upgrade: staging first, the soak, production, mapkubeapis before each cluster upgrade', () => {
    const run = runCli(
      cli,
      ['lint', '--kube-version', '1.25', '--helm', HELM_BINARIES.v3, '--format', 'plan'],
      repo.dir,
    );
    const upgrade = run.stdout.slice(run.stdout.indexOf('## Kubernetes upgrade'));
    const order = [
      '1. staging (ring 0): Kubernetes 1.24 → 1.25',
      'helm mapkubeapis legacy-pdb --namespace default',
      '2. Soak: 7 day(s)',
      '3. production (ring 2): Kubernetes 1.24 → 1.25 (waiting: blocked until ring 0 passes)',
      'helm mapkubeapis legacy-pdb --namespace default',
    ];
    let at = 0;
    for (const line of order) {
      const found = upgrade.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
  });
});
