// Reading one large blob through GitSnapshot (one `git cat-file --batch` process): time and peak RSS per size.
// A pull request can commit a 100 MB values file; reading it must cost time linear in its size. Joining each
// output chunk onto a growing buffer was quadratic (100 MB took 74 s).
//
//   node scripts/bench-git-blob.mjs [--sizes 10,50,100] [--src DIR]
//
// --sizes: blob sizes in MB (default 10,50,100). --src: the chart-guard checkout whose src/ is benched (default this
// one), e.g. another worktree at the commit before a change, for a before/after table. Each size runs in a fresh
// node process, so the peak RSS is that read's own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { sizes: { type: 'string' }, src: { type: 'string' } } });
const sizes = (flags.sizes ?? '10,50,100').split(',').map(Number);
const src = resolve(flags.src ?? root);
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-blob-'));

try {
  const bundle = join(work, 'git-snapshot.mjs');
  await build({
    entryPoints: [join(src, 'src/core/repo/git-snapshot.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const repo = join(work, 'repo');
  const git = (...args) =>
    execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  execFileSync('git', ['init', '-q', repo]);
  const reader = join(work, 'read.mjs');
  writeFileSync(
    reader,
    [
      `import { GitSnapshot } from ${JSON.stringify(bundle)};`,
      'const [repo, sha, path] = process.argv.slice(2);',
      'const snapshot = new GitSnapshot(repo, sha, sha);',
      'await snapshot.entries();',
      'const started = performance.now();',
      'const content = await snapshot.readBuffer(path);',
      'const ms = performance.now() - started;',
      'await snapshot.close();',
      'const { maxRSS } = process.resourceUsage();',
      'console.log(JSON.stringify({ ms, bytes: content.length, rssMiB: maxRSS / 1024 }));',
    ].join('\n'),
  );
  console.log(`src: ${src}`);
  console.log('size MB | read s | peak RSS MiB');
  for (const mb of sizes) {
    // a values-file-like text blob: one long string value
    writeFileSync(join(repo, 'values.yaml'), `big: "${'x'.repeat(mb * 1024 * 1024)}"\n`);
    git('add', 'values.yaml');
    git('-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-q', '-m', `${mb} MB`);
    const sha = git('rev-parse', 'HEAD');
    const run = spawnSync(process.execPath, [reader, repo, sha, 'values.yaml'], { encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) {
      console.log(`${mb} | failed: ${(run.stderr || 'timeout').trim().split('\n')[0]}`);
      continue;
    }
    const result = JSON.parse(run.stdout);
    console.log(`${mb} | ${(result.ms / 1000).toFixed(2)} | ${Math.round(result.rssMiB)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
