// The upgrade runbook and the fleet verdict per environment (test/fixtures/environments): aws changes the
// Deployment's selector (immutable), gcp does not; each environment's helm upgrade layers its own override files.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import type { Report } from '../../src/core/report/report.js';
import { renderPlan } from '../../src/format/plan.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/environments');

const lockfile = (version: string) => oneChartLockfile('web', version);

describe.each(Object.entries(HELM_BINARIES))('the runbook per environment (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-runbook-env-');
  let report: Report;

  beforeAll(async () => {
    for (const folder of ['values', 'envs', '.github']) repo.copy(join(FIXTURE, 'repo', folder), folder);
    repo.write('helm-freeze.yaml', lockfile('1.0.0')).copy(join(FIXTURE, 'base/web'), 'charts/web');
    const base = repo.commit('web 1.0.0');
    repo.write('helm-freeze.yaml', lockfile('2.0.0')).copy(join(FIXTURE, 'head/web'), 'charts/web');
    const head = repo.commit('web 2.0.0');
    report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm,
      concurrency: 2,
    });
  });
  afterAll(() => repo.cleanup());

  it('has one upgradeActions entry per environment, each with its own override files', () => {
    const actions = report.charts[0].upgradeActions ?? [];
    expect(actions.map((a) => [a.environment, a.upgrade])).toEqual([
      ['aws', 'helm upgrade web charts/web --namespace default -f values/web.yaml -f envs/aws/web.yaml'],
      ['gcp', 'helm upgrade web charts/web --namespace default -f values/web.yaml -f envs/gcp/web.yaml'],
    ]);
    const [aws, gcp] = actions;
    expect(aws.orphanDeletes.map((d) => d.command)).toEqual([
      expect.stringMatching(/^kubectl delete deployment \S+ -n default --cascade=orphan$/),
    ]);
    expect(aws.reinstall).toBe(true);
    expect(gcp.orphanDeletes).toEqual([]);
  });

  it('writes one section per environment, the orphan delete only where the selector changes', () => {
    const plan = renderPlan(report);
    const aws = plan.slice(plan.indexOf('## Environment aws'), plan.indexOf('## Environment gcp'));
    const gcp = plan.slice(plan.indexOf('## Environment gcp'));
    expect(aws.indexOf('--cascade=orphan')).toBeGreaterThan(0);
    expect(aws.indexOf('--cascade=orphan')).toBeLessThan(aws.indexOf('helm upgrade web'));
    expect(gcp).not.toContain('--cascade=orphan');
    expect(gcp).toContain('-f envs/gcp/web.yaml');
  });

  it('gives the fleet verdict one column per environment', () => {
    const matrix = fleetMatrix(report);
    expect(matrix.environments).toEqual(['aws', 'gcp']);
    expect(matrix.rows.map((r) => [r.chart, r.cells.map((c) => c.status)])).toEqual([['web', ['fail', 'fail']]]);
    expect(renderText(report, { color: false })).toMatch(/fleet verdict\n {4}chart +aws +gcp\n {4}web +fail/);
  });
});
