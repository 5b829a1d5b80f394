// CRDs whose crds/ file starts with `---` (most generated CRD files): helm prints their `# Source:` line as a
// document of its own. Reviewed end to end with helm 3 and 4 on test/fixtures/crd-origin: the CRD of the top chart
// and of an aliased CRD subchart (a folder in base, a .tgz in head) stay crds/ CRDs when they change, and when an
// override switches the CRD subchart off (crds.enabled: false).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/crd-origin');

const lockfile = (version: string) => oneChartLockfile('op', version);

const crdFindings = (report: Report) =>
  report.charts[0].findings
    .filter((f) => f.rule.startsWith('crd-') || f.rule === 'resource-removed')
    .map((f: Finding) => [f.rule, f.severity, f.resource?.name, f.file]);

describe.each(Object.entries(HELM_BINARIES))('crds/ files starting with --- (helm %s)', (_major, helm) => {
  const repo = new TestRepo();
  let changed: Report;
  let switchedOff: Report;

  beforeAll(async () => {
    repo
      .write('helm-freeze.yaml', lockfile('1.0.0'))
      .copy(join(FIXTURE, 'base/op'), 'charts/op')
      .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\nkubernetes: "1.29"\n');
    const base = repo.commit('base');
    repo.write('helm-freeze.yaml', lockfile('1.1.0')).copy(join(FIXTURE, 'head/op'), 'charts/op');
    const bumped = repo.commit('bump op');
    repo.write('values/op.yaml', 'crds:\n  enabled: false\n');
    const off = repo.commit('switch the CRD subchart off');
    const reviewOf = (sha: string) =>
      review({
        repoDir: repo.dir,
        base: new GitSnapshot(repo.dir, 'base', base),
        head: new GitSnapshot(repo.dir, 'head', sha),
        helm,
      });
    [changed, switchedOff] = await Promise.all([reviewOf(bumped), reviewOf(off)]);
  });
  afterAll(() => repo.cleanup());

  it('reports the changed crds/ CRDs of the chart and of its aliased subchart as one finding, each at its file', () => {
    expect(changed.charts[0].render.status).toBe('ok');
    expect(crdFindings(changed)).toEqual([['crd-changed', 'warning', undefined, 'charts/op/crds/widgets.yaml']]);
    const [finding] = changed.charts[0].findings.filter((f) => f.rule === 'crd-changed');
    expect(finding.message).toContain('2 CRDs changed in crds/ (widgets.example.com and gizmos.example.com)');
    const crds = (finding.after as { crds: { name: string; file: string; change: string }[] }).crds;
    expect(crds.map((c) => [c.name, c.file, c.change])).toEqual([
      ['widgets.example.com', 'charts/op/crds/widgets.yaml', 'versions added: v2'],
      [
        'gizmos.example.com',
        'charts/op/charts/op-crds-0.2.0.tgz#op-crds/crds/gizmos.yaml',
        'printer columns added: Ready',
      ],
    ]);
  });

  it('gives a remedy command that works for a CRD inside a packaged subchart (streamed out of the archive)', () => {
    const [finding] = changed.charts[0].findings.filter((f) => f.rule === 'crd-changed');
    const [widgets, gizmos] = [finding, finding];
    expect(widgets.remedy).toContain('`kubectl apply --server-side --force-conflicts -f charts/op/crds/widgets.yaml`');
    expect(gizmos.remedy).toContain(
      '`tar -xzOf charts/op/charts/op-crds-0.2.0.tgz op-crds/crds/gizmos.yaml | kubectl apply --server-side --force-conflicts -f -`',
    );
    expect(gizmos.remedy).not.toContain('.tgz#');
  });

  it('does not claim that helm upgrade deletes a crds/ CRD whose subchart is switched off', () => {
    expect(crdFindings(switchedOff)).toEqual([
      ['resource-removed', 'notice', 'gizmos.example.com', 'charts/op/charts/op-crds/crds/gizmos.yaml'],
      ['crd-changed', 'warning', 'widgets.example.com', 'charts/op/crds/widgets.yaml'],
    ]);
    const removed = switchedOff.charts[0].findings.find((f) => f.rule === 'resource-removed')!;
    expect(removed.message).toContain('Helm never deletes CRDs it installed from crds/');
    expect(removed.message).not.toContain('`helm upgrade` deletes');
  });
});
