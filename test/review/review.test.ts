import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// End-to-end core: a real chart repository in git, bumped like a helm-freeze PR, reviewed with the real helm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { WorktreeSnapshot } from '../../src/core/repo/worktree-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const lockfile = (charts: { name: string; version: string }[]) =>
  chartsLockfile(charts, { name: 'bitnami', url: 'https://charts.bitnami.com/bitnami' });

const MARIADB_OVERRIDES = `# team overrides
master:
  persistence:
    size: 20Gi
podAnnotations:
  team.example.com/owner: data
image:
  pullPolicy: Always
`;

describe('review of a helm-freeze bump', () => {
  const repo = new TestRepo();
  let baseSha: string;
  let headSha: string;
  let report: Report;

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
      .write('values/mariadb.yaml', MARIADB_OVERRIDES)
      .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.29"\n');
    baseSha = repo.commit('base');
    repo
      .write(
        'helm-freeze.yaml',
        lockfile([
          { name: 'mariadb', version: '8.0.0' },
          { name: 'zookeeper', version: '13.4.10' },
        ]),
      )
      .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'new'), 'charts/mariadb');
    headSha = repo.commit('bump mariadb');
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main~1', baseSha),
      head: new GitSnapshot(repo.dir, 'main', headSha),
      helm: HELM_BINARIES.v4,
    });
  });
  afterAll(() => repo.cleanup());

  it('reports only the bumped chart, with its semver class', () => {
    expect(report.charts.map((c) => [c.name, c.change, c.from, c.to, c.semverChange])).toEqual([
      ['mariadb', 'bumped', '7.10.4', '8.0.0', 'major'],
    ]);
    expect(report.charts[0].overrideFiles).toEqual(['values/mariadb.yaml']);
  });

  it('flags the override key the bump broke, at its line, with the new key', () => {
    const removed = report.charts[0].findings.filter((f) => f.rule === 'override-key-removed');
    expect(removed.map((f) => [f.path, f.file, f.line])).toEqual([
      ['master.persistence.size', 'values/mariadb.yaml', 4],
    ]);
    expect(`${removed[0].message} ${removed[0].remedy}`).toContain('primary.persistence.size');
  });

  it('accepts still-valid keys; a free-form name the chart has no map for is proven ignored with helm', () => {
    const paths = report.charts[0].findings.map((f) => f.path);
    expect(paths).not.toContain('image.pullPolicy');
    // neither mariadb version has a top-level podAnnotations (only primary./secondary.podAnnotations)
    const ignored = report.charts[0].findings.find((f) => f.path === 'podAnnotations.team\\.example\\.com/owner');
    expect(ignored?.rule).toBe('override-key-unknown');
    expect(ignored?.message).toContain('removing it does not change the rendered manifests');
  });

  it('finds the replaced StatefulSet and says a reinstall is needed', () => {
    const chart = report.charts[0];
    const replaced = chart.findings.find((f) => f.rule === 'statefulset-replaced');
    expect(replaced?.message).toContain('mariadb-master');
    expect(chart.needsReinstall).toBe(true);
    expect(chart.reinstallReason).toBeTruthy();
    expect(chart.render.status).toBe('ok');
  });

  it('carries the README upgrade notes and the defaults diff', () => {
    const chart = report.charts[0];
    expect(chart.upgradeNotes?.map((n) => n.heading)).toEqual(['To 8.0.0']);
    expect(chart.findings.some((f) => f.rule === 'major-upgrade-notes')).toBe(true);
    expect(chart.valuesDiff.removed).toContain('master.persistence.size');
    expect(chart.valuesDiff.added).toContain('primary.persistence.size');
  });

  it('fails by the default policy and summarises', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.summary.needsReinstall).toBe(true);
    expect(report.base?.sha).toBe(baseSha);
    expect(report.kubernetesVersion).toBe('1.29');
  });

  it('reviews the working tree before a commit: an override edit alone is overrides-changed', async () => {
    repo.write('values/zookeeper.yaml', 'replicaCount: 3\nnotAKey: true\n');
    const wt = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', headSha),
      head: new WorktreeSnapshot(repo.dir),
      helm: null,
    });
    expect(wt.charts.map((c) => [c.name, c.change])).toEqual([['zookeeper', 'overrides-changed']]);
    const unknown = wt.charts[0].findings.filter((f) => f.rule === 'override-key-unknown');
    expect(unknown.map((f) => [f.path, f.line])).toEqual([['notAKey', 2]]);
    expect(wt.findings.some((f) => f.rule === 'render-skipped')).toBe(true);
    repo.remove('values/zookeeper.yaml');
  });

  it('does not call every chart removed when the lockfile stops being YAML: it reports the line', async () => {
    repo.write('helm-freeze.yaml', 'charts:\n  - name: mariadb\n    version: [8.0.0\n');
    const broken = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', headSha),
      head: new WorktreeSnapshot(repo.dir),
      helm: null,
    });
    expect(broken.charts).toEqual([]);
    expect(broken.findings.map((f) => [f.rule, f.file, typeof f.line])).toEqual([
      ['lockfile-invalid', 'helm-freeze.yaml', 'number'],
    ]);
    expect(broken.verdict).toBe('fail');
    repo.git('checkout', '-q', 'helm-freeze.yaml');
  });

  it('reviews a chart folder edited by hand without a lockfile change, and warns that sync will undo it', async () => {
    const template = 'charts/zookeeper/templates/statefulset.yaml';
    const original = readFileSync(join(repo.dir, template), 'utf8');
    repo.write(template, original.replace(/^ {2}serviceName: .*$/m, '  serviceName: zk-by-hand'));
    const edited = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main', headSha),
      head: new WorktreeSnapshot(repo.dir),
      helm: HELM_BINARIES.v4,
    });
    expect(edited.charts.map((c) => [c.name, c.change, c.from, c.to])).toEqual([
      ['zookeeper', 'modified', '13.4.10', '13.4.10'],
    ]);
    const findings = edited.charts[0].findings;
    expect(findings.filter((f) => f.rule === 'chart-locally-modified').map((f) => f.severity)).toEqual(['warning']);
    expect(findings.filter((f) => f.rule === 'immutable-field-changed').map((f) => [f.path, f.after])).toEqual([
      ['spec.serviceName', 'zk-by-hand'],
    ]);
    repo.write(template, original);
  });
});
