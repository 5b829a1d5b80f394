// Lint of a whole chart repository: each check fires on a broken repo and stays quiet on a clean one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';

const CLEAN_LOCKFILE = `charts:
  - name: zookeeper
    version: 13.4.10
    repo_name: bitnami
  - name: prometheus-node-exporter
    version: 3.4.0
    repo_name: prometheus-community
    dest: infra
repos:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
  - name: prometheus-community
    url: https://prometheus-community.github.io/helm-charts
destinations:
  - name: default
    path: ./charts
  - name: infra
    path: ./infra-charts
`;

const CONFIG = `values: ["values/{chart}.yaml"]
charts:
  zookeeper:
    set: ["auth.client.clientPassword"]
`;

async function lintAt(repo: TestRepo, sha: string, helm: string | null = null): Promise<Report> {
  return lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'HEAD', sha), helm });
}

const rules = (report: Report): string[] =>
  [...report.findings, ...report.charts.flatMap((c) => c.findings)].map((f) => f.rule).sort();
const byRule = (report: Report, rule: string): Finding[] =>
  [...report.findings, ...report.charts.flatMap((c) => c.findings)].filter((f) => f.rule === rule);

describe('chart-guard lint', () => {
  const repo = new TestRepo();
  let clean: string;

  beforeAll(() => {
    repo
      .write('helm-freeze.yaml', CLEAN_LOCKFILE)
      .copy(corpusChart('zookeeper-13.4.10-to-13.4.11', 'old'), 'charts/zookeeper')
      .copy(corpusChart('prometheus-node-exporter-3.4.0-to-4.0.0', 'old'), 'infra-charts/prometheus-node-exporter')
      .write('values/zookeeper.yaml', 'replicaCount: 3\nauth:\n  client:\n    clientPassword: ""\n')
      .write('values/prometheus-node-exporter.yaml', 'resources:\n  limits:\n    memory: 64Mi\n')
      .write('.github/chart-guard.yaml', CONFIG);
    clean = repo.commit('clean');
  });
  afterAll(() => repo.cleanup());

  it('passes a consistent repository with no findings but the renders it was told to skip', async () => {
    const report = await lintAt(repo, clean);
    // one render policy with review: --no-render says so once for the run (issue 10 §3), and no Kubernetes version
    // is set here: one notice says the API checks did not run
    expect(rules(report).sort()).toEqual(['kube-version-unset', 'render-skipped']);
    expect(report.summary).toMatchObject({ errors: 0 });
    expect(report.charts.map((c) => c.render)).toEqual([
      { status: 'skipped', reason: 'rendering is disabled (--no-render or render.enabled: false)' },
      { status: 'skipped', reason: 'rendering is disabled (--no-render or render.enabled: false)' },
    ]);
    expect(report.mode).toBe('lint');
    expect(report.base).toBeNull();
    expect(report.charts.map((c) => c.name)).toEqual(['zookeeper', 'prometheus-node-exporter']);
  });

  it('renders every chart for the target version and flags removed apiVersions', async () => {
    const report = await lint({
      repoDir: repo.dir,
      head: new GitSnapshot(repo.dir, 'HEAD', clean),
      helm: HELM_BINARIES.v3,
      kubernetesVersion: '1.25',
    });
    // node-exporter 3.4.0 renders a policy/v1beta1 PodSecurityPolicy by default (corpus NOTES).
    expect(byRule(report, 'api-removed').map((f) => [f.chart, f.resource?.kind])).toEqual([
      ['prometheus-node-exporter', 'PodSecurityPolicy'],
    ]);
    expect(report.charts.every((c) => c.render.status === 'ok')).toBe(true);
  });

  it('reports every lockfile problem with its line', async () => {
    repo.write(
      'helm-freeze.yaml',
      `${CLEAN_LOCKFILE.replace('    dest: infra\n', '    dest: nowhere\n    colour: blue\n')}  - name: default\n    path: ./other\n`,
    );
    const sha = repo.commit('broken lockfile');
    const problems = byRule(await lintAt(repo, sha), 'lockfile-invalid');
    const lines = problems.map((p) => p.line);
    expect(problems.some((p) => /nowhere/.test(p.message))).toBe(true);
    expect(problems.some((p) => /colour/.test(p.message))).toBe(true);
    expect(problems.some((p) => /default/.test(p.message) && /duplicate|twice|more than once/i.test(p.message))).toBe(
      true,
    );
    expect(lines.every((l) => typeof l === 'number' && l > 0)).toBe(true);
    repo.write('helm-freeze.yaml', CLEAN_LOCKFILE);
  });

  it('finds missing folders, version drift, orphan folders and orphan override files', async () => {
    repo
      .write('helm-freeze.yaml', CLEAN_LOCKFILE.replace('version: 13.4.10', 'version: 13.4.11'))
      .remove('infra-charts/prometheus-node-exporter')
      .copy(corpusChart('alertmanager-1.25.0-to-1.26.0', 'old'), 'charts/alertmanager')
      .write('values/redis.yaml', 'architecture: standalone\n');
    const sha = repo.commit('drift');
    const report = await lintAt(repo, sha);
    expect(byRule(report, 'chart-version-mismatch').map((f) => f.chart)).toEqual(['zookeeper']);
    expect(byRule(report, 'chart-dir-missing').map((f) => f.chart)).toEqual(['prometheus-node-exporter']);
    expect(byRule(report, 'chart-dir-orphan').map((f) => f.file)).toEqual(['charts/alertmanager/Chart.yaml']);
    expect(byRule(report, 'override-file-orphan').map((f) => f.file)).toEqual(['values/redis.yaml']);
    repo.git('reset', '-q', '--hard', clean);
  });

  it('checks override keys against the current defaults, with free-form keys accepted', async () => {
    repo.write(
      'values/zookeeper.yaml',
      'replicaCount: 3\nreplicaCont: 2\npodAnnotations:\n  a.b/c: x\nauth:\n  client:\n    clientPassword: ""\n',
    );
    const sha = repo.commit('typo');
    const unknown = byRule(await lintAt(repo, sha), 'override-key-unknown');
    expect(unknown.map((f) => [f.path, f.file, f.line])).toEqual([['replicaCont', 'values/zookeeper.yaml', 2]]);
    repo.git('reset', '-q', '--hard', clean);
  });

  it('requires keys set from code to be declared in the defaults or the override file', async () => {
    repo.write(
      '.github/chart-guard.yaml',
      CONFIG.replace('["auth.client.clientPassword"]', '["auth.client.clientPassword", "deployment.injectedBy"]'),
    );
    const sha = repo.commit('undeclared code-set key');
    const undeclared = byRule(await lintAt(repo, sha), 'code-set-key-undeclared');
    expect(undeclared.map((f) => [f.path, f.file])).toEqual([['deployment.injectedBy', '.github/chart-guard.yaml']]);
    expect(undeclared[0].line).toBeGreaterThan(0);
    repo.git('reset', '-q', '--hard', clean);
  });

  it('treats a no_sync entry as a locally modified copy: version drift is a notice', async () => {
    repo.write(
      'helm-freeze.yaml',
      CLEAN_LOCKFILE.replace('    version: 13.4.10\n', '    version: 13.4.9\n    no_sync: true\n'),
    );
    const sha = repo.commit('no_sync');
    const report = await lintAt(repo, sha);
    expect(byRule(report, 'chart-version-mismatch')).toEqual([]);
    expect(byRule(report, 'chart-locally-modified').map((f) => [f.severity, f.before, f.after])).toEqual([
      ['notice', '13.4.9', '13.4.10'],
    ]);
    repo.git('reset', '-q', '--hard', clean);
  });

  it("reports a chart's own unreadable values.yaml with its line", async () => {
    repo.write('charts/zookeeper/values.yaml', 'replicaCount: 1\nimage: [unclosed\n');
    const sha = repo.commit('broken chart values');
    const invalid = byRule(await lintAt(repo, sha), 'chart-file-invalid');
    expect(invalid.map((f) => [f.file, f.chart])).toEqual([['charts/zookeeper/values.yaml', 'zookeeper']]);
    expect(invalid[0].line).toBeGreaterThanOrEqual(2);
    repo.git('reset', '-q', '--hard', clean);
  });
});
