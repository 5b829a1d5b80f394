// §2 of issue 10: a finding that holds identically on the base is marked introduced: false, listed apart, and does
// not fail a review unless fail-on-existing says so; a lint still fails on it. Real git, real helm 3 and 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import { allFindings, type Finding, type Report } from '../../src/core/report/report.js';
import { renderComment } from '../../src/format/markdown.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/preexisting');

const lockfile = (version: string) => oneChartLockfile('web', version);

const CONFIG = 'kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n';

const find = (report: Report, rule: string, match: (f: Finding) => boolean = () => true) =>
  allFindings(report).filter((f) => f.rule === rule && match(f));

describe.each(['v3', 'v4'] as const)('findings already there on the base (helm %s)', (version) => {
  const repo = new TestRepo('cg-preexisting-');
  const helm = HELM_BINARIES[version];
  let base: string;
  let head: string;
  let patchOnly: string;
  let report: Report;
  const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
  const reviewOf = (from: string, to: string, extra: Partial<Parameters<typeof review>[0]> = {}) =>
    review({ repoDir: repo.dir, base: snap(from), head: snap(to), helm, concurrency: 2, ...extra });

  beforeAll(async () => {
    repo
      .write('helm-freeze.yaml', lockfile('1.0.0'))
      .copy(join(FIXTURE, 'base/web'), 'charts/web')
      .copy(join(FIXTURE, 'repo/values'), 'values')
      .write('.github/chart-guard.yaml', CONFIG);
    base = repo.commit('web 1.0.0');
    // a patch bump that changes nothing the rules see: every finding it has was there before
    repo
      .write('helm-freeze.yaml', lockfile('1.0.1'))
      .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.1\n');
    patchOnly = repo.commit('web 1.0.1');
    repo.git('checkout', '-q', base);
    repo.write('helm-freeze.yaml', lockfile('1.1.0')).copy(join(FIXTURE, 'head/web'), 'charts/web');
    head = repo.commit('web 1.1.0');
    report = await reviewOf(base, head);
  });
  afterAll(() => repo.cleanup());

  it('marks the PodDisruptionBudget both versions render as already there, the new CronJob as introduced', () => {
    const pdb = find(report, 'api-removed', (f) => f.resource?.kind === 'PodDisruptionBudget');
    const cron = find(report, 'api-removed', (f) => f.resource?.kind === 'CronJob');
    expect(pdb).toHaveLength(1);
    expect(cron).toHaveLength(1);
    expect(pdb[0].introduced).toBe(false);
    expect(cron[0].introduced).toBe(true);
  });

  it('marks a key unknown at both versions as already there, a key the bump removed as introduced', () => {
    const unknown = find(report, 'override-key-unknown', (f) => f.path === 'legacyKey');
    const removed = find(report, 'override-key-removed', (f) => f.path === 'image.pullPolicy');
    expect(unknown).toMatchObject([{ introduced: false }]);
    expect(removed).toMatchObject([{ introduced: true }]);
    // every finding of a review says which it is
    expect(allFindings(report).every((f) => typeof f.introduced === 'boolean')).toBe(true);
  });

  it('counts findings already there apart from the summary that makes the verdict', () => {
    const old = allFindings(report).filter((f) => f.introduced === false);
    expect(report.summary.preexisting?.errors).toBe(old.filter((f) => f.severity === 'error').length);
    expect(report.summary.preexisting?.errors).toBeGreaterThanOrEqual(1);
    const introducedErrors = allFindings(report).filter((f) => f.introduced && f.severity === 'error').length;
    expect(report.summary.errors).toBe(introducedErrors);
    expect(report.verdict).toBe('fail'); // the CronJob
  });

  it('does not fail a bump whose only errors were already there, unless fail-on-existing', async () => {
    const quiet = await reviewOf(base, patchOnly);
    expect(find(quiet, 'api-removed')).toMatchObject([{ introduced: false }]);
    expect(quiet.summary.errors).toBe(0);
    expect(quiet.verdict).not.toBe('fail');
    const strict = await reviewOf(base, patchOnly, { failOnExisting: true });
    expect(strict.verdict).toBe('fail');
    // the fleet verdict's cell follows the same policy
    const fleetRow = (r: Report) =>
      fleetMatrix(r).rows.map((row) => [row.chart, row.cells[0].status, row.cells[0].errors]);
    expect(fleetRow(quiet)).toEqual([['web', 'pass', 0]]);
    expect(fleetRow(strict)).toEqual([['web', 'fail', 1]]);
  });

  it('lists them in their own collapsed section of the comment and apart in the text output', () => {
    const comment = renderComment(report, { marker: 'm' });
    const details = comment.slice(comment.indexOf('already there before this change'));
    const before = comment.slice(0, comment.indexOf('already there before this change'));
    expect(comment).toMatch(
      /<summary>\d+ findings? already there before this change \(not failing this review\)<\/summary>/,
    );
    expect(details).toContain('PodDisruptionBudget');
    expect(before).not.toContain('PodDisruptionBudget'); // not among what the change did
    expect(before).toContain('CronJob');
    const text = renderText(report, { color: false });
    expect(text).toMatch(/already there before this change \(\d+\)/);
    expect(text.indexOf('PodDisruptionBudget')).toBeGreaterThan(text.indexOf('already there before this change'));
  });

  it('still fails a lint of the head on them', async () => {
    const linted = await lint({ repoDir: repo.dir, head: snap(patchOnly), helm });
    expect(find(linted, 'api-removed')).toHaveLength(1);
    expect(find(linted, 'api-removed')[0].introduced).toBeUndefined();
    expect(linted.verdict).toBe('fail');
  });
});

