// `npm run bench`: how long a review takes compared with the bare `helm template` runs it needs.
//
// For each corpus pair (test/fixtures/corpus) it builds a throwaway git repository (base commit = old chart folder +
// helm-freeze.yaml, head commit = new chart folder + bumped lockfile), plus one demo-like repository with all ten
// pairs bumped in a single pull request. Per case it prints:
//   review      wall time of `chart-guard review` (default concurrency, all CPUs)
//   review 1cpu wall time with --concurrency 1, pinned to one CPU (taskset) when taskset exists
//   bare 1cpu   the same `helm template` runs the review needs (same flags), one after another, pinned likewise
//   ratio 1cpu  review 1cpu / bare 1cpu                           (target <= 1.10)
//   par/bare    review / bare renders run one after another on all CPUs (target < 1 with 2+ CPUs)
//   node CPU    user+system CPU time of the review's node process alone (not helm or git), --concurrency 1 runs:
//               the review's own overhead, and far less noisy than wall times on a shared machine
//   peak RSS    the review's node process (process.resourceUsage().maxRSS, via a --import hook)
//   proof       extra head renders of the ignored-key proof (render.proofRenders) and their wall time, from the
//               report's stats (review runs only; they are part of the review times above, not of the bare renders)
// Medians of --runs runs (default 3).
//
// Options: --cli PATH (default dist/cli.js)   --engine (bench the render engine alone, bundled from src with
// esbuild: for work before the CLI exists)   --helm PATH (default .cache/helm/v4/helm, else helm on PATH)
// --runs N   --case SUBSTRING (repeatable)   --json FILE (results as JSON)   --check (exit 1 when the all-pairs case misses a target)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildCorpusBump, corpusPairs } from './bench-repos.mjs';
import { buildDemoRepository } from './demo-repository.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACE = 'default'; // what review uses without a per-chart config (chart-analysis.ts renderJobsFor)

