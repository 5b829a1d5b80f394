// The render cache with real git and real helm (v3 and v4) behind a logging wrapper: whether helm ran is read from
// the wrapper's log, never inferred from timings.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedChart } from '../../src/core/model/model.js';
import { findHelm, type HelmBinary, locateHelm } from '../../src/core/render/helm.js';
import { helmVersionMemo } from '../../src/core/render/helm-version-memo.js';
import { CHART_CACHE_FORMAT, cacheEntryCheck, RenderCache } from '../../src/core/render/render-cache.js';
import { type RenderJob, type RenderOutcome, renderAll } from '../../src/core/render/renderer.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { WorktreeSnapshot } from '../../src/core/repo/worktree-snapshot.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { type LoggedHelm, loggedHelm } from '../support/logged-helm.js';

const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
  labels:
    kube: {{ .Capabilities.KubeVersion.Version | quote }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "nginx:{{ .Values.image.tag }}"
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ .Release.Name }}-web
spec: {}
{{- end }}
`;

const repo = new TestRepo('cg-render-cache-');
/** The charts; the same plus an unrelated file; the web chart's template changed. */
let base: GitSnapshot;
let unrelated: GitSnapshot;
let changedChart: GitSnapshot;
const snapshots: GitSnapshot[] = [];

beforeAll(() => {
  repo
    .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.0\n')
    .write('charts/web/values.yaml', 'replicas: 1\nimage:\n  tag: "1.0"\n')
    .write('charts/web/templates/deployment.yaml', WEB_DEPLOYMENT)
    .write('charts/broken/Chart.yaml', 'apiVersion: v2\nname: broken\nversion: 1.0.0\n')
    .write('charts/broken/templates/cm.yaml', '{{ fail "broken on purpose" }}\n')
    .write('charts/modern/Chart.yaml', 'apiVersion: v2\nname: modern\nversion: 1.0.0\nkubeVersion: ">=1.30.0-0"\n')
    .write('charts/random/Chart.yaml', 'apiVersion: v2\nname: random\nversion: 1.0.0\n')
    .write(
      'charts/random/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: random\ndata:\n  token: {{ randAlphaNum 24 | quote }}\n',
    )
    .write('charts/modern/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: modern\n');
  const first = repo.commit('charts');
  repo.write('README.md', 'charts\n');
  const second = repo.commit('readme');
  repo.write(
    'charts/web/templates/deployment.yaml',
    WEB_DEPLOYMENT.replace('replicas:', 'minReadySeconds: 5\n  replicas:'),
  );
  const third = repo.commit('web template');
  base = new GitSnapshot(repo.dir, 'base', first);
  unrelated = new GitSnapshot(repo.dir, 'readme', second);
  changedChart = new GitSnapshot(repo.dir, 'web', third);
  snapshots.push(base, unrelated, changedChart);
});

afterAll(async () => {
  await Promise.all(snapshots.map((s) => s.close()));
  repo.cleanup();
});

const job = (over: Partial<RenderJob> = {}): RenderJob => ({
  key: 'web',
  snapshot: base,
  chartDir: 'charts/web',
  chartName: 'web',
  releaseName: 'rel',
  namespace: 'demo',
  values: [{ replicas: 2 }],
  valuesSources: ['values/web.yaml'],
  kubeVersion: '1.29',
  ...over,
});

const JOBS = (): RenderJob[] => [
  job(),
  job({ key: 'broken', chartDir: 'charts/broken', chartName: 'broken' }),
  job({ key: 'modern', chartDir: 'charts/modern', chartName: 'modern' }),
];

/** What a render says, without what differs between a helm run and a cache hit (times, the cached mark). */
function said(outcome: RenderOutcome | undefined) {
  if (!outcome) return undefined;
  const { durationMs: _, cached: __, ...result } = outcome.result;
  const { materialiseMs: ___, sharedBy: ____, ...rest } = outcome;
  return { ...rest, result };
}

const newCacheDir = () => mkdtempSync(join(tmpdir(), 'cg-cache-'));
const open = async (dir: string, maxBytes?: number) =>
  (await RenderCache.open({ dir, ...(maxBytes === undefined ? {} : { maxBytes }) }, () => {}))!;
const entryFiles = (dir: string) => readdirSync(join(dir, 'renders')).filter((name) => name.endsWith('.json'));

describe.each(Object.entries(HELM_BINARIES))('render cache with helm %s', (_label, realPath) => {
  let logged: LoggedHelm;
  let helm: HelmBinary;
  beforeAll(async () => {
    logged = loggedHelm(realPath);
    helm = (await findHelm(logged.path))!;
  });
  const render = async (jobs: RenderJob[], cache: RenderCache | undefined, timeoutSeconds?: number) => {
    const before = logged.callsOf('template').length;
    const outcomes = await renderAll(jobs, { helm, cache, concurrency: 2, timeoutSeconds });
    await cache?.flush(); // as a run does before it ends (entries are written in the background)
    return { outcomes, templateRuns: logged.callsOf('template').length - before };
  };

  it('a second run with the same cache runs no helm and says exactly what helm said', async () => {
    const dir = newCacheDir();
    const cold = await render(JOBS(), await open(dir));
    // modern renders twice: helm refuses --kube-version 1.29, then renders without it
    expect(cold.templateRuns).toBe(4);
    expect(cold.outcomes.get('broken')?.result.reason).toContain('broken on purpose');
    expect(cold.outcomes.get('modern')?.kubeVersionRefused).toMatch(/chart requires kubeVersion/);

    const cache = await open(dir);
    const warm = await render(JOBS(), cache);
    expect(warm.templateRuns).toBe(0);
    expect([cache.hits, cache.misses]).toEqual([3, 0]);
    for (const key of ['web', 'broken', 'modern']) {
      expect(warm.outcomes.get(key)?.result.cached).toBe(true);
      expect(said(warm.outcomes.get(key))).toEqual(said(cold.outcomes.get(key)));
    }
    // the reproduction command is this job's, not a stored one: other values files are named
    const renamed = await render([job({ valuesSources: ['envs/prod/web.yaml'] })], await open(dir));
    expect(renamed.templateRuns).toBe(1); // the files a helm error would name are part of the key
    expect(renamed.outcomes.get('web')?.result.command).toContain('-f envs/prod/web.yaml');
  });

  it('renders again when a value, the Kubernetes version, the API versions or a chart file changes', async () => {
    const dir = newCacheDir();
    await render([job()], await open(dir));
    const again = async (changed: RenderJob) => (await render([changed], await open(dir))).templateRuns;

    expect(await again(job({ values: [{ replicas: 2 }, { image: { tag: '2.0' } }], valuesSources: undefined }))).toBe(
      1,
    );
    expect(await again(job({ values: [{ replicas: 3 }] }))).toBe(1);
    expect(await again(job({ kubeVersion: '1.31' }))).toBe(1);
    expect(await again(job({ apiVersions: ['monitoring.coreos.com/v1'] }))).toBe(1);
    expect(await again(job({ snapshot: changedChart }))).toBe(1);
    // the same inputs in other words: no render
    expect(await again(job({ apiVersions: ['monitoring.coreos.com/v1', 'monitoring.coreos.com/v1'] }))).toBe(0);
    expect(await again(job({ values: [{ replicas: 3 }] }))).toBe(0);
    // another commit whose chart folder is the same: the key is the folder's content, not the commit
    expect(await again(job({ snapshot: unrelated }))).toBe(0);

    const kube = (await render([job({ kubeVersion: '1.31' })], await open(dir))).outcomes.get('web');
    expect(kube?.result.manifests[0].object).toMatchObject({ metadata: { labels: { kube: 'v1.31.0' } } });
    const changed = (await render([job({ snapshot: changedChart })], await open(dir))).outcomes.get('web');
    expect(changed?.result.manifests[0].object).toMatchObject({ spec: { minReadySeconds: 5 } });
  });

  it('a repeat render of the same inputs is its own helm run and its own entry', async () => {
    const dir = newCacheDir();
    const random = (repeat?: number) =>
      job({ chartDir: 'charts/random', chartName: 'random', values: [], ...(repeat ? { repeat } : {}) });
    const token = (outcome: RenderOutcome | undefined) => outcome?.result.manifests[0].object.data;
    const first = await render([random()], await open(dir));
    const repeat = await render([random(1)], await open(dir));
    expect(repeat.templateRuns).toBe(1);
    expect(token(repeat.outcomes.get('web'))).not.toEqual(token(first.outcomes.get('web')));
    // both are served from the cache afterwards, each as it was rendered
    const both = await render(
      [
        { ...random(), key: 'a' },
        { ...random(1), key: 'b' },
      ],
      await open(dir),
    );
    expect(both.templateRuns).toBe(0);
    expect(token(both.outcomes.get('a'))).toEqual(token(first.outcomes.get('web')));
    expect(token(both.outcomes.get('b'))).toEqual(token(repeat.outcomes.get('web')));
  });

  it('a working tree holding a commit’s chart files reuses that commit’s renders', async () => {
    const dir = newCacheDir();
    await render([job({ snapshot: changedChart })], await open(dir));
    const worktree = new WorktreeSnapshot(repo.dir);
    expect(await worktree.folderDigest('charts/web')).toBe(await changedChart.folderDigest('charts/web'));
    expect(await worktree.folderDigest('charts/web')).not.toBe(await base.folderDigest('charts/web'));
    expect((await render([job({ snapshot: worktree })], await open(dir))).templateRuns).toBe(0);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['garbage', () => '\u0000\u0001not json at all'],
    ['empty', () => ''],
    ['of another format', (text: string) => text.replace(/^\{"format":\d+/, '{"format":999')],
    ['of another key', (text: string) => text.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`)],
    ['of another shape', () => `${JSON.stringify({ format: 1, key: 'x', outcome: { status: 'ok' } })}\n`],
    ['longer than its first line says', (text: string) => `${text}kind: Secret\n`],
    [
      'holding an output in its first line too',
      (text: string) => text.replace('"payload":{', '"payload":{"output":"kind: Secret\\n",'),
    ],
  ])('an entry that is %s is a miss: rendered again, right, and overwritten', async (_what, corrupt) => {
    const dir = newCacheDir();
    const cold = await render([job()], await open(dir));
    const [name] = entryFiles(dir);
    const file = join(dir, 'renders', name);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, corrupt(good));

    const cache = await open(dir);
    const warm = await render([job()], cache);
    expect(warm.templateRuns).toBe(1);
    expect([cache.hits, cache.misses]).toEqual([0, 1]);
    expect(said(warm.outcomes.get('web'))).toEqual(said(cold.outcomes.get('web')));
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('keeps within its size bound by evicting the least recently used entries', async () => {
    const dir = newCacheDir();
    const jobs = [1, 2, 3, 4].map((replicas) => job({ key: `r${replicas}`, values: [{ replicas }] }));
    for (const one of jobs) await render([one], await open(dir));
    const names = entryFiles(dir);
    expect(names).toHaveLength(4);
    // the entries' ages, oldest first: r1, r2, r3, r4 (set, so that the test does not depend on clock resolution)
    const byJob = new Map<string, string>();
    for (const one of jobs) {
      const cache = await open(dir);
      const key = cache.keyOf(one, helm.version, await base.folderDigest('charts/web'))!;
      byJob.set(one.key, `${key}.json`);
    }
    jobs.forEach((one, i) => {
      const at = new Date(Date.UTC(2026, 0, 1 + i));
      utimesSync(join(dir, 'renders', byJob.get(one.key)!), at, at);
    });
    // a hit on the oldest makes it the most recently used
    expect((await render([jobs[0]], await open(dir))).templateRuns).toBe(0);
    expect(statSync(join(dir, 'renders', byJob.get('r1')!)).mtimeMs).toBeGreaterThan(Date.UTC(2026, 0, 5));

    const sizes = names.map((name) => statSync(join(dir, 'renders', name)).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    // room for all but the two smallest-ish: at least two entries must go, and they must be r2 and r3
    const bound = total - Math.max(...sizes) - 1;
    const cache = await open(dir, bound);
    const pruned = await cache.prune();
    expect(pruned.bytes).toBeLessThanOrEqual(bound);
    expect(new Set(entryFiles(dir))).toEqual(new Set([byJob.get('r1'), byJob.get('r4')]));
    expect(pruned.removed).toBe(2);
    // under the bound: nothing goes
    expect((await (await open(dir, total)).prune()).removed).toBe(0);
  });

  it('never stores a render that timed out', async () => {
    const dir = newCacheDir();
    const slow = await render([job()], await open(dir), 0.001);
    expect(slow.outcomes.get('web')?.failureKind).toBe('timeout');
    expect(entryFiles(dir)).toEqual([]);
    const cache = await open(dir);
    const normal = await render([job()], cache);
    expect(normal.templateRuns).toBe(1);
    expect(normal.outcomes.get('web')?.result.status).toBe('ok');
    expect(entryFiles(dir)).toHaveLength(1);
  });

  it('remembers helm version per binary: a changed binary or a corrupt memo asks helm again', async () => {
    const dir = newCacheDir();
    const memo = helmVersionMemo(dir, cacheEntryCheck());
    const versions = () => logged.callsOf('version').length;
    const before = versions();
    const first = await locateHelm(logged.path, memo);
    expect(first.helm?.version).toBe(helm.version);
    expect(versions()).toBe(before + 1);
    expect((await locateHelm(logged.path, memo)).helm).toEqual(first.helm);
    expect(versions()).toBe(before + 1);

    // the binary changed (a new mtime): the memo is stale
    const later = new Date(Date.now() + 60_000);
    utimesSync(logged.path, later, later);
    expect((await locateHelm(logged.path, memo)).helm?.version).toBe(helm.version);
    expect(versions()).toBe(before + 2);

    for (const memoFile of readdirSync(join(dir, 'helm')))
      writeFileSync(join(dir, 'helm', memoFile), '{"format":1,"ident');
    expect((await locateHelm(logged.path, memo)).helm?.version).toBe(helm.version);
    expect(versions()).toBe(before + 3);
    expect((await locateHelm(logged.path, memo)).helm?.version).toBe(helm.version);
    expect(versions()).toBe(before + 3);
  });
});

