// Cluster capabilities end to end: a chart that branches on .Capabilities.APIVersions.Has, reviewed at Kubernetes
// 1.28 (and a 1.20-1.28 fleet) with helm 3 and 4. helm template alone would render its legacy branches
// (apiregistration.k8s.io/v1beta1, policy/v1beta1, batch/v1beta1) and api-removed would fire for all three.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/capabilities');

const lockfile = (version: string) => oneChartLockfile('caps', version);

const rules = (report: Report) => report.charts[0].findings.map((f) => [f.rule, f.resource?.kind, f.resource?.name]);

describe.each(Object.entries(HELM_BINARIES))('capability-dependent API versions (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-caps-review-');
  const reports: Record<string, Report> = {};

  beforeAll(async () => {
    repo.write('helm-freeze.yaml', lockfile('1.0.0')).copy(join(FIXTURE, 'base/caps'), 'charts/caps');
    const base = repo.commit('base');
    const heads: Record<string, string> = {};
    const bump = (name: string, config: string) => {
      repo
        .write('helm-freeze.yaml', lockfile('1.1.0'))
        .copy(join(FIXTURE, 'head/caps'), 'charts/caps')
        .write('.github/chart-guard.yaml', config);
      heads[name] = repo.commit(name);
    };
    bump('1.28', 'kubernetes: "1.28"\n');
    bump('fleet', 'kubernetes: { min: "1.20", max: "1.28" }\n');
    bump('monitoring', 'kubernetes: "1.28"\napiVersions: [monitoring.coreos.com/v1]\n');
    await Promise.all(
      Object.entries(heads).map(async ([name, sha]) => {
        reports[name] = await review({
          repoDir: repo.dir,
          base: new GitSnapshot(repo.dir, 'base', base),
          head: new GitSnapshot(repo.dir, name, sha),
          helm,
        });
      }),
    );
  });
  afterAll(() => repo.cleanup());

  it('renders the APIService, PodDisruptionBudget and CronJob a 1.28 cluster serves: no api-removed', () => {
    expect(reports['1.28'].charts[0].render.status).toBe('ok');
    expect(rules(reports['1.28'])).toEqual([]);
  });

  it('renders each end of a 1.20-1.28 fleet with the APIs that end serves: no api-removed either', () => {
    expect(reports.fleet.charts[0].render.status).toBe('ok');
    expect(rules(reports.fleet)).toEqual([]);
  });

  it('renders the CRD-gated ServiceMonitor only when the config lists monitoring.coreos.com/v1', () => {
    // head drops the ServiceMonitor template: it shows as removed only if base rendered it
    expect(rules(reports.monitoring)).toEqual([['resource-removed', 'ServiceMonitor', 'caps']]);
  });
});
