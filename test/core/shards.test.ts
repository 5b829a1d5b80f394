// Sharded runs (--shard i/n) merged by `chart-guard merge` give the report of the unsharded run: a generated
// repository of real corpus charts, two environments, a few bumped charts, acceptances (one splitting a finding by
// environment, one stale, one expired), reviewed and linted with real git and helm, whole and in three shards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingFingerprint } from '../../src/core/acceptances/finding-identity.js';
import { lint } from '../../src/core/pipeline/lint.js';
import { review, reviewWithLint } from '../../src/core/pipeline/review.js';
import type { AnalysisOptions } from '../../src/core/pipeline.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { reportCheck } from '../../src/core/report/report-schema.js';
import { mergeReports, parseReport, type ReportInput } from '../../src/core/shards/merge-reports.js';
import { shardOf } from '../../src/core/shards/shard.js';
import { renderJson } from '../../src/format/json.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const TODAY = new Date('2026-06-01T12:00:00Z');

/** Corpus pairs: [chart, pair, bumped at head]. */
const CHARTS: [string, string, boolean][] = [
  ['prometheus-blackbox-exporter', 'prometheus-blackbox-exporter-9.8.0-to-10.0.0', true],
  ['prometheus-node-exporter', 'prometheus-node-exporter-3.4.0-to-4.0.0', true],
  ['prometheus-kafka-exporter', 'prometheus-kafka-exporter-2.18.0-to-3.0.0', true],
  ['mariadb', 'mariadb-7.10.4-to-8.0.0', true],
  ['sealed-secrets', 'sealed-secrets-1.5.12-to-1.5.13', true],
  ['zookeeper', 'zookeeper-13.4.10-to-13.4.11', false],
  ['alertmanager', 'alertmanager-1.25.0-to-1.26.0', false],
];

const versions = (pair: string) => /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair)!.slice(1) as [string, string];

const CONFIG = `values: ["values/{chart}.yaml"]
environments:
  aws:
    values: ["envs/aws/{chart}.yaml"]
    kubernetes: "1.31"
  azure:
    values: ["envs/azure/{chart}.yaml"]
    kubernetes: "1.24"
`;

// extraEnvFromSecret is gone from blackbox 10.0.0 in both environments; accepted in azure only, it splits in two
const ACCEPTED = `- rule: override-key-removed
  chart: prometheus-blackbox-exporter
  key: extraEnvFromSecret
  environments: [azure]
  reason: azure probes read their credentials from the workload identity since PLAT-7
  expires: 2026-07-01
- rule: override-key-removed
  chart: zookeeper
  key: no.such.key
  reason: stale on purpose
  expires: 2026-07-01
- rule: chart-deprecated
  chart: mariadb
  reason: expired on purpose
  expires: 2026-01-01
`;

/** The report as a file holds it (undefined fields gone), as `merge` reads it. */
const asFile = (report: Report): Report => JSON.parse(renderJson(report));
const inputs = (reports: Report[]): ReportInput[] =>
  reports.map((report, i) => ({ file: `shard-${i + 1}.json`, report: asFile(report) }));

/** Everything but the run's cost, which differs between two runs on the same input (and sums over shards). */
function comparable(report: Report): Omit<Report, 'stats'> {
  const { stats: _, ...rest } = asFile(report);
  return rest;
}

function merged(shards: Report[]): Report {
  const outcome = mergeReports(inputs(shards));
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.report;
}

const fingerprints = (report: Report) =>
  [...report.findings, ...report.charts.flatMap((chart) => chart.findings)]
    .map((f) => `${findingFingerprint(f)} ${(f.environments ?? []).join(',')} ${f.accepted ? 'accepted' : ''}`)
    .sort();

