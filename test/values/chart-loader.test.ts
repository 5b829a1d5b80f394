import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart } from '../../src/core/repo/chart-loader.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { templateReads } from '../../src/core/repo/template-reads.js';
import { formatKeyPath } from '../../src/core/values/key-path.js';
import { corpusChart, TestRepo } from '../support/git-repo.js';

const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A repo with the given files committed; returns the snapshot of that commit. */
function committed(files: Record<string, string | Buffer>, setup?: (repo: TestRepo) => void): GitSnapshot {
  const repo = new TestRepo('cg-loader-');
  repos.push(repo);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
    writeFileSync(join(repo.dir, path), content);
  }
  setup?.(repo);
  const sha = repo.commit();
  return new GitSnapshot(repo.dir, sha, sha);
}

/** A .tgz made by the real `tar czf` from a folder tree; `tarArgs` picks a format. */
function tgz(files: Record<string, string>, tarArgs: string[] = []): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cg-tgz-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'src', path)), { recursive: true });
      writeFileSync(join(dir, 'src', path), content);
    }
    const top = [...new Set(Object.keys(files).map((p) => p.split('/')[0]))];
    execFileSync('tar', [...tarArgs, '-czf', join(dir, 'out.tgz'), '-C', join(dir, 'src'), ...top]);
    return execFileSync('cat', [join(dir, 'out.tgz')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const reads = (chart: { templateReads: (string | number)[][] }) => chart.templateReads.map(formatKeyPath);

describe('loadChart', () => {
  it('returns undefined for a folder without Chart.yaml', async () => {
    const snap = committed({ 'charts/x/values.yaml': 'a: 1\n' });
    expect(await loadChart(snap, 'charts/x')).toBeUndefined();
    snap.close();
  });

  it('reads metadata, values, schema, README in any case, CRDs and template reads', async () => {
    const snap = committed({
      'charts/app/Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 1.2.3\nappVersion: 4.5\nkubeVersion: ">=1.25.0-0"\ndeprecated: true\nannotations:\n  a: b\n',
      'charts/app/values.yaml': 'image:\n  tag: v1\nlist: [1, 2]\n',
      'charts/app/values.schema.json': '{"type": "object"}',
      'charts/app/Readme.md': '# App\n',
      'charts/app/crds/thing.yaml': 'kind: CustomResourceDefinition\n',
      'charts/app/templates/deploy.yaml': 'image: {{ .Values.image.tag }}\n{{ toYaml $.Values.list }}\n',
      'charts/app/templates/_helpers.tpl': '{{- define "x" -}}{{ .Values.helper.value }}{{- end -}}\n',
      'charts/app/templates/NOTES.txt': '{{ .Values.notes.shown }}\n',
      'charts/app/other/ignored.yaml': '{{ .Values.not.a.template }}\n',
    });
    const chart = (await loadChart(snap, 'charts/app'))!;
    expect(chart.metadata).toMatchObject({
      apiVersion: 'v2',
      name: 'app',
      version: '1.2.3',
      appVersion: '4.5',
      kubeVersion: '>=1.25.0-0',
      deprecated: true,
      annotations: { a: 'b' },
      dependencies: [],
    });
    expect(chart.chartYamlPath).toBe('charts/app/Chart.yaml');
    expect(chart.defaults).toEqual({ image: { tag: 'v1' }, list: [1, 2] });
    expect(chart.schema).toEqual({ type: 'object' });
    expect(chart.schemaPath).toBe('charts/app/values.schema.json');
    expect(chart.readme).toBe('# App\n');
    expect(chart.crds).toEqual([
      {
        file: 'charts/app/crds/thing.yaml',
        content: 'kind: CustomResourceDefinition\n',
        helmPaths: ['crds/thing.yaml'],
      },
    ]);
    expect(reads(chart)).toEqual(['helper.value', 'image.tag', 'list', 'notes.shown']);
    expect(chart.problems).toEqual([]);
    snap.close();
  });

  it('reports bad YAML in Chart.yaml and values.yaml, and bad schema JSON, with file and line', async () => {
    const snap = committed({
      'charts/bad/Chart.yaml': 'apiVersion: v2\nname: bad\nversion: [1.0\n',
      'charts/bad/values.yaml': 'a: 1\nb:\n  c: 1\n   d: 2\n',
      'charts/bad/values.schema.json': '{\n  "type": "object",\n}\n',
    });
    const chart = (await loadChart(snap, 'charts/bad'))!;
    expect(chart.problems).toHaveLength(3);
    expect(chart.problems[0]).toMatchObject({ file: 'charts/bad/Chart.yaml', line: expect.any(Number) });
    expect(chart.problems[1]).toMatchObject({ file: 'charts/bad/values.yaml', line: 4 });
    expect(chart.problems[2]).toMatchObject({ file: 'charts/bad/values.schema.json', line: 3 });
    expect(chart.defaults).toEqual({});
    expect(chart.schema).toBeUndefined();
    snap.close();
  });

  it('puts subchart defaults under the alias, lets the parent override them, and merges globals parent-first', async () => {
    const snap = committed({
      'app/Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.x.x\n    alias: cache\n',
      'app/values.yaml': 'global:\n  registry: parent.io\ncache:\n  port: 7000\n',
      'app/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.4.0\n',
      'app/charts/redis/values.yaml':
        'global:\n  registry: sub.io\n  pullPolicy: Always\nport: 6379\nauth:\n  enabled: true\n',
      'app/charts/redis/templates/svc.yaml': '{{ .Values.port }} {{ .Values.global.pullPolicy }}\n',
    });
    const chart = (await loadChart(snap, 'app'))!;
    expect(chart.defaults).toEqual({
      global: { registry: 'parent.io', pullPolicy: 'Always' },
      cache: { port: 7000, auth: { enabled: true } },
    });
    expect(chart.ownDefaults).toEqual({ global: { registry: 'parent.io' }, cache: { port: 7000 } });
    expect(reads(chart)).toEqual(['cache.port', 'global.pullPolicy']);
    snap.close();
  });

  it('reads apiVersion v1 dependencies from requirements.yaml (corpus mariadb 8.0.0)', async () => {
    const repo = new TestRepo('cg-loader-');
    repos.push(repo);
    repo.copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'new'), 'charts/mariadb');
    const sha = repo.commit();
    const snap = new GitSnapshot(repo.dir, sha, sha);
    const chart = (await loadChart(snap, 'charts/mariadb'))!;
    expect(chart.metadata.apiVersion).toBe('v1');
    expect(chart.metadata.dependencies).toEqual([
      { name: 'common', version: '0.x.x', repository: 'https://charts.bitnami.com/bitnami' },
    ]);
    expect(chart.defaults.common).toEqual({ exampleValue: 'common-chart' });
    expect(chart.defaults.primary).toBeDefined();
    snap.close();
  });

  it('loads nested subcharts three levels deep, including a disabled one (corpus kafka-exporter)', async () => {
    const repo = new TestRepo('cg-loader-');
    repos.push(repo);
    repo.copy(corpusChart('prometheus-kafka-exporter-2.18.0-to-3.0.0', 'new'), 'charts/kafka-exporter');
    const sha = repo.commit();
    const snap = new GitSnapshot(repo.dir, sha, sha);
    const chart = (await loadChart(snap, 'charts/kafka-exporter'))!;
    expect(chart.metadata.dependencies[0]).toMatchObject({ name: 'kafka', condition: 'kafka.enabled' });
    const kafka = chart.defaults.kafka as Record<string, unknown>;
    expect(kafka.enabled).toBe(false); // the parent's value wins over the subchart's
    expect(kafka.replicaCount).toBe(1);
    expect((kafka.zookeeper as Record<string, unknown>).replicaCount).toBe(1);
    expect(kafka.common).toEqual({ exampleValue: 'common-chart' });
    const all = reads(chart);
    expect(all).toContain('kafka.zookeeper.replicaCount');
    expect(all).toContain('kafka.replicaCount');
    // common's helpers read the caller's values: only their global reads are kept, unprefixed.
    expect(all).toContain('global.imageRegistry');
    expect(all.some((r) => r.startsWith('kafka.common.'))).toBe(false);
    snap.close();
  });

  it('records global.X for helpers that take the globals in a dict (corpus mariadb 20 common)', async () => {
    const repo = new TestRepo('cg-loader-');
    repos.push(repo);
    repo.copy(corpusChart('mariadb-19.1.2-to-20.0.0', 'new'), 'charts/mariadb');
    const sha = repo.commit();
    const snap = new GitSnapshot(repo.dir, sha, sha);
    const chart = (await loadChart(snap, 'charts/mariadb'))!;
    expect(reads(chart)).toContain('global.storageClass');
    expect(reads(chart)).toContain('global.compatibility.openshift.adaptSecurityContext');
    snap.close();
  });

  it('lists CRDs of the chart from crds/ (corpus sealed-secrets)', async () => {
    const repo = new TestRepo('cg-loader-');
    repos.push(repo);
    repo.copy(corpusChart('sealed-secrets-1.5.12-to-1.5.13', 'new'), 'charts/sealed-secrets');
    const sha = repo.commit();
    const snap = new GitSnapshot(repo.dir, sha, sha);
    const chart = (await loadChart(snap, 'charts/sealed-secrets'))!;
    expect(chart.crds.map((c) => c.file)).toEqual(['charts/sealed-secrets/crds/sealed-secrets.yaml']);
    expect(chart.crds[0].content).toContain('sealedsecrets.bitnami.com');
    snap.close();
  });

  it('reads a .tgz subchart made by tar, with a long path (GNU) and a pax header', async () => {
    const longName = `templates/${'very-long-template-name-'.repeat(5)}.yaml`;
    const redis = tgz(
      {
        'redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 2.0.0\n',
        'redis/values.yaml': 'port: 6379\n',
        [`redis/${longName}`]: '{{ .Values.fromLongName }}\n',
        'redis/crds/crd.yaml': 'kind: CustomResourceDefinition\n',
      },
      ['--format=gnu'],
    );
    const pax = tgz(
      {
        'pg/Chart.yaml': 'apiVersion: v2\nname: pg\nversion: 1.0.0\n',
        'pg/values.yaml': 'port: 5432\n',
        [`pg/${longName}`]: '{{ .Values.fromPax }}\n',
      },
      ['--format=pax'],
    );
    const snap = committed({
      'app/Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 2.0.0\n  - name: pg\n    version: 1.0.0\n    alias: db\n',
      'app/charts/redis-2.0.0.tgz': redis,
      'app/charts/pg-1.0.0.tgz': pax,
    });
    const chart = (await loadChart(snap, 'app'))!;
    expect(chart.problems).toEqual([]);
    expect(chart.defaults).toEqual({ redis: { port: 6379 }, db: { port: 5432 } });
    expect(reads(chart)).toEqual(['db.fromPax', 'redis.fromLongName']);
    expect(chart.crds.map((c) => c.file)).toEqual(['app/charts/redis-2.0.0.tgz#redis/crds/crd.yaml']);
    snap.close();
  });

  it('a broken archive under charts/ is a problem, not a crash', async () => {
    const snap = committed({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
      'app/charts/broken-1.0.0.tgz': 'not gzip',
    });
    const chart = (await loadChart(snap, 'app'))!;
    expect(chart.problems).toEqual([
      { file: 'app/charts/broken-1.0.0.tgz', message: expect.stringContaining('cannot read chart archive') },
    ]);
    snap.close();
  });
});

describe('templateReads', () => {
  const paths = (text: string) => templateReads(text).map(formatKeyPath);

  it('reads .Values chains from any context ($, .context, a variable)', () => {
    expect(paths('{{ .Values.a.b }} {{ $.Values.c }} {{ .context.Values.d.e }} {{ $root.Values.f }}')).toEqual([
      'a.b',
      'c',
      'd.e',
      'f',
    ]);
  });

  it('follows the nil-safe form (.Values.a).b and (.global).x from helpers', () => {
    expect(paths('{{ ((.Values.global).compatibility).openshift }} {{ (.global).storageClass }}')).toEqual([
      'global.compatibility.openshift',
      'global.storageClass',
    ]);
  });

  it('reads index .Values "a" "b-c"', () => {
    expect(paths('{{ index .Values "a" "b-c" }} {{ index .Values.x "y.z" }}')).toEqual(['a.b-c', 'x.y\\.z']);
  });

  it('ignores template comments and a bare .Values', () => {
    expect(
      paths('{{/* {{ .Values.in.comment }} */}} {{- /* .Values.too */ -}} {{ toYaml .Values }} {{ .ValuesX }}'),
    ).toEqual([]);
  });
});