describe('chart folders in the cache', () => {
  const chart = (dir: string): LoadedChart => ({
    dir,
    metadata: { name: 'web', version: '1.0.0', dependencies: [], annotations: {} } as LoadedChart['metadata'],
    chartYamlPath: `${dir}/Chart.yaml`,
    ownDefaults: { replicas: 1, '': 'empty key', __proto__key: { a: [1, 'x'] } },
    defaults: { replicas: 1 },
    templateReads: [['replicas']],
    crds: [],
    problems: [{ file: `${dir}/values.yaml`, line: 3, message: 'a problem' }],
  });

  it('stores the texts of crds/ and template files after the first line, and reads them back whole or not at all', async () => {
    const dir = newCacheDir();
    const cache = await open(dir);
    const key = cache.chartKeyOf('charts/web', 'digest-texts', 4)!;
    const source = (file: string, content: string) => ({
      file,
      content,
      helmPaths: [file.slice('charts/web/'.length)],
    });
    const withTexts: LoadedChart = {
      ...chart('charts/web'),
      crds: [
        source('charts/web/crds/a.yaml', 'kind: CustomResourceDefinition\ndescription: "naïve — ✓"\n'),
        source('charts/web/crds/empty.yaml', ''),
      ],
      templates: [source('charts/web/templates/cm.yaml', 'kind: ConfigMap\n{{ .Values.x }}\n')],
    };
    cache.putChart(key, withTexts);
    await cache.flush();
    const [name] = readdirSync(join(dir, 'charts'));
    const file = join(dir, 'charts', name);
    const whole = readFileSync(file);
    const firstLine = whole.toString('utf8').split('\n')[0];
    expect(firstLine).not.toContain('CustomResourceDefinition');
    expect(whole.toString('utf8')).toContain('description: "naïve — ✓"');
    expect(await (await open(dir)).getChart(key)).toEqual(withTexts);
    // a text length that does not add up, or a text in the first line as well: a miss
    const tampered = (edit: (line: string) => string) => {
      writeFileSync(file, Buffer.concat([Buffer.from(edit(firstLine)), whole.subarray(firstLine.length)]));
    };
    tampered((line) => line.replace('"contentBytes":0', '"contentBytes":1'));
    expect(await (await open(dir)).getChart(key)).toBeUndefined();
    tampered((line) => line.replace('"contentBytes":0', '"contentBytes":0,"content":""'));
    expect(await (await open(dir)).getChart(key)).toBeUndefined();
    writeFileSync(file, whole);
    expect(await (await open(dir)).getChart(key)).toEqual(withTexts);
  });

  it('gives back a stored chart as it was stored, keyed by content, folder and helm major version', async () => {
    const dir = newCacheDir();
    const cache = await open(dir);
    const key = cache.chartKeyOf('charts/web', 'digest-1', 4)!;
    expect(cache.chartKeyOf('charts/web', 'digest-2', 4)).not.toBe(key);
    expect(cache.chartKeyOf('charts/other', 'digest-1', 4)).not.toBe(key);
    expect(cache.chartKeyOf('charts/web', 'digest-1', 3)).not.toBe(key);
    expect(cache.chartKeyOf('charts/web', undefined, 4)).toBeUndefined();
    expect(await cache.getChart(key)).toBeUndefined();
    cache.putChart(key, chart('charts/web'));
    await cache.flush(); // as a run does before it ends
    expect(await (await open(dir)).getChart(key)).toEqual(chart('charts/web'));
    expect([cache.chartHits, cache.chartMisses]).toEqual([0, 1]);
  });

  it('treats a truncated, foreign or non-JSON-safe chart entry as a miss', async () => {
    const dir = newCacheDir();
    const cache = await open(dir);
    const key = cache.chartKeyOf('charts/web', 'digest-1', 4)!;
    cache.putChart(key, chart('charts/web'));
    await cache.flush();
    const [name] = readdirSync(join(dir, 'charts'));
    const file = join(dir, 'charts', name);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, whole.length / 2));
    expect(await cache.getChart(key)).toBeUndefined();
    expect(whole).toContain(`"format":${CHART_CACHE_FORMAT}`);
    writeFileSync(file, whole.replace(`"format":${CHART_CACHE_FORMAT}`, `"format":${CHART_CACHE_FORMAT - 1}`));
    expect(await cache.getChart(key)).toBeUndefined();
    writeFileSync(file, `${JSON.stringify({ format: CHART_CACHE_FORMAT, key, payload: { dir: 'charts/web' } })}\n`);
    expect(await cache.getChart(key)).toBeUndefined();
    // values.yaml's .inf has no JSON form: never stored, so never read back as null
    const other = cache.chartKeyOf('charts/web', 'digest-inf', 4)!;
    cache.putChart(other, { ...chart('charts/web'), ownDefaults: { limit: Number.POSITIVE_INFINITY } });
    expect(await cache.getChart(other)).toBeUndefined();
  });

  it('counts chart entries in the size bound with the renders', async () => {
    const dir = newCacheDir();
    const cache = await open(dir, 1);
    for (const digest of ['a', 'b', 'c'])
      cache.putChart(cache.chartKeyOf('charts/web', digest, 4)!, chart('charts/web'));
    await cache.flush();
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(3);
    const pruned = await cache.prune();
    expect(pruned.removed).toBe(3);
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(0);
  });
});

describe('a cache folder that cannot be used', () => {
  it('is no cache, said once on the progress lines', async () => {
    const file = join(newCacheDir(), 'not-a-folder');
    writeFileSync(file, 'a file where the cache folder should be');
    const lines: string[] = [];
    expect(await RenderCache.open({ dir: file }, (line) => lines.push(line))).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cache: .*not-a-folder cannot be used .*rendering without a cache$/);
    expect(existsSync(join(file, 'renders'))).toBe(false);
  });
});
