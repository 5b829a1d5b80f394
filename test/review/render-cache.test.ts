// Reviews with a render cache (--cache): a real mariadb bump in git, real helm v3 and v4 behind a logging wrapper, so
// whether helm ran (`helm template`, `helm version`) is read from its log.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReviewOptions, review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';
import { loggedHelm } from '../support/logged-helm.js';

const OVERRIDES = `master:
  persistence:
    size: 20Gi
podAnnotations:
  team.example.com/owner: data
`;

const repo = new TestRepo('cg-review-cache-');
let baseSha: string;
let headSha: string;
/** The head with another override value. */
let valuesSha: string;
const snapshots: GitSnapshot[] = [];
const snapshot = (ref: string, sha: string) => {
  const s = new GitSnapshot(repo.dir, ref, sha);
  snapshots.push(s);
  return s;
};

beforeAll(() => {
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '7.10.4'))
    .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'old'), 'charts/mariadb')
    .write('values/mariadb.yaml', OVERRIDES)
    .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.29"\n');
  baseSha = repo.commit('base');
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '8.0.0'))
    .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'new'), 'charts/mariadb');
  headSha = repo.commit('bump mariadb');
  repo.write('values/mariadb.yaml', OVERRIDES.replace('20Gi', '30Gi'));
  valuesSha = repo.commit('bigger volume');
});

afterAll(async () => {
  await Promise.all(snapshots.map((s) => s.close()));
  repo.cleanup();
});

const newCacheDir = () => mkdtempSync(join(tmpdir(), 'cg-review-cache-dir-'));
/** What a reader of the report sees (stats aside: they say what the run cost). */
const verdictOf = (report: Report) => ({ verdict: report.verdict, charts: report.charts, findings: report.findings });

describe.each(Object.entries(HELM_BINARIES))('review with a render cache, helm %s', (_label, realPath) => {
  const helm = loggedHelm(realPath);
  const run = async (over: Partial<ReviewOptions> & { cacheDir?: string } = {}) => {
    const { cacheDir, ...rest } = over;
    const progress: string[] = [];
    const before = { template: helm.callsOf('template').length, version: helm.callsOf('version').length };
    const report = await review({
      repoDir: repo.dir,
      base: snapshot('main~1', baseSha),
      head: snapshot('main', headSha),
      helm: helm.path,
      ...(cacheDir === undefined ? {} : { cache: { dir: cacheDir } }),
      progress: (line) => progress.push(line),
      ...rest,
    });
    const template = helm.callsOf('template').length - before.template;
    const version = helm.callsOf('version').length - before.version;
    return { report, template, version, progress };
  };
  let cacheDir: string;
  let cold: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    cacheDir = newCacheDir();
    cold = await run({ cacheDir });
  });

  it('a second review with the same cache runs no helm at all and reports the same findings', async () => {
    expect(cold.template).toBeGreaterThan(2); // base, head and the ignored-key proof's renders
    expect(cold.version).toBe(1);
    expect(cold.report.stats?.cacheHits).toBe(0);
    expect(cold.report.stats?.cacheMisses).toBe(cold.template);
    expect(cold.report.charts[0].findings.map((f) => f.rule)).toContain('statefulset-replaced');

    const warm = await run({ cacheDir });
    expect([warm.template, warm.version]).toEqual([0, 0]);
    expect(verdictOf(warm.report)).toEqual(verdictOf(cold.report));
    expect(warm.report.stats).toMatchObject({ renders: 0, proofRenders: cold.report.stats?.proofRenders });
    expect(warm.report.stats?.cacheHits).toBe(cold.template);
    expect(warm.report.stats?.cacheMisses).toBe(0);
    expect(warm.progress).toContain(`cache: ${cold.template} hits, 0 misses`);
    // both sides' chart folders were read (values parsed, templates scanned) by the first run: not again
    expect(cold.progress).toContain('cache: 0 of 2 chart folders read before');
    expect(warm.progress).toContain('cache: 2 of 2 chart folders read before');
  });

  it('renders what changed: another override value at head, another Kubernetes version', async () => {
    const values = await run({ cacheDir, head: snapshot('values', valuesSha) });
    // the base is the same render; the head's values changed
    expect(values.report.stats?.cacheHits).toBeGreaterThanOrEqual(1);
    expect(values.template).toBeGreaterThanOrEqual(1);
    expect(values.template).toBe(values.report.stats?.cacheMisses);
    const uncached = await run({ head: snapshot('values', valuesSha) });
    expect(verdictOf(values.report)).toEqual(verdictOf(uncached.report));

    const kube = await run({ cacheDir, kubernetesVersion: '1.31' });
    expect(kube.report.stats?.cacheHits).toBe(0);
    expect(kube.template).toBe(kube.report.stats?.cacheMisses);
  });

  it('a corrupt cache is a miss and the review is still right', async () => {
    const dir = newCacheDir();
    await run({ cacheDir: dir });
    for (const folder of ['renders', 'charts']) {
      for (const name of readdirSync(join(dir, folder))) {
        const file = join(dir, folder, name);
        writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
      }
    }
    const again = await run({ cacheDir: dir });
    expect(again.report.stats?.cacheHits).toBe(0);
    expect(again.progress).toContain('cache: 0 of 2 chart folders read before');
    expect(again.template).toBe(cold.template);
    expect(verdictOf(again.report)).toEqual(verdictOf(cold.report));
  });

  it('an unusable cache folder still reviews, with one progress line', async () => {
    const file = join(newCacheDir(), 'file');
    writeFileSync(file, 'not a folder');
    const unusable = await run({ cacheDir: file });
    expect(verdictOf(unusable.report)).toEqual(verdictOf(cold.report));
    expect(unusable.template).toBe(cold.template);
    expect(unusable.progress.filter((line) => line.startsWith('cache:'))).toEqual([
      expect.stringMatching(/cannot be used.*rendering without a cache/),
    ]);
    expect(unusable.report.stats?.cacheHits).toBeUndefined();
  });
});

describe('two CLI runs sharing one cache folder at once', () => {
  let cli: BuiltCli;
  beforeAll(() => {
    cli = buildCli();
  });
  afterAll(() => cli?.cleanup());

  const runCli = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [cli.path, ...args], { cwd: repo.dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it('both succeed with the same report, and a third run is served from the cache', async () => {
    const helm = loggedHelm(HELM_BINARIES.v4);
    const dir = newCacheDir();
    const args = ['review', '--base', baseSha, '--head', headSha, '--helm', helm.path, '--format', 'json'];
    const cached = [...args, '--cache', dir, '--cache-max-mb', '64', '--verbose'];
    const [a, b] = await Promise.all([runCli(cached), runCli(cached)]);
    expect([a.status, b.status]).toEqual([1, 1]); // the bump has blocking findings
    const findings = (out: string) => verdictOf(JSON.parse(out) as Report);
    expect(findings(a.stdout)).toEqual(findings(b.stdout));
    const plain = await runCli(args);
    expect(findings(a.stdout)).toEqual(findings(plain.stdout));

    const before = helm.callsOf('template').length;
    const third = await runCli(cached);
    expect(helm.callsOf('template').length).toBe(before);
    expect(findings(third.stdout)).toEqual(findings(plain.stdout));
    expect(third.stderr).toMatch(/cache: \d+ hits, 0 misses/);
  });
});
