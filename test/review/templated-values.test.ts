// A templated override file (rendered by the deploy pipeline with Jinja) on a Bitnami chart that pipes values through
// tpl, reviewed end to end with helm 3 and helm 4: the render must succeed on both sides so the render-based checks
// (here mariadb 20's immutable StatefulSet serviceName) still run. Fixture: test/fixtures/templated-values.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseChart, renderJobsFor } from '../../src/core/pipeline/chart-analysis.js';
import { review } from '../../src/core/pipeline/review.js';
import { loadWorkspace } from '../../src/core/pipeline/workspace.js';
import { findHelm } from '../../src/core/render/helm.js';
import { renderAll } from '../../src/core/render/renderer.js';
import type { Manifest } from '../../src/core/render/types.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { fieldsOf } from '../../src/core/rules/immutable-field-changed.js';
import { getAt } from '../../src/core/values/key-path.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const PAIR = 'mariadb-19.1.2-to-20.0.0';
const FIXTURE = join(PROJECT_DIR, 'test/fixtures/templated-values');
const lockfile = (version: string) =>
  oneChartLockfile('mariadb', version, { name: 'bitnami', url: 'https://charts.bitnami.com/bitnami' });
const CODE_SET = `charts:
  mariadb:
    set:
      primary.extraEnvVars: [{ name: DEPLOY_ID, value: example }]
`;
const VALUES = 'values: ["values/{chart}.yaml"]\n';
const WITH_CONTEXT = `${VALUES}templates: { engine: jinja, context: ci/template-context.yaml }\n${CODE_SET}`;

describe.each(['v3', 'v4'] as const)('a templated override file on a chart using tpl, helm %s', (version) => {
  const helm = HELM_BINARIES[version];
  const repo = new TestRepo();
  let base: string;
  let bump: string;
  /** Commits `files` on top of the bump, returns that commit, and leaves the work tree at the bump. */
  const headWith = (files: Record<string, string>): string => {
    for (const [path, text] of Object.entries(files)) repo.write(path, text);
    const sha = repo.commit('scenario');
    repo.git('reset', '-q', '--hard', bump);
    return sha;
  };
  const run = (head: string, withHelm = true): Promise<Report> =>
    review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm: withHelm ? helm : null,
    });
  /** The head render of the chart, through the same pipeline as review(). */
  const headManifests = async (
    head: string,
    values?: 'raw',
  ): Promise<{ status: string; reason?: string; command?: string; manifests: Manifest[] }> => {
    const headSpace = await loadWorkspace(new GitSnapshot(repo.dir, 'head', head), {});
    const baseSpace = await loadWorkspace(new GitSnapshot(repo.dir, 'base', base), {
      configOverride: headSpace.config,
      templateContextFallback: headSpace,
    });
    const entry = headSpace.lockfile.charts[0];
    const change = {
      name: 'mariadb',
      dir: entry.dir,
      change: 'bumped' as const,
      head: entry,
      base: baseSpace.lockfile.charts[0],
      semverChange: 'major' as const,
    };
    const [analysis] = await analyseChart(change, baseSpace, headSpace);
    const jobs = renderJobsFor(analysis).filter((job) => job.key.startsWith('head:'));
    if (values === 'raw') jobs[0].values = analysis.context.overrides.map((o) => o.values);
    const outcomes = await renderAll(jobs, { helm: await findHelm(helm), concurrency: 1 });
    return outcomes.get(jobs[0].key)!.result;
  };
  /** A field of a rendered object: at(manifests, 'Service/mariadb-primary', 'spec', 'type'). */
  const at = (manifests: Manifest[], object: string, ...path: (string | number)[]) =>
    getAt(manifests.find((m) => `${m.ref.kind}/${m.ref.name}` === object)?.object, path);

  beforeAll(() => {
    repo
      .write('helm-freeze.yaml', lockfile('19.1.2'))
      .copy(corpusChart(PAIR, 'old'), 'charts/mariadb')
      .copy(join(FIXTURE, 'values'), 'values')
      .copy(join(FIXTURE, 'ci'), 'ci')
      .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\n');
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', lockfile('20.0.0')).copy(corpusChart(PAIR, 'new'), 'charts/mariadb');
    bump = repo.commit('bump');
  });
  afterAll(() => repo.cleanup());

  it('the fixture goes through tpl: helm fails on the file as written', async () => {
    const head = headWith({ '.github/chart-guard.yaml': `${VALUES}${CODE_SET}` });
    const raw = await headManifests(head, 'raw');
    expect(raw.status).toBe('failed');
    expect(raw.reason).toContain('function "sanitized_name" not defined');
    // the reproduction command a render-failed remedy quotes names the real files, not the temp copies
    expect(raw.command).toMatch(/ -f values\/mariadb\.yaml -- mariadb charts\/mariadb$/);
    expect(raw.command).not.toMatch(/values-\d+\.yaml/);
  });

  it('without a context: renders both sides with placeholders, and the render-based checks run', async () => {
    const head = headWith({ '.github/chart-guard.yaml': `${VALUES}${CODE_SET}` });
    const report = await run(head);
    const chart = report.charts[0];
    expect(chart.overrideFiles).toEqual(['values/mariadb.yaml']);
    expect(chart.render).toEqual({ status: 'ok' });
    expect(chart.findings.filter((f) => f.rule === 'render-failed')).toEqual([]);
    const immutable = chart.findings.filter((f) => f.rule === 'immutable-field-changed');
    // one finding per object, naming each field
    const fields = immutable.flatMap((f) => fieldsOf(f).map((field) => [f.resource?.kind, f.resource?.name, field]));
    expect(fields).toContainEqual(['StatefulSet', 'mariadb-primary', 'spec.serviceName']);
    const partial = chart.findings.find((f) => f.rule === 'values-file-partial');
    expect(partial?.file).toBe('values/mariadb.yaml');
    expect(partial?.message).toContain('the first branch of each if was read');
    expect(partial?.message).toContain('lines 14-15 were neither checked nor rendered');

    const { status, manifests, command } = await headManifests(head);
    expect(status).toBe('ok');
    // the config's set: examples stand for the deploy code's --set, named as such in the reproduction command
    expect(command).toContain("-f values/mariadb.yaml -f '<deploy code --set values>'");
    const service = 'Service/mariadb-primary';
    expect(at(manifests, service, 'spec', 'type')).toBe('LoadBalancer'); // the first branch of the if
    expect(at(manifests, service, 'metadata', 'annotations', 'external-dns.alpha.kubernetes.io/hostname')).toBe(
      'sanitized-name.example.com',
    );
    expect(at(manifests, service, 'metadata', 'labels', 'app.example.com/name')).toBe('sanitized-name');
    // `{{ n }}` in a numeric slot: the chart default, still a number
    expect(at(manifests, 'StatefulSet/mariadb-secondary', 'spec', 'replicas')).toBe(1);
    // `extraEnvVars: set-by-deploy-code` replaced by the structured example of the config's set:
    expect(
      at(manifests, 'StatefulSet/mariadb-primary', 'spec', 'template', 'spec', 'containers', 0, 'env'),
    ).toContainEqual({ name: 'DEPLOY_ID', value: 'example' });
  });

  it('with a context: renders the file with its variables, and the same checks run', async () => {
    const head = headWith({ '.github/chart-guard.yaml': WITH_CONTEXT });
    const report = await run(head);
    const chart = report.charts[0];
    expect(chart.overrideFiles).toEqual(['values/mariadb.yaml']);
    expect(chart.render).toEqual({ status: 'ok' });
    expect(chart.findings.filter((f) => f.rule.startsWith('values-file-'))).toEqual([]);
    expect(chart.findings.filter((f) => f.rule === 'immutable-field-changed').flatMap(fieldsOf)).toContain(
      'spec.serviceName',
    );
    const { manifests } = await headManifests(head);
    const service = 'Service/mariadb-primary';
    expect(at(manifests, service, 'spec', 'type')).toBe('ClusterIP'); // publicly_accessible: false
    expect(at(manifests, service, 'metadata', 'labels', 'app.example.com/name')).toBe('orders-db');
    expect(at(manifests, 'StatefulSet/mariadb-secondary', 'spec', 'replicas')).toBe(2);
  });
});

