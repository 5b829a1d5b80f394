// Where charts run, as the config says it: `charts.<chart>.environments` and `environments.<env>.charts.<chart>`,
// read with their lines, names that point at nothing reported where they are written, and resolved per lockfile entry.
import { afterAll, describe, expect, it } from 'vitest';
import { chartConfigIn, environmentChartFor, parseConfig, runsIn } from '../../src/core/config/config.js';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { lockfile } from '../rules/support/contexts.js';
import { TestRepo } from '../support/git-repo.js';

const PATH = '.github/chart-guard.yaml';
const problemLines = (text: string) => parseConfig(text, PATH).problems.map((p) => `${p.line}: ${p.message}`);

const CONFIG = `environments:
  aws: {}
  gcp:
    charts:
      promtail:
        namespace: qovery
        releaseName: logs
        values: ["gcp/{chart}.yaml"]
        set: { clientUrl: http://gateway }
      charts/karpenter:
        enabled: false
charts:
  karpenter:
    environments: [aws, gcp]
  promtail:
    namespace: logging
    set: [clientUrl, tenant]
`;
const ENTRIES = lockfile(
  '  - name: promtail\n    version: 6.15.5\n    repo_name: grafana\n  - name: karpenter\n    version: 0.33.0\n    repo_name: karpenter\n',
).charts;
const [promtail, karpenter] = ENTRIES;