describe('failOnExisting in the config', () => {
  const repo = new TestRepo('cg-preexisting-config-');
  afterAll(() => repo.cleanup());

  it('fails the review on findings already there, like the flag', async () => {
    repo
      .write('helm-freeze.yaml', lockfile('1.0.0'))
      .copy(join(FIXTURE, 'base/web'), 'charts/web')
      .copy(join(FIXTURE, 'repo/values'), 'values')
      .write('.github/chart-guard.yaml', `${CONFIG}failOnExisting: true\n`);
    const base = repo.commit('web 1.0.0');
    repo
      .write('helm-freeze.yaml', lockfile('1.0.1'))
      .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.1\n');
    const head = repo.commit('web 1.0.1');
    const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
    const options = { repoDir: repo.dir, base: snap(base), head: snap(head), helm: HELM_BINARIES.v4 };
    const report = await review(options);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.preexisting?.errors).toBeGreaterThanOrEqual(1);
    expect(report.verdict).toBe('fail');
    expect((await review({ ...options, failOnExisting: false })).verdict).not.toBe('fail');
  });
});

describe('pre-existing findings with acceptances and the base branch policy', () => {
  const repos: TestRepo[] = [];
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });
  const today = new Date('2026-06-01T00:00:00Z');
  // web 1.0.0 -> 1.0.1 with the given config at base and head (and acceptances at head)
  const reviewWith = async (baseConfig: string, headConfig: string, accepted?: string) => {
    const repo = new TestRepo('cg-preexisting-policy-');
    repos.push(repo);
    const snap = (sha: string) => new GitSnapshot(repo.dir, sha, sha);
    repo
      .write('helm-freeze.yaml', lockfile('1.0.0'))
      .copy(join(FIXTURE, 'base/web'), 'charts/web')
      .copy(join(FIXTURE, 'repo/values'), 'values')
      .write('.github/chart-guard.yaml', baseConfig);
    const base = repo.commit('web 1.0.0');
    repo
      .write('helm-freeze.yaml', lockfile('1.0.1'))
      .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.1\n')
      .write('.github/chart-guard.yaml', headConfig);
    if (accepted) repo.write('.github/chart-guard-accepted.yaml', accepted);
    const head = repo.commit('web 1.0.1');
    return review({ repoDir: repo.dir, base: snap(base), head: snap(head), helm: HELM_BINARIES.v4, today });
  };

  it('reads failOnExisting from the base: a head that turns it off still fails, with a policy-changed error', async () => {
    const report = await reviewWith(`${CONFIG}failOnExisting: true\n`, CONFIG);
    expect(report.verdict).toBe('fail');
    expect(report.failOnExisting).toBe(true);
    expect(find(report, 'policy-changed').map((f) => [f.severity, f.message.split(';')[0]])).toEqual([
      ['error', 'failOnExisting changes from true to false'],
    ]);
    // turning it on is a notice, and applies at once: the review applies the stricter of both configs
    const stricter = await reviewWith(CONFIG, `${CONFIG}failOnExisting: true\n`);
    expect(find(stricter, 'policy-changed').map((f) => [f.severity, f.line])).toEqual([['notice', 4]]);
    expect(stricter.failOnExisting).toBe(true);
    expect(stricter.verdict).toBe('fail');
  });

  it('counts a finding both accepted and already there as accepted only, listed in the accepted section', async () => {
    const accepted = [
      '- rule: api-removed',
      '  chart: web',
      '  resource: PodDisruptionBudget/web',
      '  reason: the cluster still serves policy/v1beta1 until PLAT-7',
      '  expires: 2026-07-01',
      '',
    ].join('\n');
    const report = await reviewWith(`${CONFIG}failOnExisting: true\n`, `${CONFIG}failOnExisting: true\n`, accepted);
    const pdb = find(report, 'api-removed');
    expect(pdb).toMatchObject([{ introduced: false, accepted: { expires: '2026-07-01', added: true } }]);
    expect(report.summary.accepted).toBe(1);
    // the unknown legacyKey stays pre-existing: a warning, which fail-on error does not fail on
    expect(report.summary.preexisting).toEqual({ errors: 0, warnings: 1, notices: 0 });
    expect(report.summary.errors).toBe(0);
    expect(report.verdict).toBe('warn'); // failOnExisting, but the only old error is accepted
    const comment = renderComment(report, { marker: 'm' });
    const acceptedAt = comment.indexOf('<summary>1 accepted finding');
    const preexistingAt = comment.indexOf('<summary>1 finding already there before this change');
    expect([acceptedAt > 0, preexistingAt > acceptedAt]).toEqual([true, true]);
    expect(comment.slice(acceptedAt, preexistingAt)).toContain('PodDisruptionBudget');
    expect(comment.slice(preexistingAt)).not.toContain('PodDisruptionBudget');
    expect(comment.slice(preexistingAt)).toContain('legacyKey');
  });
});