describe('shards merged equal the unsharded run', () => {
  const repo = new TestRepo('cg-shards-');
  let base = '';
  let head = '';
  let added = '';

  const options = (sha: string): AnalysisOptions => ({
    repoDir: repo.dir,
    head: new GitSnapshot(repo.dir, 'head', sha),
    helm: HELM_BINARIES.v4,
    concurrency: 2,
    today: TODAY,
  });
  const reviewOptions = (sha = head) => ({ ...options(sha), base: new GitSnapshot(repo.dir, 'base', base) });
  const inThree = <T>(run: (shard: { index: number; count: number }) => Promise<T>) =>
    Promise.all([1, 2, 3].map((index) => run({ index, count: 3 })));

  beforeAll(() => {
    const lock = (side: 0 | 1) =>
      chartsLockfile(CHARTS.map(([name, pair, bumped]) => ({ name, version: versions(pair)[bumped ? side : 0] })));
    repo
      .write('helm-freeze.yaml', lock(0))
      .write('.github/chart-guard.yaml', CONFIG)
      .write('.github/chart-guard-accepted.yaml', ACCEPTED)
      .write('values/prometheus-blackbox-exporter.yaml', 'extraEnvFromSecret:\n  - blackbox-probe-credentials\n')
      .write('envs/aws/mariadb.yaml', 'master:\n  persistence:\n    size: 20Gi\n')
      .write('envs/azure/mariadb.yaml', 'rootUser:\n  password: hunter2\n')
      .write('envs/azure/prometheus-node-exporter.yaml', 'service:\n  port: 9101\n')
      // 3.0.0 drops rbac.pspEnabled in both environments
      .write('values/prometheus-kafka-exporter.yaml', 'rbac:\n  pspEnabled: true\n')
      .write('envs/aws/prometheus-kafka-exporter.yaml', 'replicaCount: 2\n');
    for (const [name, pair] of CHARTS) repo.copy(corpusChart(pair, 'old'), `charts/${name}`);
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', lock(1));
    for (const [name, pair, bumped] of CHARTS) if (bumped) repo.copy(corpusChart(pair, 'new'), `charts/${name}`);
    head = repo.commit('bump five charts');
    // one more chart: no pair of the others moves to another shard
    repo
      .write(
        'helm-freeze.yaml',
        `${lock(1).replace('repos:', '  - name: extra\n    version: 13.4.10\n    repo_name: example\nrepos:')}`,
      )
      .copy(corpusChart('zookeeper-13.4.10-to-13.4.11', 'old'), 'charts/extra');
    added = repo.commit('add a chart');
  });
  afterAll(() => repo.cleanup());

  it('review: three shards merged give the same report (findings, environments, summary, verdict, runbook)', async () => {
    const whole = await review(reviewOptions());
    const shards = await inThree((shard) => review({ ...reviewOptions(), shard }));
    // each shard saw part of the run, and every chart of the run is in some shard
    expect(shards.map((s) => s.shard?.index)).toEqual([1, 2, 3]);
    // these charts' environments fall in two shards (the others' in one)
    const split = whole.charts.filter(
      (chart) => shards.filter((s) => s.charts.some((c) => c.dir === chart.dir)).length > 1,
    );
    expect(split.map((chart) => chart.name)).toEqual([
      'prometheus-blackbox-exporter',
      'prometheus-node-exporter',
      'mariadb',
      'sealed-secrets',
    ]);
    const kafka = (report: Report) => report.charts.find((c) => c.name === 'prometheus-kafka-exporter');
    const result = merged(shards);
    expect(fingerprints(result)).toEqual(fingerprints(whole));
    expect(result.summary).toEqual(whole.summary);
    expect(result.verdict).toBe('fail');
    expect(result.summary.needsReinstall).toBe(true);
    expect(comparable(result)).toEqual(comparable(whole));
    // the planted facts are there: a split acceptance, a stale and an expired entry, findings named by environment
    const blackbox = result.charts.find((c) => c.name === 'prometheus-blackbox-exporter')!;
    expect(
      blackbox.findings
        .filter((f) => f.rule === 'override-key-removed')
        .map((f) => [f.environments, Boolean(f.accepted)]),
    ).toEqual([
      [['azure'], true],
      [['aws'], false],
    ]);
    // one finding of the shared file's key for both environments
    const psp = kafka(result)!.findings.filter((f) => f.rule === 'override-key-removed');
    expect(psp.map((f) => [f.path, f.environments])).toEqual([['rbac.pspEnabled', ['aws', 'azure']]]);
    expect(result.findings.filter((f) => f.rule === 'acceptance-stale').map((f) => f.line)).toEqual([7]);
    expect(result.findings.filter((f) => f.rule === 'acceptance-expired').map((f) => f.line)).toEqual([12]);
    // node-exporter's DaemonSet selector changes in both environments, each upgraded with its own -f files
    const selector = result.charts
      .find((c) => c.name === 'prometheus-node-exporter')!
      .findings.filter((f) => f.rule === 'immutable-field-changed');
    expect(selector.map((f) => f.environments)).toEqual([['aws', 'azure']]);
    // the advice once, then each environment's command
    expect(selector[0].remedy).toMatch(
      /\(each environment's, below\).*\nhelm upgrade .* {2}# aws\nhelm upgrade .*envs\/azure\/prometheus-node-exporter\.yaml {2}# azure$/s,
    );
    expect(result.stats?.renders).toBeGreaterThanOrEqual(whole.stats?.renders ?? 0);
  }, 300_000);

  it('review --lint: the lint half of every shard leaves out the charts of the whole review', async () => {
    const whole = await reviewWithLint(reviewOptions());
    const shards = await inThree((shard) => reviewWithLint({ ...reviewOptions(), shard }));
    const result = merged(shards);
    expect(result.charts.map((c) => `${c.name} ${c.change}`)).toEqual(whole.charts.map((c) => `${c.name} ${c.change}`));
    expect(comparable(result)).toEqual(comparable(whole));
  }, 300_000);

  it('lint: three shards merged give the same report', async () => {
    const whole = await lint(options(head));
    const shards = await inThree((shard) => lint({ ...options(head), shard }));
    const result = merged(shards);
    expect(fingerprints(result)).toEqual(fingerprints(whole));
    expect(comparable(result)).toEqual(comparable(whole));
  }, 300_000);

  it('adding a chart moves no other chart × environment pair to another shard', async () => {
    const pairs = async (sha: string) => {
      const shards = await inThree((shard) => lint({ ...options(sha), helm: null, shard }));
      return shards.flatMap((report, i) =>
        report.charts.flatMap((chart) => (chart.environments ?? []).map((e) => `${chart.dir} ${e.name} ${i + 1}`)),
      );
    };
    const before = await pairs(head);
    const after = await pairs(added);
    expect(before.length).toBe(CHARTS.length * 2);
    expect(after.filter((pair) => !pair.startsWith('charts/extra '))).toEqual(before);
    expect(after.filter((pair) => pair.startsWith('charts/extra '))).toHaveLength(2);
  }, 120_000);

  describe('refusals', () => {
    let shards: Report[];
    beforeAll(async () => {
      shards = await inThree((shard) => lint({ ...options(head), helm: null, shard }));
    }, 120_000);

    const refusal = (reports: ReportInput[]) => {
      const outcome = mergeReports(reports);
      if (outcome.ok) throw new Error('merged');
      return outcome.refusal;
    };

    it('merges them into the unsharded lint: render-skipped names the charts of every shard once', async () => {
      const whole = await lint({ ...options(head), helm: null });
      const result = merged(shards);
      const skipped = result.findings.filter((f) => f.rule === 'render-skipped');
      expect(skipped).toHaveLength(1);
      expect(skipped[0].message).toContain(`${CHARTS.length} charts`);
      expect(comparable(result)).toEqual(comparable(whole));
    });

    it('refuses shards of a different head commit, naming both files', async () => {
      const other = await lint({ ...options(added), helm: null, shard: { index: 3, count: 3 } });
      const files = [...inputs(shards.slice(0, 2)), { file: 'other-head.json', report: asFile(other) }];
      const { kind, message } = refusal(files);
      expect(kind).toBe('mismatch');
      expect(message).toBe(
        `shard-1.json and other-head.json cannot be merged: different head commits (${head.slice(0, 12)} vs ${added.slice(0, 12)})`,
      );
    });

    it('refuses shards of a different config', async () => {
      const other = await lint({
        ...options(head),
        helm: null,
        kubernetesVersion: '1.30',
        shard: { index: 3, count: 3 },
      });
      expect(other.configDigest).not.toBe(shards[0].configDigest);
      const { kind, message } = refusal([...inputs(shards.slice(0, 2)), { file: 'k130.json', report: asFile(other) }]);
      expect(kind).toBe('mismatch');
      expect(message).toMatch(/^shard-1\.json and k130\.json cannot be merged: different configs \(configDigest\)/);
    });

    it('refuses a shard given twice, and missing shards, naming them', () => {
      const [one, two] = inputs(shards);
      expect(refusal([one, two, { ...two, file: 'again.json' }]).message).toBe(
        'shard 2/3 is given twice: shard-2.json and again.json',
      );
      expect(refusal([two]).message).toBe(
        'shards 1, 3 of 3 are missing: the merged report would not cover the whole run',
      );
      expect(refusal([one, two]).kind).toBe('shard-missing');
    });

    it('refuses a whole run merged with a shard', async () => {
      const whole = await lint({ ...options(head), helm: null });
      const files = [{ file: 'whole.json', report: asFile(whole) }, ...inputs(shards)];
      // the whole run's config is the same: only the missing shard count tells them apart
      expect(refusal(files).message).toMatch(/^whole\.json and shard-1\.json cannot be merged: different shard counts/);
      expect(mergeReports([files[0]]).ok).toBe(true);
    });

    it('refuses a file that is not a chart-guard report, naming it', () => {
      const notJson = parseReport('notes.txt', 'hello', reportCheck());
      expect(notJson.ok || notJson.refusal.message).toMatch(/^notes\.txt is not JSON \(/);
      const sarif = parseReport('scan.sarif', JSON.stringify({ version: '2.1.0', runs: [] }), reportCheck());
      expect(sarif.ok || sarif.refusal.message).toBe(
        'scan.sarif is not a chart-guard JSON report: no tool.name "chart-guard"',
      );
      const shard = parseReport('shard-1.json', renderJson(shards[0]), reportCheck());
      expect(shard.ok).toBe(true);
    });
  });
});

describe('a lockfile that names one chart folder twice (lockfile-invalid)', () => {
  const repo = new TestRepo('cg-shards-twice-');
  afterAll(() => repo.cleanup());

  it('lists the folder twice in the merged report too, as the unsharded run does', async () => {
    const twice = [
      { name: 'zookeeper', version: '13.4.10' },
      { name: 'zookeeper', version: '13.4.10' },
      { name: 'alertmanager', version: '1.25.0' },
    ];
    repo
      .write('helm-freeze.yaml', chartsLockfile(twice))
      .write('.github/chart-guard.yaml', CONFIG)
      .copy(corpusChart('zookeeper-13.4.10-to-13.4.11', 'old'), 'charts/zookeeper')
      .copy(corpusChart('alertmanager-1.25.0-to-1.26.0', 'old'), 'charts/alertmanager');
    const sha = repo.commit('zookeeper twice');
    const options = { repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'head', sha), helm: null, today: TODAY };
    const whole = await lint(options);
    expect(whole.charts.map((c) => c.dir)).toEqual(['charts/zookeeper', 'charts/zookeeper', 'charts/alertmanager']);
    const shards = await Promise.all([1, 2, 3].map((index) => lint({ ...options, shard: { index, count: 3 } })));
    expect(comparable(merged(shards))).toEqual(comparable(whole));
  });
});

describe('shard assignment', () => {
  const charts = Array.from({ length: 300 }, (_, i) => `charts/chart-${i}`);
  const assign = (dirs: string[]) =>
    new Map(dirs.flatMap((dir) => ['aws', 'azure'].map((env) => [`${dir} ${env}`, shardOf(dir, env, 3)] as const)));

  it('is stable when charts are added or removed: only the new pairs get a shard', () => {
    const before = assign(charts);
    const after = assign(['charts/new-one', ...charts.slice(0, 150), 'charts/another', ...charts.slice(151)]);
    for (const [pair, shard] of after) if (before.has(pair)) expect(shard).toBe(before.get(pair));
  });

  it('spreads the pairs over every shard', () => {
    const counts = [0, 0, 0];
    for (const shard of assign(charts).values()) counts[shard - 1]++;
    // 600 pairs: each shard gets a fair part (a binomial spread stays far inside these bounds)
    for (const count of counts) expect(count).toBeGreaterThan(150);
  });

  it('puts the environments of one chart in different shards independently', () => {
    const split = charts.filter((dir) => shardOf(dir, 'aws', 3) !== shardOf(dir, 'azure', 3));
    expect(split.length).toBeGreaterThan(0);
  });
});
