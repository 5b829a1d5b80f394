// The render cache folder is untrusted: a pull request can commit one into the checkout, and a restored actions/cache
// holds whatever was saved. Real mariadb bumps rendered by real helm (v3 and v4, behind a logging wrapper) into a
// cache, which is then tampered with: every attack must end in a review whose findings are those of a cold run, helm
// rendering again what the cache could not answer, and nothing outside the cache folder read through a link or
// removed.
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReviewOptions, review } from '../../src/core/pipeline/review.js';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { corpusChart, HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';
import { loggedHelm } from '../support/logged-helm.js';
import { openedSnapshots } from '../support/snapshots.js';

const STACK_FRAME = /^\s+at /m;
const repo = new TestRepo('cg-cache-poison-');
const snapshots = openedSnapshots(repo);
let baseSha: string;
let headSha: string;

beforeAll(() => {
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '7.10.4'))
    .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'old'), 'charts/mariadb')
    .write('values/mariadb.yaml', 'master:\n  persistence:\n    size: 20Gi\n')
    .write('.github/chart-guard.yaml', 'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.29"\n');
  baseSha = repo.commit('base');
  repo
    .write('helm-freeze.yaml', oneChartLockfile('mariadb', '8.0.0'))
    .copy(corpusChart('mariadb-7.10.4-to-8.0.0', 'new'), 'charts/mariadb');
  headSha = repo.commit('bump mariadb');
});

afterAll(async () => {
  await snapshots.closeAll();
  repo.cleanup();
});

const newDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
/** What a reader of the report sees (stats aside: they say what the run cost). */
const said = (report: Report) => ({ verdict: report.verdict, charts: report.charts, findings: report.findings });
const entryFiles = (dir: string, folder: 'renders' | 'charts' | 'helm') =>
  readdirSync(join(dir, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, folder, name));
/** Every file below `dir` with a digest of its content: what must survive an attack unchanged. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (lstatSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
/** A folder outside every cache, holding files an attacker would like pruned. */
function precious(): { dir: string; before: Record<string, string> } {
  const dir = newDir('cg-precious-');
  for (let i = 0; i < 5; i++) writeFileSync(join(dir, `keep-${i}.json`), `${'x'.repeat(4096)}${i}`);
  return { dir, before: contents(dir) };
}
/** Rewrites every entry file of a folder with `tamper` applied to its parsed JSON (format and key kept). */
/** An entry file's first line (JSON) and what follows it (a render's output), or a memo's whole JSON. */
function entryParts(file: string): { head: Record<string, unknown>; tail?: string } {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n');
  return end === -1 ? { head: JSON.parse(text) } : { head: JSON.parse(text.slice(0, end)), tail: text.slice(end + 1) };
}

function tamperEntries(files: string[], tamper: (entry: Record<string, unknown>) => unknown): void {
  for (const file of files) {
    const { head, tail } = entryParts(file);
    const tampered = JSON.stringify(tamper(head));
    writeFileSync(file, tail === undefined ? tampered : `${tampered}\n${tail}`);
  }
}

