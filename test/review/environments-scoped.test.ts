// Charts scoped to environments, end to end on the fleet fixture (test/fixtures/fleet/README.md): four groups of
// clusters, charts that run in some of them only (`charts.<chart>.environments`), a chart that runs nowhere, and a
// chart's own settings in one environment (`environments.gcp.charts.promtail`). A chart is reviewed, rendered,
// counted and planned where it runs and nowhere else; a head that narrows where the base runs a chart is held to
// the base's. Real git, helm 3 and 4.
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { renderJson } from '../../src/format/json.js';
import { renderSummary } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/fleet');
const CONFIG = '.github/chart-guard.yaml';
const FLEET_CONFIG = readFileSync(join(FIXTURE, 'head', CONFIG), 'utf8');
const LBC = 'aws-load-balancer-controller';
/** A Jinja override file of the aws environments (aws and aws-karpenter read it, rendered with their context). */
const LBC_JINJA = `lib/aws/bootstrap/chart_values/${LBC}.j2.yaml`;

/** The fleet config with its text edited: each [from, to] must be found once. */
function fleetConfig(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    if (text.split(from).length !== 2) throw new Error(`not once in the fleet config: ${from}`);
    return text.replace(from, to);
  }, FLEET_CONFIG);
}

/** The load balancer controller without the code-set clusterName: only the aws Jinja file gives it one. */
const CLUSTER_NAME_IN_AWS_FILE: [string, string] = [
  `    environments: [aws, aws-karpenter]\n    set:\n      clusterName: example-cluster\n`,
  '    environments: [aws, aws-karpenter]\n',
];
const UNSCOPED: [string, string] = ['    environments: [aws, aws-karpenter]\n', ''];

const environmentsOf = (report: Report, chart: string) =>
  report.charts.find((c) => c.name === chart)?.environments?.map((e) => e.name);
const findingsOf = (report: Report, chart: string): Finding[] =>
  report.charts.find((c) => c.name === chart)?.findings ?? [];