const { values: flags } = parseArgs({
  options: {
    cli: { type: 'string' },
    engine: { type: 'boolean' },
    helm: { type: 'string' },
    runs: { type: 'string' },
    case: { type: 'string', multiple: true },
    json: { type: 'string' },
    check: { type: 'boolean' },
  },
});
const runs = Math.max(1, Number(flags.runs ?? 3));
const helm = flags.helm ?? findHelm();
if (!helm) fail('no helm: pass --helm or run `npm run provision-helm`');
const taskset = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-'));
const rssHook = join(work, 'rss-hook.mjs');
writeFileSync(
  rssHook,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => { if (!process.env.CG_BENCH_RSS) return; const u = process.resourceUsage();\n" +
    '  writeFileSync(process.env.CG_BENCH_RSS, JSON.stringify({ rssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n',
);

try {
  const reviewer = flags.engine ? await engineReviewer() : cliReviewer(flags.cli ?? join(root, 'dist', 'cli.js'));
  const pairs = corpusPairs();
  const cases = [
    ...pairs.map((pair) => buildCase(pair, [pair])),
    buildCase('all-pairs (demo-like)', pairs),
    await buildDemoCase(),
  ].filter((c) => !flags.case || flags.case.some((wanted) => c.name.includes(wanted)));
  console.log(
    `chart-guard bench: ${reviewer.label}; helm ${helmVersion()}; ${availableParallelism()} CPU(s); ` +
      `1-CPU runs ${taskset.length ? 'pinned with taskset -c 0' : 'NOT pinned (no taskset)'}; median of ${runs}\n`,
  );
  reviewer.run(cases[0], {}); // warm the page cache and the node compile cache
  const header = [
    'case',
    'renders',
    'review',
    'review 1cpu',
    'bare 1cpu',
    'ratio 1cpu',
    'bare',
    'par/bare',
    'node CPU',
    'peak RSS',
    'proof',
  ];
  const rows = [];
  const results = [];
  for (const c of cases) {
    const parallel = median(Array.from({ length: runs }, () => reviewer.run(c, {})));
    const singleRuns = Array.from({ length: runs }, () => reviewer.run(c, { oneCpu: true }));
    const single = { ...median(singleRuns), samples: singleRuns };
    const bareSingle = median(Array.from({ length: runs }, () => bare(c, true)));
    const bareAll = median(Array.from({ length: runs }, () => bare(c, false)));
    const result = {
      case: c.name,
      renders: c.renders.length,
      reviewMs: parallel.ms,
      reviewOneCpuMs: single.ms,
      bareOneCpuMs: bareSingle.ms,
      ratioOneCpu: single.ms / bareSingle.ms,
      bareMs: bareAll.ms,
      parallelOverBare: parallel.ms / bareAll.ms,
      nodeCpuMs: median(single.samples.map((r) => ({ ms: r.cpuMs }))).ms,
      peakRssMiB: Math.max(parallel.rssKiB, single.rssKiB) / 1024,
      proofRenders: parallel.stats?.proofRenders ?? 0,
      proofRenderMs: parallel.stats?.proofRenderMs ?? 0,
    };
    results.push(result);
    rows.push([
      c.name,
      String(c.renders.length),
      ms(result.reviewMs),
      ms(result.reviewOneCpuMs),
      ms(result.bareOneCpuMs),
      result.ratioOneCpu.toFixed(2),
      ms(result.bareMs),
      result.parallelOverBare.toFixed(2),
      ms(result.nodeCpuMs),
      `${result.peakRssMiB.toFixed(0)} MiB`,
      `${result.proofRenders} / ${ms(result.proofRenderMs)}`,
    ]);
  }
  printTable(header, rows);
  if (flags.json) writeFileSync(flags.json, `${JSON.stringify({ reviewer: reviewer.label, results }, null, 2)}\n`);
  const all = results.find((r) => r.case.startsWith('all-pairs'));
  if (all) {
    const oneCpuOk = all.ratioOneCpu <= 1.1;
    const parallelOk = availableParallelism() < 2 || all.parallelOverBare < 1;
    console.log(
      `\nall-pairs: ratio with one CPU ${all.ratioOneCpu.toFixed(2)} (target <= 1.10: ${oneCpuOk ? 'met' : 'MISSED'}); ` +
        `parallel review / sequential bare renders ${all.parallelOverBare.toFixed(2)} (target < 1: ${parallelOk ? 'met' : 'MISSED'})`,
    );
    if (flags.check && !(oneCpuOk && parallelOk)) process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---------- cases ----------

/** A git repo whose head commit bumps every chart of `pairs` from old to new (bench-repos.mjs). */
function buildCase(name, pairs) {
  return { name, ...buildCorpusBump(join(work, name.replace(/\W+/g, '-')), pairs) };
}

/**
 * The project's own demo repository (what `npm run demo` reviews): charts/ + values/ + .github/chart-guard.yaml at
 * base, demo/bump at head. Its renders carry the override file and the config's Kubernetes version, like the review.
 */
async function buildDemoCase() {
  const repo = join(work, 'demo-repository');
  mkdirSync(repo, { recursive: true });
  const { base, head, bumped } = buildDemoRepository(repo);
  const kube = /^kubernetes:\s*"?([\d.]+)"?/m.exec(
    readFileSync(join(root, '.github', 'chart-guard.yaml'), 'utf8'),
  )?.[1];
  // the review passes what a cluster of that version serves (render/served-apis.ts): so do the bare runs
  const served = kube ? (await servedApiVersions())(kube) : [];
  const extra = (chart) => [
    ...(existsSync(join(root, 'values', `${chart}.yaml`)) ? ['-f', join(root, 'values', `${chart}.yaml`)] : []),
    ...(kube ? ['--kube-version', `${kube}.0`] : []),
    ...(served.length ? ['--api-versions', served.join(',')] : []),
  ];
  const renders = bumped.flatMap((chart) => [
    { release: chart, path: join(root, 'charts', chart), extra: extra(chart) },
    { release: chart, path: join(root, 'demo', 'bump', 'charts', chart), extra: extra(chart) },
  ]);
  return {
    name: 'demo repository (npm run demo)',
    repo,
    base,
    head,
    charts: bumped.map((chart) => ({ chart })),
    renders,
  };
}

/** servedApiVersions() of src/core/render/served-apis.ts, bundled on the fly (the data lives in TypeScript). */
async function servedApiVersions() {
  const bundle = await build({
    entryPoints: [join(root, 'src/core/render/served-apis.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).servedApiVersions;
}

// ---------- what is measured ----------

/** The bare `helm template` runs of a case, one after another, with the review's flags. */
function bare(c, oneCpu) {
  let total = 0;
  for (const r of c.renders) {
    const args = ['template', r.release, r.path, '--namespace', NAMESPACE, '--include-crds', ...(r.extra ?? [])];
    const command = oneCpu && taskset.length ? [...taskset, helm, ...args] : [helm, ...args];
    const started = performance.now();
    const run = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    total += performance.now() - started;
    if (run.status !== 0) fail(`helm template failed for ${r.path}: ${run.stderr}`);
  }
  return { ms: total, rssKiB: 0 };
}

function timedNode(args, oneCpu, label) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const node = [process.execPath, '--import', pathToFileURL(rssHook).href, ...args];
  const command = oneCpu && taskset.length ? [...taskset, ...node] : node;
  const started = performance.now();
  const run = spawnSync(command[0], command.slice(1), {
    env: { ...process.env, CG_BENCH_RSS: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = performance.now() - started;
  // review exits 1 when it finds errors: that is a result, not a failure of the run
  if (run.status !== 0 && run.status !== 1) fail(`${label} failed (exit ${run.status}):\n${run.stderr}`);
  const { rssKiB = 0, cpuMs = 0 } = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : {};
  return { ms: elapsed, rssKiB, cpuMs, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
}

/** The real CLI: `chart-guard review ... --format json`. */
function cliReviewer(cli) {
  if (!existsSync(cli)) fail(`${cli} is missing: run \`npm run build\` first (or use --engine)`);
  return {
    label: `review via ${cli}`,
    run(c, { oneCpu = false }) {
      const output = join(work, 'report.json');
      const args = [cli, 'review', '--repo', c.repo, '--base', c.base, '--head', c.head, '--format', 'json'];
      args.push('--output', output, '--helm', helm, ...(oneCpu ? ['--concurrency', '1'] : []));
      const result = timedNode(args, oneCpu, `review of ${c.name}`);
      const report = JSON.parse(readFileSync(output, 'utf8'));
      const rendered = report.charts.filter((chart) => chart.render?.status === 'ok').length;
      if (rendered !== c.charts.length) fail(`review of ${c.name} rendered ${rendered}/${c.charts.length} charts`);
      return { ...result, stats: report.stats };
    },
  };
}

/** The render engine alone (snapshots, materialisation, helm, manifest parsing), bundled from src on the fly. */
async function engineReviewer() {
  const { build } = await import('esbuild');
  const entry = join(work, 'engine-entry.ts');
  const src = (path) => JSON.stringify(join(root, 'src', path));
  writeFileSync(
    entry,
    `import { openSnapshot } from ${src('core/repo/open.ts')};
import { findHelm } from ${src('core/render/helm.ts')};
import { renderAll } from ${src('core/render/renderer.ts')};
// guard for an EPIPE on git's stdin when git exits before its (empty) input is written; harmless once git.ts handles it
process.on('uncaughtException', (e) => { if (e.code !== 'EPIPE') throw e; });
const spec = JSON.parse(process.argv[2]);
const [base, head, helm] = await Promise.all([openSnapshot(spec.repo, spec.base), openSnapshot(spec.repo, spec.head), findHelm(spec.helm)]);
const jobs = spec.charts.flatMap((c) => [['base', base], ['head', head]].map(([side, snapshot]) => ({
  key: side + ':' + c.dir, snapshot, chartDir: c.dir, chartName: c.chart, releaseName: c.chart, namespace: ${JSON.stringify(NAMESPACE)}, values: [],
})));
const outcomes = await renderAll(jobs, { helm, concurrency: spec.concurrency });
const failed = [...outcomes.values()].filter((o) => o.result.status !== 'ok');
for (const s of [base, head]) s.close?.();
process.stdout.write(JSON.stringify({ renders: outcomes.size, failed: failed.map((o) => o.result.reason) }));
`,
  );
  const bundle = join(work, 'engine.mjs');
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return {
    label: 'render engine alone (--engine)',
    run(c, { oneCpu = false }) {
      const spec = {
        repo: c.repo,
        base: c.base,
        head: c.head,
        helm,
        charts: c.charts,
        concurrency: oneCpu ? 1 : undefined,
      };
      const result = timedNode([bundle, JSON.stringify(spec)], oneCpu, `engine run of ${c.name}`);
      if (!result.stdout) fail(`engine run of ${c.name} printed nothing:\n${result.stderr}`);
      const summary = JSON.parse(result.stdout);
      if (summary.failed.length) fail(`renders failed in ${c.name}: ${summary.failed.join('; ')}`);
      return result;
    },
  };
}

// ---------- helpers ----------

function findHelm() {
  const cached = join(root, '.cache', 'helm', 'v4', 'helm');
  if (existsSync(cached)) return cached;
  const onPath = spawnSync('sh', ['-c', 'command -v helm'], { encoding: 'utf8' }).stdout.trim();
  return onPath || undefined;
}

function helmVersion() {
  return spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim();
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value) {
  return `${Math.round(value)} ms`;
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function fail(message) {
  console.error(`bench: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
