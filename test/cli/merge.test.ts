// `--shard` and `chart-guard merge` through the built CLI: bad shard values are one line and exit 2; three shard
// reports merged print, in every format, exactly what the unsharded review prints; bad report sets are refused
// naming the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/options.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const CHARTS: [string, string][] = [
  ['prometheus-blackbox-exporter', 'prometheus-blackbox-exporter-9.8.0-to-10.0.0'],
  ['prometheus-kafka-exporter', 'prometheus-kafka-exporter-2.18.0-to-3.0.0'],
  ['prometheus-node-exporter', 'prometheus-node-exporter-3.4.0-to-4.0.0'],
];
const version = (pair: string, side: 0 | 1) => /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair)![side + 1];

const CONFIG = `values: ["values/{chart}.yaml"]
environments:
  aws:
    values: ["envs/aws/{chart}.yaml"]
    kubernetes: "1.31"
  gcp:
    values: ["envs/gcp/{chart}.yaml"]
    kubernetes: "1.24"
`;

describe('chart-guard --shard and merge', () => {
  const repo = new TestRepo('cg-cli-merge-');
  let cli: BuiltCli;
  let base = '';
  let head = '';
  const run = (...args: string[]) => runCli(cli, args, repo.dir);
  const review = (...args: string[]) =>
    run('review', '--base', base, '--head', head, '--helm', HELM_BINARIES.v4, ...args);
  const file = (name: string) => join(repo.dir, name);

  beforeAll(() => {
    cli = buildCli();
    const lock = (side: 0 | 1) =>
      chartsLockfile(CHARTS.map(([name, pair]) => ({ name, version: version(pair, side) })));
    repo
      .write('helm-freeze.yaml', lock(0))
      .write('.github/chart-guard.yaml', CONFIG)
      .write('values/prometheus-blackbox-exporter.yaml', 'extraEnvFromSecret:\n  - probe-credentials\n')
      .write('values/prometheus-kafka-exporter.yaml', 'rbac:\n  pspEnabled: true\n')
      .write('envs/aws/prometheus-kafka-exporter.yaml', 'replicaCount: 2\n');
    for (const [name, pair] of CHARTS) repo.copy(corpusChart(pair, 'old'), `charts/${name}`);
    base = repo.commit('base');
    repo.write('helm-freeze.yaml', lock(1));
    for (const [name, pair] of CHARTS) repo.copy(corpusChart(pair, 'new'), `charts/${name}`);
    head = repo.commit('bump');
    // the reports live outside the commits: untracked files in the working tree
    for (const index of [1, 2, 3]) {
      const shard = review('--shard', `${index}/3`, '--format', 'json', '--output', `shard-${index}.json`);
      expect(shard.status, shard.stderr).toBe(1);
    }
  }, 240_000);
  afterAll(() => {
    cli.cleanup();
    repo.cleanup();
  });

  it.each(['0/3', '4/3', 'x', '1/0', '2'])('refuses --shard %s with one line and exit 2', (value) => {
    for (const command of ['review', 'lint']) {
      const result = run(command, '--shard', value);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(`^chart-guard ${command}: --shard .*"${value}"\\) \\(see chart-guard ${command} --help\\)\\n$`),
      );
    }
  });

  it('writes a shard report that says which shard it is and what config it was made with', () => {
    const report = JSON.parse(readFileSync(file('shard-2.json'), 'utf8'));
    expect(report.shard).toMatchObject({ index: 2, count: 3 });
    expect(report.shard.runCharts).toEqual(CHARTS.map(([name]) => `charts/${name}`));
    expect(report.configDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each(FORMATS)('merge --format %s prints what the unsharded review prints', (format) => {
    const whole = review('--format', format);
    const merged = run('merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', '--format', format);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(whole.status);
    expect(merged.status).toBe(1);
    if (format === 'json') {
      // the run's cost is a sum over the shards
      const { stats: _, ...mergedReport } = JSON.parse(merged.stdout);
      const { stats: __, ...wholeReport } = JSON.parse(whole.stdout);
      expect(mergedReport).toEqual(wholeReport);
    } else {
      expect(merged.stdout).toBe(whole.stdout);
    }
  });

  it('writes --output and judges with --fail-on', () => {
    const result = run(
      'merge',
      'shard-3.json',
      'shard-1.json',
      'shard-2.json',
      '--fail-on',
      'never',
      '-o',
      'merged.json',
      '--format',
      'json',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^chart-guard: warn \(.*\); json report written to merged\.json\n$/);
    expect(JSON.parse(readFileSync(file('merged.json'), 'utf8'))).toMatchObject({ verdict: 'warn', failOn: 'never' });
  });

  it('refuses a missing shard, a shard twice, a file that is no report, naming them (exit 2)', () => {
    writeFileSync(file('notes.json'), '{"hello": "world"}\n');
    const cases: [string[], string][] = [
      [['shard-1.json', 'shard-3.json'], 'shard 2 of 3 is missing: the merged report would not cover the whole run'],
      [['shard-1.json', 'shard-2.json', 'shard-2.json'], 'shard 2/3 is given twice: shard-2.json and shard-2.json'],
      [['shard-1.json', 'notes.json'], 'notes.json is not a chart-guard JSON report: no tool.name "chart-guard"'],
      [['shard-1.json', 'nowhere.json'], 'nowhere.json: no such file'],
      [[], 'name the shard reports to merge (REPORT.json...) (see chart-guard merge --help)'],
    ];
    for (const [files, message] of cases) {
      const result = run('merge', ...files);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`chart-guard merge: ${message}\n`);
    }
  });
});