describe.each(Object.entries(HELM_BINARIES))('charts scoped to environments (helm %s)', (_major, helm) => {
  const repo = new TestRepo('cg-scoped-');
  let base: string;
  let head: string;
  let report: Report;

  const load = (side: 'base' | 'head') => {
    for (const entry of readdirSync(repo.dir)) if (entry !== '.git') rmSync(join(repo.dir, entry), { recursive: true });
    cpSync(join(FIXTURE, side), repo.dir, { recursive: true });
  };
  /** Both sides with these files written over the fixture's (the base's policy applies: a head-only edit adds to it). */
  const onBoth = (files: Record<string, string>, headFiles: Record<string, string> = {}) => {
    const edited = (sha: string, extra: Record<string, string>) => {
      repo.git('checkout', '-q', '--detach', sha);
      for (const [path, text] of Object.entries({ ...files, ...extra })) repo.write(path, text);
      return repo.commit('edit');
    };
    return reviewOf(edited(base, {}), edited(head, headFiles));
  };
  const reviewOf = (baseSha: string, headSha: string) =>
    review({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'base', baseSha),
      head: new GitSnapshot(repo.dir, 'head', headSha),
      helm,
      concurrency: 2,
    });

  beforeAll(async () => {
    load('base');
    base = repo.commit('base');
    load('head');
    head = repo.commit('head');
    report = await reviewOf(base, head);
  }, 240_000);
  afterAll(() => repo.cleanup());

  it('analyses each chart in the environments it runs in, and only there', () => {
    expect(environmentsOf(report, LBC)).toEqual(['aws', 'aws-karpenter']);
    expect(environmentsOf(report, 'cluster-autoscaler')).toEqual(['aws']);
    expect(environmentsOf(report, 'karpenter-crd')).toEqual(['aws-karpenter']);
    expect(environmentsOf(report, 'karpenter')).toEqual(['aws-karpenter']);
    expect(environmentsOf(report, 'ingress-nginx')).toEqual(['aws', 'aws-karpenter', 'gcp', 'scaleway']);
    // upgraded where it runs: karpenter is no step of the aws runbook, cluster-autoscaler none of aws-karpenter's
    const planned = (chart: string) =>
      report.charts.find((c) => c.name === chart)?.upgradeActions?.map((a) => a.environment);
    expect(planned('karpenter')).toEqual(['aws-karpenter']);
    expect(planned('cluster-autoscaler')).toEqual(['aws']);
  });

  it('gives no finding for a chart in an environment that does not run it', () => {
    for (const chart of report.charts) {
      const runs = chart.environments?.map((e) => e.name) ?? [];
      for (const finding of chart.findings) {
        expect({ chart: chart.name, rule: finding.rule, in: finding.environments ?? runs }).toEqual({
          chart: chart.name,
          rule: finding.rule,
          in: (finding.environments ?? runs).filter((e) => runs.includes(e)),
        });
      }
    }
    // karpenter's changed CRD is its concern where it runs, not on gcp
    expect(findingsOf(report, 'karpenter').find((f) => f.rule === 'crd-changed')?.environments).toEqual([
      'aws-karpenter',
    ]);
  });

  it('leaves the fleet cells empty where a chart does not run', () => {
    const matrix = fleetMatrix(report);
    expect(matrix.environments).toEqual(['aws', 'aws-karpenter', 'gcp', 'scaleway']);
    const row = (chart: string) => matrix.rows.find((r) => r.chart === chart)?.cells.map((c) => c.status);
    expect(row('cluster-autoscaler')).toEqual(['pass', 'not-run', 'not-run', 'not-run']);
    // karpenter's crds/ change is a notice: karpenter-crd, bumped too, owns that CRD (test/rules/crd-ownership.test.ts);
    // its bump skipping v0.32.x, which its upgrade notes require, is a warning where it runs (upgrade-stepping-stone)
    expect(row('karpenter')).toEqual(['not-run', 'warn', 'not-run', 'not-run']);
    expect(renderSummary(report)).toContain('| cluster-autoscaler | ✅ pass |  |  |  |');
  });

  it("takes a chart's own settings in one environment: its namespace there, and only its files there", () => {
    const promtail = report.charts.find((c) => c.name === 'promtail')!;
    expect(promtail.environments?.find((e) => e.name === 'gcp')?.overrideFiles).toEqual([
      'lib/gcp/bootstrap/chart_values/promtail.yaml',
    ]);
    expect(promtail.upgradeActions?.map((a) => [a.environment, a.namespace])).toEqual([
      ['aws', 'logging'],
      ['aws-karpenter', 'logging'],
      ['gcp', 'qovery'],
      ['scaleway', 'logging'],
    ]);
  });

  it('says once that a chart the change vendors runs in no environment, and neither renders nor plans it', () => {
    expect(report.charts.map((c) => c.name)).not.toContain('vertical-pod-autoscaler');
    const nowhere = report.findings.filter((f) => f.rule === 'chart-runs-nowhere');
    expect(nowhere.map((f) => [f.severity, f.file, f.line, f.message])).toEqual([
      [
        'notice',
        CONFIG,
        FLEET_CONFIG.split('\n').findIndex((l) => l.includes('environments: []')) + 1,
        'vertical-pod-autoscaler runs in no environment (charts.vertical-pod-autoscaler.environments is empty): it is never rendered or checked.',
      ],
    ]);
  });

  it('lints each chart where it runs, and names the chart that runs nowhere', async () => {
    const linted = await lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'head', head), helm });
    expect(environmentsOf(linted, 'karpenter')).toEqual(['aws-karpenter']);
    expect(environmentsOf(linted, LBC)).toEqual(['aws', 'aws-karpenter']);
    expect(linted.charts.map((c) => c.name)).not.toContain('vertical-pod-autoscaler');
    const nowhere = linted.findings.filter((f) => f.rule === 'chart-runs-nowhere');
    expect(nowhere.map((f) => [f.severity, f.message.split(' ')[0]])).toEqual([['notice', 'vertical-pod-autoscaler']]);
    for (const chart of linted.charts) {
      const runs = chart.environments?.map((e) => e.name) ?? [];
      const named = chart.findings.flatMap((f) => f.environments ?? []);
      expect(named.filter((e) => !runs.includes(e))).toEqual([]);
    }
  }, 120_000);

  it('renders an aws-only chart that fails without its aws clusterName in aws only: no false error on gcp', async () => {
    const awsFile = 'clusterName: {{ kubernetes_cluster_name }}\n';
    const scoped = await onBoth({ [CONFIG]: fleetConfig(CLUSTER_NAME_IN_AWS_FILE), [LBC_JINJA]: awsFile });
    expect(findingsOf(scoped, LBC).filter((f) => f.severity === 'error')).toEqual([]);
    // the same review without the scope: the render fails where the aws file does not apply, as on a real gcp
    const unscoped = await onBoth({
      [CONFIG]: fleetConfig(CLUSTER_NAME_IN_AWS_FILE, UNSCOPED),
      [LBC_JINJA]: awsFile,
    });
    const failed = findingsOf(unscoped, LBC).filter((f) => f.rule === 'render-failed');
    expect([...new Set(failed.flatMap((f) => f.environments))]).toEqual(['gcp', 'scaleway']);
    expect(failed[0].message).toContain('clusterName');
  }, 120_000);

  it("shows each environment's Kubernetes version in the header, the JSON and each SARIF run", async () => {
    const perEnvironment = await onBoth({
      [CONFIG]: fleetConfig(
        ['kubernetes: "1.28"\n', ''],
        ['      context: ci/aws.yaml\n', '      context: ci/aws.yaml\n    kubernetes: "1.29"\n'],
        ['      context: ci/aws-karpenter.yaml\n', '      context: ci/aws-karpenter.yaml\n    kubernetes: "1.30"\n'],
        ['  gcp:\n', '  gcp:\n    kubernetes: { min: "1.27", max: "1.29" }\n'],
      ),
    });
    expect(perEnvironment.kubernetesVersion).toBeNull();
    expect(perEnvironment.kubernetes).toEqual({
      aws: '1.29',
      'aws-karpenter': '1.30',
      gcp: '1.27-1.29',
      scaleway: null,
    });
    expect(JSON.parse(renderJson(perEnvironment)).kubernetes).toEqual(perEnvironment.kubernetes);
    const summary = renderSummary(perEnvironment);
    expect(summary).toContain('Kubernetes aws 1.29, aws-karpenter 1.30, gcp 1.27-1.29, scaleway unset');
    expect(summary).not.toContain('No Kubernetes version is set:');
    expect(summary).toContain(
      'No Kubernetes version is set for scaleway: the API and kubeVersion checks did not run there.',
    );
    const unset = perEnvironment.findings.filter((f) => f.rule === 'kube-version-unset');
    expect(unset.map((f) => [f.severity, f.message.split(':')[0]])).toEqual([
      ['notice', 'No Kubernetes version is set for scaleway'],
    ]);
    const runs = JSON.parse(renderSarif(perEnvironment)).runs as { automationDetails: unknown }[];
    expect(runs.map((run) => run.automationDetails)).toEqual([
      {
        id: 'chart-guard/',
        description: { text: 'Kubernetes aws 1.29, aws-karpenter 1.30, gcp 1.27-1.29, scaleway unset' },
      },
      { id: 'chart-guard/aws/', description: { text: 'aws: Kubernetes 1.29' } },
      { id: 'chart-guard/aws-karpenter/', description: { text: 'aws-karpenter: Kubernetes 1.30' } },
      { id: 'chart-guard/gcp/', description: { text: 'gcp: Kubernetes 1.27-1.29' } },
      { id: 'chart-guard/scaleway/', description: { text: 'scaleway: Kubernetes unset' } },
    ]);
  }, 120_000);

  it('holds a head that narrows where or with what a chart runs to the base: still checked, and an error', async () => {
    const narrowed = fleetConfig(
      // takes the load balancer controller out of aws-karpenter
      ['    environments: [aws, aws-karpenter]\n', '    environments: [aws]\n'],
      // switches external-dns off on scaleway, and reads promtail's gcp file without the shared patterns elsewhere
      [
        '  scaleway:\n',
        '  scaleway:\n    charts:\n      external-dns: { enabled: false }\n      promtail:\n        values: ["{lockdir}/scaleway/bootstrap/chart_values/{chart}.yaml"]\n',
      ],
    );
    const held = await onBoth({}, { [CONFIG]: narrowed });
    expect(environmentsOf(held, LBC)).toEqual(['aws', 'aws-karpenter']);
    expect(environmentsOf(held, 'external-dns')).toEqual(['aws', 'aws-karpenter', 'gcp', 'scaleway']);
    const line = (text: string) => narrowed.split('\n').findIndex((l) => l.includes(text)) + 1;
    const changed = held.findings.filter((f) => f.rule === 'policy-changed' && f.severity === 'error');
    expect(changed.map((f) => [f.line, f.message])).toEqual(
      expect.arrayContaining([
        [
          line('environments: [aws]'),
          expect.stringContaining(
            `charts.${LBC}.environments leaves out aws-karpenter, where the base runs ${LBC}; it is still checked there`,
          ),
        ],
        [
          line('external-dns: { enabled: false }'),
          expect.stringContaining('environments.scaleway.charts.external-dns.enabled is false'),
        ],
        [
          line('values: ["{lockdir}/scaleway'),
          expect.stringContaining(
            'environments.scaleway.charts.promtail.values leaves out {dest}/../chart_values/{chart}.yaml',
          ),
        ],
      ]),
    );
    expect(held.verdict).toBe('fail');
  }, 120_000);
});