describe.each(Object.entries(HELM_BINARIES))('a poisoned render cache, helm %s', (_label, realPath) => {
  const helm = loggedHelm(realPath);
  const run = async (cache?: { dir: string; maxBytes?: number }, over: Partial<ReviewOptions> = {}) => {
    const progress: string[] = [];
    const before = { template: helm.callsOf('template').length, version: helm.callsOf('version').length };
    const report = await review({
      repoDir: repo.dir,
      base: snapshots.at('main~1', baseSha),
      head: snapshots.at('main', headSha),
      helm: helm.path,
      ...(cache ? { cache } : {}),
      progress: (line) => progress.push(line),
      ...over,
    });
    return {
      report,
      progress: progress.filter((line) => line.startsWith('cache:')),
      template: helm.callsOf('template').length - before.template,
      version: helm.callsOf('version').length - before.version,
    };
  };
  let cold: Awaited<ReturnType<typeof run>>;
  /** A cache folder the cold run filled. */
  const warmCache = async () => {
    const dir = newDir('cg-poison-cache-');
    const filled = await run({ dir });
    expect(filled.report.stats?.cacheMisses).toBe(cold.template);
    return dir;
  };
  beforeAll(async () => {
    cold = await run();
    expect(cold.report.charts[0].findings.map((f) => f.rule)).toContain('statefulset-replaced');
    expect(cold.template).toBeGreaterThan(1);
  });

  it('refuses a cache folder inside the checkout, even through a link, and reviews without it', async () => {
    const inside = join(repo.dir, '.chart-guard-cache');
    const refused = await run({ dir: inside });
    expect(refused.progress).toEqual([
      expect.stringMatching(
        /^cache: .*\.chart-guard-cache is not used: it is inside the repository checkout .*; rendering without a cache$/,
      ),
    ]);
    expect(existsSync(inside)).toBe(false); // nothing written into the checkout
    expect(refused.report.stats?.cacheHits).toBeUndefined();
    expect(refused.template).toBe(cold.template);
    expect(said(refused.report)).toEqual(said(cold.report));

    // a path outside whose real path is the checkout's own folder
    const link = join(newDir('cg-poison-link-'), 'cache');
    symlinkSync(join(repo.dir, 'values'), link);
    const linked = await run({ dir: join(link, 'sub') });
    expect(linked.progress[0]).toMatch(/is not used: it is inside the repository checkout/);
    expect(existsSync(join(repo.dir, 'values', 'sub'))).toBe(false);
    expect(said(linked.report)).toEqual(said(cold.report));
  });

  it('refuses a cache folder that is a symlink: what it leads to is neither read nor pruned', async () => {
    const target = precious();
    const link = join(newDir('cg-poison-link-'), 'cache');
    symlinkSync(target.dir, link);
    const refused = await run({ dir: link, maxBytes: 1 });
    expect(refused.progress).toEqual([
      expect.stringMatching(/^cache: .* is not used: it is a symbolic link; rendering without a cache$/),
    ]);
    expect(refused.template).toBe(cold.template);
    expect(said(refused.report)).toEqual(said(cold.report));
    expect(contents(target.dir)).toEqual(target.before);
  });

  it('never follows a symlink inside the cache: pruning removes links, never what they lead to', async () => {
    const dir = await warmCache();
    const outside = precious();
    // the renders folder itself made a link, and links among the chart entries
    rmSync(join(dir, 'renders'), { recursive: true });
    symlinkSync(outside.dir, join(dir, 'renders'));
    for (const name of readdirSync(outside.dir)) symlinkSync(join(outside.dir, name), join(dir, 'charts', name));
    const tampered = await run({ dir, maxBytes: 1 }); // a bound of 1 byte: prune removes all it may
    expect(said(tampered.report)).toEqual(said(cold.report));
    expect(tampered.template).toBe(cold.template); // the link was no render entry: every render made again
    expect(contents(outside.dir)).toEqual(outside.before);
    // the links are gone, real folders and entries took their place
    expect(lstatSync(join(dir, 'renders')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'charts')).filter((name) => name.startsWith('keep-'))).toEqual([]);
  });

  it('a render entry through a link is a miss: the link is not read', async () => {
    const dir = await warmCache();
    const [entry] = entryFiles(dir, 'renders');
    const forged = join(newDir('cg-poison-forged-'), 'entry.json');
    writeFileSync(forged, readFileSync(entry));
    rmSync(entry);
    symlinkSync(forged, entry);
    const tampered = await run({ dir });
    expect(tampered.report.stats?.cacheMisses).toBe(1);
    expect(said(tampered.report)).toEqual(said(cold.report));
    expect(lstatSync(entry).isFile()).toBe(true); // the fresh render replaced the link
  });

  it('a malformed entry (output: [null]) is a miss, rendered again and rewritten', async () => {
    const dir = await warmCache();
    const renders = entryFiles(dir, 'renders');
    tamperEntries(renders, (entry) => ({ ...entry, payload: { ...(entry.payload as object), output: [null] } }));
    const tampered = await run({ dir });
    expect(tampered.report.stats).toMatchObject({ cacheHits: 0, cacheMisses: cold.template });
    expect(tampered.template).toBe(cold.template);
    expect(said(tampered.report)).toEqual(said(cold.report));
    for (const file of renders) {
      const { head, tail } = entryParts(file);
      expect(head.payload).not.toHaveProperty('output');
      expect(tail).toEqual(expect.stringContaining('apiVersion'));
    }
    // and the rewritten cache answers the next run whole
    const warm = await run({ dir });
    expect([warm.template, warm.version]).toEqual([0, 0]);
    expect(said(warm.report)).toEqual(said(cold.report));
  });

  it('forged entries of the wrong shape are misses: renders, chart folders and the helm version', async () => {
    const dir = await warmCache();
    const forgedManifest = { object: 'kind: Secret', ref: { kind: 7 }, group: '', isHook: 'no', fromCrdsDir: false };
    tamperEntries(entryFiles(dir, 'renders'), (entry) => ({
      ...entry,
      payload: { status: 'ok', manifests: [forgedManifest], parseProblems: [], refusedSymlinks: [], extra: 1 },
    }));
    tamperEntries(entryFiles(dir, 'charts'), (entry) => ({
      ...entry,
      payload: { ...(entry.payload as object), metadata: null, problems: [{ line: 'x' }] },
    }));
    tamperEntries(entryFiles(dir, 'helm'), (memo) => ({ ...memo, version: 'v3.0.0 --post-renderer=/bin/sh' }));
    const tampered = await run({ dir });
    expect(tampered.report.stats).toMatchObject({ cacheHits: 0, cacheMisses: cold.template });
    expect(tampered.progress).toContain('cache: 0 of 2 chart folders read before');
    expect(tampered.version).toBe(1); // the forged version was not believed: helm was asked
    expect(said(tampered.report)).toEqual(said(cold.report));
    for (const file of entryFiles(dir, 'helm')) {
      expect(JSON.parse(readFileSync(file, 'utf8')).version).toMatch(/^v\d+\.\d+\.\d+/);
    }
  });
});

