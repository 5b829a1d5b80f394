// Two or more builds of chart-guard compared on one case, run in turn (A, B, A, B...) so that a shared machine's
// neighbours weigh on each build alike: medians and bests of wall time, node's own CPU and helm's and git's. On a
// 2-CPU VM whose single runs move by ±15-30%, this is how a change is measured (issue 23).
//
//   node scripts/build.mjs --outdir /tmp/dist-old    (in a checkout of the older commit)
//   node scripts/bench-compare.mjs --case 5mb --runs 11 /tmp/dist-old dist [--node PATH]
//
// Cases: ten (ten corpus bumps, cold cache), warm (the same with the base renders cached by a lint of the base),
// 5mb (the 5 MB chart bump of scripts/bench-identity-chart.mjs, cold cache).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpusBump, buildIdentityBump, corpusPairs, root } from './bench-repos.mjs';
import { writeUsageHook } from './bench-usage.mjs';

const { values: flags, positionals: dists } = parseArgs({
  allowPositionals: true,
  options: { case: { type: 'string' }, runs: { type: 'string' }, node: { type: 'string' }, helm: { type: 'string' } },
});
const kind = flags.case ?? 'ten';
const runs = Math.max(1, Number(flags.runs ?? 9));
const node = flags.node ?? process.execPath;
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!['ten', 'warm', '5mb'].includes(kind) || dists.length < 2) {
  console.error('usage: node scripts/bench-compare.mjs --case ten|warm|5mb [--runs N] [--node PATH] DIST DIST...');
  process.exit(2);
}
for (const dist of dists) if (!existsSync(join(dist, 'cli.js'))) fail(`${dist}/cli.js is missing: build it first`);

const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-compare-'));
try {
  const hook = writeUsageHook(work);
  const bump =
    kind === '5mb' ? buildIdentityBump(join(work, 'repo')) : buildCorpusBump(join(work, 'repo'), corpusPairs());
  const results = dists.map(() => []);
  for (let i = 0; i < runs; i++) {
    dists.forEach((dist, d) => {
      const cli = join(resolve(dist), 'cli.js');
      const cache = join(work, 'cache');
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache);
      if (kind === 'warm') {
        const fill = ['lint', '--repo', bump.repo, '--ref', bump.base, '--helm', helm, '--cache', cache];
        spawnSync(node, [cli, ...fill, '--format', 'json', '--output', join(work, 'fill.json')]);
      }
      const usage = join(work, 'usage.json');
      rmSync(usage, { force: true });
      const args = ['review', '--repo', bump.repo, '--base', bump.base, '--head', bump.head, '--helm', helm];
      const started = performance.now();
      const run = spawnSync(
        node,
        [
          '--import',
          pathToFileURL(hook).href,
          cli,
          ...args,
          '--cache',
          cache,
          '--format',
          'json',
          '--output',
          join(work, 'report.json'),
        ],
        { env: { ...process.env, CG_BENCH_USAGE: usage }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const wall = performance.now() - started;
      if (run.status !== 0 && run.status !== 1) fail(`${dist}: review failed (exit ${run.status}):\n${run.stderr}`);
      results[d].push({ wall, ...JSON.parse(readFileSync(usage, 'utf8')) });
    });
  }
  console.log(
    `${kind}: ${runs} runs of each build in turn, node ${spawnSync(node, ['--version']).stdout.toString().trim()}\n`,
  );
  const width = Math.max(...dists.map((d) => d.length));
  for (const [d, dist] of dists.entries()) {
    const of = (key) => results[d].map((r) => r[key]);
    console.log(
      `${dist.padEnd(width)}  wall median ${ms(median(of('wall')))} best ${ms(Math.min(...of('wall')))}` +
        `  node CPU median ${ms(median(of('nodeMs')))} best ${ms(Math.min(...of('nodeMs')))}` +
        `  helm+git CPU median ${ms(median(of('childMs')))}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value) {
  return `${Math.round(value)} ms`;
}

function fail(message) {
  console.error(`bench-compare: ${message}`);
  process.exit(2);
}
