// Issue 19 §4 and §8: an override file holds `set-by-engine-code` where the deploy code passes the real value. The
// real mariadb 19.1.2 -> 20.0.0 (corpus) types `primary.persistence.enabled` as a boolean in its values.schema.json and
// ranges over `primary.persistence.accessModes`: the placeholder breaks the render. A failure both sides have for the
// same cause is already there; a failure the change brings names the key and the config's `set` that fixes it; the
// placeholder is quoted as it is (the same word under `auth.rootPassword` is not a secret). Real git, helm 3 and 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allFindings, type Finding, type Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/set-from-code');
const CORPUS = join(PROJECT_DIR, 'test/fixtures/corpus/mariadb-19.1.2-to-20.0.0');
const CONFIG = 'kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n';

/** Reviews mariadb 19.1.2 -> 20.0.0 with these override files at base and head, and this config at both. */
async function bump(
  repo: TestRepo,
  helm: string,
  sides: { base: string; head: string; config?: string; failOnExisting?: true },
): Promise<Report> {
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '19.1.2'))
    .copy(join(CORPUS, 'old/mariadb'), 'charts/mariadb')
    .copy(sides.base, 'values/mariadb.yaml');
  if (sides.config) repo.copy(sides.config, '.github/chart-guard.yaml');
  else repo.write('.github/chart-guard.yaml', CONFIG);
  const base = repo.commit('mariadb 19.1.2');
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '20.0.0'))
    .remove('charts/mariadb')
    .copy(join(CORPUS, 'new/mariadb'), 'charts/mariadb')
    .copy(sides.head, 'values/mariadb.yaml');
  const head = repo.commit('mariadb 20.0.0');
  const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
  const failOnExisting = sides.failOnExisting;
  return review({ repoDir: repo.dir, base: snap(base), head: snap(head), helm, concurrency: 2, failOnExisting });
}

const summary = (findings: Finding[]) =>
  findings.map((f) => `${f.rule} ${f.path ?? f.resource?.name ?? ''} ${f.introduced ? 'introduced' : 'already there'}`);
const rendersFailed = (report: Report) => allFindings(report).filter((f) => f.rule === 'render-failed');