describe('the CLI with a cache folder in the checkout', () => {
  let cli: BuiltCli;
  beforeAll(() => {
    cli = buildCli();
  }, 120_000);
  afterAll(() => cli?.cleanup());

  it('warns on stderr, reviews without the cache (exit 1: the bump has errors), and writes nothing there', () => {
    const secret = 'ghp_cachepoisoningtestsecret000000000000';
    // entries a pull request committed: never read (the folder is refused before anything in it is opened)
    mkdirSync(join(repo.dir, '.chart-guard-cache', 'renders'), { recursive: true });
    writeFileSync(join(repo.dir, '.chart-guard-cache', 'renders', 'planted.json'), '{"format":2}');
    const before = contents(join(repo.dir, '.chart-guard-cache'));
    process.env.GITHUB_TOKEN = secret;
    let run: ReturnType<typeof runCli>;
    try {
      run = runCli(
        cli,
        [
          'review',
          '--base',
          baseSha,
          '--head',
          headSha,
          '--helm',
          HELM_BINARIES.v4,
          '--cache',
          '.chart-guard-cache',
          '--verbose',
        ],
        repo.dir,
      );
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
    expect(run.stderr).toMatch(
      /cache: \S*\/\.chart-guard-cache is not used: it is inside the repository checkout .*; rendering without a cache/,
    );
    expect(run.stdout).toMatch(/statefulset-replaced/);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(contents(join(repo.dir, '.chart-guard-cache'))).toEqual(before);
    rmSync(join(repo.dir, '.chart-guard-cache'), { recursive: true });
  });
});