describe('charts scoped to environments: the config', () => {
  const config = parseConfig(CONFIG, PATH);
  const [aws, gcp] = config.environments;

  it('reads a chart scope and an environment’s chart settings, with their lines', () => {
    expect(config.problems).toEqual([]);
    expect(config.charts.karpenter.environments).toEqual(['aws', 'gcp']);
    expect(gcp.charts?.promtail).toEqual({
      line: 5,
      namespace: 'qovery',
      releaseName: 'logs',
      values: ['gcp/{chart}.yaml'],
      set: [{ path: ['clientUrl'], example: 'http://gateway', line: 9 }],
    });
    expect(gcp.charts?.['charts/karpenter']).toEqual({ line: 10, enabled: false, set: [] });
    expect(aws.charts).toBeUndefined();
  });

  it('runs an entry where its scope names the environment and the environment does not switch it off', () => {
    expect(config.environments.map((e) => runsIn(config, karpenter, e))).toEqual([true, false]);
    expect(config.environments.map((e) => runsIn(config, promtail, e))).toEqual([true, true]);
    // the implicit environment of a config without environments runs every chart
    expect(runsIn(config, karpenter, {})).toBe(true);
  });

  it("gives an entry the environment's release, namespace and set keys over its own", () => {
    const own = chartConfigIn(config, promtail, aws);
    expect([own.namespace, own.releaseName]).toEqual(['logging', undefined]);
    const there = chartConfigIn(config, promtail, gcp);
    expect([there.namespace, there.releaseName]).toEqual(['qovery', 'logs']);
    expect(there.set.map((key) => [key.path.join('.'), key.example])).toEqual([
      ['clientUrl', 'http://gateway'],
      ['tenant', undefined],
    ]);
  });

  it("merges an environment's settings keyed by name and by folder, the folder's winning", () => {
    const both = parseConfig(
      'environments:\n  gcp:\n    charts:\n      promtail: { namespace: a, enabled: false }\n      charts/promtail: { namespace: b }\n',
      PATH,
    );
    expect(environmentChartFor(both.environments[0], promtail)).toEqual({ namespace: 'b', enabled: false, set: [] });
  });

  it('reports an environment a chart scope names that the config does not define, at its line', () => {
    expect(
      problemLines(
        `environments:\n  aws: {}\n  gcp: {}\ncharts:\n  karpenter:\n    environments:\n      - aws\n      - gpc\n`,
      ),
    ).toEqual([
      '8: charts.karpenter.environments names "gpc", which is no environment of this config (known: aws, gcp) (did you mean "gcp"?)',
    ]);
    expect(problemLines('charts:\n  karpenter:\n    environments: [aws]\n')).toEqual([
      '3: charts.karpenter.environments names "aws", but the config defines no environments',
    ]);
  });

  it("reports an unknown key in an environment's chart settings, and a release name helm would refuse", () => {
    const problems = problemLines(
      'environments:\n  gcp:\n    charts:\n      promtail:\n        namespaces: qovery\n        releaseName: Not_Valid\n',
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^5: unknown key in environments\.gcp\.charts\.promtail "namespaces" \(did you mean "namespace"\?/,
    );
    expect(problems[1]).toMatch(/^6: environments\.gcp\.charts\.promtail\.releaseName "Not_Valid" /);
  });
});

describe('charts scoped to environments: through the pipeline, without renders', () => {
  const repo = new TestRepo('cg-config-scope-');
  afterAll(() => repo.cleanup());

  it('is a config-invalid error at its line, with the nearest chart name', async () => {
    repo
      .write('helm-freeze.yaml', 'charts:\n  - name: promtail\n    version: 6.15.5\n    repo_name: grafana\n')
      .write('charts/promtail/Chart.yaml', 'apiVersion: v2\nname: promtail\nversion: 6.15.5\n')
      .write(PATH, 'environments:\n  aws: {}\n  gcp:\n    charts:\n      promtial: { enabled: false }\n')
      .write('values/promtail.yaml', 'config: {}\n');
    const sha = repo.commit('config');
    const report = await lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'main', sha), helm: null });
    const invalid = report.findings.filter((f) => f.rule === 'config-invalid');
    expect(invalid.map((f) => [f.severity, f.file, f.line, f.message])).toEqual([
      [
        'error',
        PATH,
        5,
        'environments.gcp.charts.promtial names no chart: it is neither a lockfile entry of helm-freeze.yaml nor a chart folder, so its settings apply to nothing (did you mean "promtail"?)',
      ],
    ]);
  });

  it("reports an environment's own patterns for a chart that match no file: it would run there with no overrides", async () => {
    repo.write(
      PATH,
      'values: ["values/{chart}.yaml"]\nenvironments:\n  aws: {}\n  gcp:\n    charts:\n      promtail: { values: ["gcp/{chart}.yaml"] }\n',
    );
    const sha = repo.commit('a pattern with no file');
    const report = await lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'main', sha), helm: null });
    const unmatched = report.findings.filter((f) => f.rule === 'values-pattern-unmatched');
    expect(unmatched.map((f) => [f.path, f.after])).toEqual([
      ['environments.gcp.charts.promtail.values', 'gcp/{chart}.yaml'],
    ]);
    expect(report.charts[0].environments?.map((e) => [e.name, e.overrideFiles])).toEqual([
      ['aws', ['values/promtail.yaml']],
      ['gcp', []],
    ]);
  });

  it('lets a change add a chart scoped to some environments: the base never checked it, so nothing is narrowed', async () => {
    const config = 'values: ["values/{chart}.yaml"]\nenvironments:\n  aws: {}\n  gcp: {}\n';
    repo.write(PATH, config);
    const before = repo.commit('two environments');
    repo
      .write(
        'helm-freeze.yaml',
        'charts:\n  - name: promtail\n    version: 6.15.5\n    repo_name: grafana\n  - name: karpenter\n    version: 0.33.0\n    repo_name: karpenter\n',
      )
      .write('charts/karpenter/Chart.yaml', 'apiVersion: v2\nname: karpenter\nversion: 0.33.0\n')
      .write(PATH, `${config}charts:\n  karpenter:\n    environments: [aws]\n`);
    const after = repo.commit('karpenter, on aws only');
    const report = await review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', before),
      head: new GitSnapshot(repo.dir, 'head', after),
      helm: null,
    });
    expect(report.findings.filter((f) => f.rule === 'policy-changed' && f.severity === 'error')).toEqual([]);
    expect(report.charts.map((c) => [c.name, c.change, c.environments?.map((e) => e.name)])).toEqual([
      ['karpenter', 'added', ['aws']],
    ]);
  });
});