describe('template context problems are findings with file and line', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());
  let base: string;
  beforeAll(() => {
    repo
      .write('helm-freeze.yaml', lockfile('19.1.2'))
      .copy(corpusChart(PAIR, 'old'), 'charts/mariadb')
      .copy(join(FIXTURE, 'values'), 'values')
      .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\n');
    base = repo.commit('base');
  });
  const review_ = async (files: Record<string, string>) => {
    repo.write('helm-freeze.yaml', lockfile('20.0.0')).copy(corpusChart(PAIR, 'new'), 'charts/mariadb');
    for (const [path, text] of Object.entries(files)) repo.write(path, text);
    const head = repo.commit('bump');
    repo.git('reset', '-q', '--hard', base);
    return review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', base),
      head: new GitSnapshot(repo.dir, 'head', head),
      helm: null,
    });
  };

  it('an undefined variable is values-file-invalid at its line', async () => {
    const report = await review_({
      '.github/chart-guard.yaml': 'values: ["values/{chart}.yaml"]\ntemplates: { context: ci/ctx.yaml }\n',
      'ci/ctx.yaml': 'sanitized_name: orders-db\nn: 2\npublicly_accessible: false\n',
    });
    const invalid = report.charts[0].findings.filter((f) => f.rule === 'values-file-invalid');
    expect(invalid.map((f) => [f.file, f.line, f.message])).toEqual([
      [
        'values/mariadb.yaml',
        19,
        'values/mariadb.yaml: `{{ database_name }}` prints a variable that ci/ctx.yaml does not define',
      ],
    ]);
    expect(invalid[0].remedy).toContain('ci/ctx.yaml');
  });

  it('a missing context file is config-invalid at the config line, and the files are read with placeholders', async () => {
    const report = await review_({
      '.github/chart-guard.yaml':
        'values: ["values/{chart}.yaml"]\ntemplates:\n  engine: jinja\n  context: ci/none.yaml\n',
    });
    expect(report.findings.filter((f) => f.rule === 'config-invalid').map((f) => [f.file, f.line])).toEqual([
      ['.github/chart-guard.yaml', 4],
    ]);
    expect(report.charts[0].findings.map((f) => f.rule)).toContain('values-file-partial');
  });
});
