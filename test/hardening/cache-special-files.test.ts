// Cache entries are untrusted: another run (a pull request's, through a restored cache) may have left anything at an
// entry's name. A FIFO there blocked a plain read forever, and a file larger than the memory a run has would be read
// whole. An entry is opened without blocking and without following links, and read only when it is a regular file
// within the cache's size bound: anything else is a miss, rendered again and replaced by a regular entry.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES } from '../support/git-repo.js';
import { preexistingBump } from '../support/preexisting-bump.js';

const TOKEN = 'ghp_cacheSpecialFilesToken0123456789abcd';
const CACHE_MAX_MB = 4;
const SUBFOLDERS = ['renders', 'charts', 'helm'];

/** Every entry of the cache, as subfolder/name. */
const entriesOf = (cache: string) =>
  SUBFOLDERS.flatMap((sub) => readdirSync(join(cache, sub)).map((name) => `${sub}/${name}`)).sort();

const REPLACEMENTS: [string, (path: string) => void][] = [
  ['a FIFO', (path) => execFileSync('mkfifo', [path])],
  [
    `a file past the cache's bound (${CACHE_MAX_MB + 1} MiB, sparse)`,
    (path) => {
      writeFileSync(path, '');
      truncateSync(path, (CACHE_MAX_MB + 1) * 1024 * 1024);
    },
  ],
];

describe.each(Object.entries(HELM_BINARIES))('render cache entries replaced by special files, helm %s', (_, helm) => {
  const { repo, base } = preexistingBump('cg-cache-special-');
  const head = repo.commit('web 1.1.0');
  const outside = mkdtempSync(join(tmpdir(), 'cg-cache-special-'));
  let cli: BuiltCli;
  let first: Report;
  const review = (cache: string) =>
    spawnSync(
      process.execPath,
      [cli.path, 'review', '--base', base, '--head', head, '--helm', helm, '--format', 'json'].concat([
        '--cache',
        cache,
        '--cache-max-mb',
        String(CACHE_MAX_MB),
      ]),
      { cwd: repo.dir, env: { ...process.env, GITHUB_TOKEN: TOKEN }, encoding: 'utf8', timeout: 60_000 },
    );
  beforeAll(() => {
    cli = buildCli();
    const run = review(join(outside, 'reference'));
    expect(run.status, run.stderr).toBe(1);
    first = JSON.parse(run.stdout);
  }, 120_000);
  afterAll(() => {
    cli?.cleanup();
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it.each(REPLACEMENTS)(
    'reads %s at every entry as a miss: the same findings, exit 1, and regular entries again',
    (name, replace) => {
      const cache = join(outside, name.split(' ')[1]);
      expect(review(cache).status).toBe(1);
      const entries = entriesOf(cache);
      expect(entries.length).toBeGreaterThanOrEqual(4); // renders, chart folders, the helm version
      for (const entry of entries) {
        rmSync(join(cache, entry));
        replace(join(cache, entry));
      }
      const run = review(cache);
      expect(run.error).toBeUndefined(); // not stopped by the timeout: nothing blocked
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const report = JSON.parse(run.stdout) as Report;
      const rules = (r: Report) => r.charts.flatMap((c) => c.findings.map((f) => `${f.rule} ${f.file}:${f.line}`));
      expect(rules(report)).toEqual(rules(first));
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      for (const entry of entriesOf(cache)) {
        const info = statSync(join(cache, entry));
        expect(info.isFile(), entry).toBe(true);
        expect(info.size, entry).toBeLessThan(CACHE_MAX_MB * 1024 * 1024);
      }
    },
    120_000,
  );
});