describe.each(['v3', 'v4'] as const)('placeholders set from code (helm %s)', (version) => {
  const helm = HELM_BINARIES[version];
  const repos: TestRepo[] = [];
  const fresh = () => {
    const repo = new TestRepo('cg-set-from-code-');
    repos.push(repo);
    return repo;
  };
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });

  describe('a schema failure both versions have for the same reason', () => {
    let report: Report;
    beforeAll(async () => {
      const file = join(FIXTURE, 'both-sides/values/mariadb.yaml');
      report = await bump(fresh(), helm, { base: file, head: file });
    });

    it('is already there on both sides, and does not fail the review', () => {
      const failed = rendersFailed(report);
      expect(failed.map((f) => f.message.slice(0, 50))).toEqual([
        'helm template failed for the new version (20.0.0) ',
        'helm template failed for the old version (19.1.2) ',
      ]);
      expect(failed.map((f) => f.introduced)).toEqual([false, false]);
      expect(report.summary.errors).toBe(0);
      expect(report.verdict).not.toBe('fail');
    });

    it('fails the review with fail-on-existing', async () => {
      const file = join(FIXTURE, 'both-sides/values/mariadb.yaml');
      const strict = await bump(fresh(), helm, { base: file, head: file, failOnExisting: true });
      expect(rendersFailed(strict).map((f) => f.introduced)).toEqual([false, false]);
      expect(strict.summary.preexisting?.errors).toBe(2);
      expect(strict.verdict).toBe('fail');
    });

    it('names the placeholder key, where it is set, and the set that fixes it, never redacted', () => {
      const [head, base] = rendersFailed(report);
      for (const finding of [head, base]) {
        expect(finding).toMatchObject({ path: 'primary.persistence.enabled', file: 'values/mariadb.yaml', line: 6 });
        expect(finding.remedy).toContain(
          '`primary.persistence.enabled` is `set-by-engine-code` in values/mariadb.yaml:6, a placeholder the deploy code replaces',
        );
        expect(finding.remedy).toContain(
          '`charts.mariadb.set.primary.persistence.enabled: true` in .github/chart-guard.yaml',
        );
        expect(`${finding.message}\n${finding.remedy}`).not.toContain('<redacted>');
      }
    });

    it('says the schema rejects the placeholder, not that helm will refuse the upgrade: a notice with the same fix', () => {
      const [schema, ...others] = allFindings(report).filter((f) => f.rule === 'override-schema-violation');
      expect(others).toEqual([]);
      expect(schema).toMatchObject({ severity: 'notice', path: 'primary.persistence.enabled', line: 6 });
      expect(schema.message).toMatch(
        /^values\/mariadb\.yaml line 6 holds a placeholder the deploy code replaces, which mariadb 20\.0\.0's values\.schema\.json rejects: .*boolean.*\. The render cannot use it\.$/,
      );
      expect(schema.message).not.toContain('Helm will refuse');
      expect(schema.remedy).toContain(
        '`charts.mariadb.set.primary.persistence.enabled: true` in .github/chart-guard.yaml',
      );
    });

    it('changes nothing else', () => {
      expect(summary(allFindings(report))).toEqual([
        'major-upgrade-notes  introduced',
        'override-schema-violation primary.persistence.enabled already there',
        'render-failed primary.persistence.enabled already there',
        'render-failed primary.persistence.enabled already there',
      ]);
    });
  });

  describe('a range over a placeholder the change adds', () => {
    let report: Report;
    beforeAll(async () => {
      const values = join(FIXTURE, 'head-only/values');
      report = await bump(fresh(), helm, { base: join(values, 'base.yaml'), head: join(values, 'head.yaml') });
    });

    it('fails the review, naming the key and a list example from the chart defaults', () => {
      const [failed, ...others] = rendersFailed(report);
      expect(others).toEqual([]);
      expect(failed).toMatchObject({
        introduced: true,
        severity: 'error',
        path: 'primary.persistence.accessModes',
        file: 'values/mariadb.yaml',
        line: 7,
      });
      // helm quotes the placeholder: the same word under auth.rootPassword does not hide it
      expect(failed.message).toContain("range can't iterate over set-by-engine-code");
      expect(failed.remedy).toContain('`charts.mariadb.set.primary.persistence.accessModes: ["ReadWriteOnce"]`');
      expect(report.verdict).toBe('fail');
    });

    it('keeps the --api-versions list out of the remedy, in the render status of the report', () => {
      const [failed] = rendersFailed(report);
      expect(failed.remedy).not.toContain('--api-versions v1,');
      expect(failed.remedy).toMatch(
        /helm template .* -f values\/mariadb.yaml --kube-version 1\.29\.0 -- mariadb charts\/mariadb$/,
      );
      expect(report.charts[0].render.command).toMatch(/\n {2}--api-versions v1,.*apps\/v1\/StatefulSet/);
    });
  });

  describe('a new version failing for another cause than the old one', () => {
    it('is introduced; the old version’s failure is already there', async () => {
      const values = join(FIXTURE, 'other-cause/values');
      const report = await bump(fresh(), helm, { base: join(values, 'base.yaml'), head: join(values, 'head.yaml') });
      expect(rendersFailed(report).map((f) => [f.message.slice(29, 55), f.path, f.introduced])).toEqual([
        ['new version (20.0.0) of ma', 'primary.persistence.accessModes', true],
        ['old version (19.1.2) of ma', 'primary.persistence.enabled', false],
      ]);
      expect(report.verdict).toBe('fail');
    });
  });

  describe('a new version that fails on a string where it checks kindIs "bool"', () => {
    it('names the key its fail message names, with the chart default as the example', async () => {
      const repo = fresh();
      const pair = join(PROJECT_DIR, 'test/fixtures/corpus/prometheus-node-exporter-3.4.0-to-4.0.0');
      const chart = 'charts/prometheus-node-exporter';
      repo
        .write('helm-freeze.yaml', oneChartLockfile('prometheus-node-exporter', '3.4.0'))
        .copy(join(pair, 'old/prometheus-node-exporter'), chart)
        .copy(join(FIXTURE, 'kind-is-bool/values.yaml'), 'values/prometheus-node-exporter.yaml')
        .write('.github/chart-guard.yaml', CONFIG);
      const base = repo.commit('node-exporter 3.4.0');
      repo
        .write('helm-freeze.yaml', oneChartLockfile('prometheus-node-exporter', '4.0.0'))
        .remove(chart)
        .copy(join(pair, 'new/prometheus-node-exporter'), chart)
        .copy(join(FIXTURE, 'kind-is-bool/templates/validate.yaml'), `${chart}/templates/validate.yaml`);
      const head = repo.commit('node-exporter 4.0.0');
      const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
      const report = await review({ repoDir: repo.dir, base: snap(base), head: snap(head), helm, concurrency: 2 });
      const [failed, ...others] = rendersFailed(report);
      expect(others).toEqual([]);
      expect(failed).toMatchObject({
        introduced: true,
        path: 'rbac.create',
        file: 'values/prometheus-node-exporter.yaml',
        line: 3,
      });
      expect(failed.message).toContain(
        'rbac.create must be a boolean (true or false), got string "set-by-engine-code"',
      );
      expect(failed.remedy).toContain('`charts.prometheus-node-exporter.set.rbac.create: true`');
    });
  });

  describe('with the example value in the config', () => {
    it('renders both versions: no render failure', async () => {
      const fixed = join(FIXTURE, 'fixed');
      const report = await bump(fresh(), helm, {
        base: join(fixed, 'values/mariadb.yaml'),
        head: join(fixed, 'values/mariadb.yaml'),
        config: join(fixed, 'chart-guard.yaml'),
      });
      expect(rendersFailed(report)).toEqual([]);
      expect(report.charts[0].render.status).toBe('ok');
    });
  });
});
