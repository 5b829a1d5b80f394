// `npm run bench` (second half): chart-guard lint on a generated repository of 300 charts.
// The charts are the demo repository's own (charts/, values/), each vendored 75 times under its own folder with
// its own override file, as a platform team's repository grows. Prints wall time and peak RSS of the lint process,
// values-only (--no-render) and with renders (helm), medians of --runs runs. Target: values-only under 5 s on 2 cores.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFleet } from './bench-repos.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: { charts: { type: 'string' }, runs: { type: 'string' }, helm: { type: 'string' }, cli: { type: 'string' } },
});
const chartCount = Number(flags.charts ?? 300);
const runs = Math.max(1, Number(flags.runs ?? 3));
const cli = flags.cli ?? join(root, 'dist', 'cli.js');
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);

const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-lint-'));
try {
  const repo = buildFleet(join(work, 'repo'), chartCount);
  const rssHook = join(work, 'rss-hook.mjs');
  writeFileSync(
    rssHook,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CG_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
  );
  console.log(
    `chart-guard lint bench: ${chartCount} charts; ${availableParallelism()} CPU(s); ${runs} run(s) each (median)`,
  );
  const rows = [];
  for (const [label, extra] of [
    ['values only (--no-render)', ['--no-render']],
    ['with renders (helm)', ['--helm', helm, '--kube-version', '1.29']],
  ]) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(timeLint(repo, rssHook, extra));
    const findings = samples[0].findings;
    rows.push([
      label,
      `${median(samples.map((s) => s.ms)).toFixed(0)} ms`,
      `${(median(samples.map((s) => s.rssKiB)) / 1024).toFixed(0)} MiB`,
      String(findings),
    ]);
  }
  printTable(['lint case', 'wall time', 'peak RSS', 'findings'], rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function timeLint(repo, rssHook, extra) {
  const rssFile = join(work, 'rss');
  const output = join(work, 'report.json');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(rssHook).href,
      cli,
      'lint',
      '--repo',
      repo,
      '--ref',
      'HEAD',
      '--format',
      'json',
      '--output',
      output,
      ...extra,
    ],
    { env: { ...process.env, CG_BENCH_RSS: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) fail(`lint failed (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const findings = report.summary.errors + report.summary.warnings + report.summary.notices;
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')), findings };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function fail(message) {
  console.error(`bench-lint: ${message}`);
  process.exit(2);
}
