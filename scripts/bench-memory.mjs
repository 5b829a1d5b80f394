// `npm run bench` (memory): the peak RSS of a review's node process on two platform-sized pull requests, printed with
// the limit beside it (issue 19 §12). A benchmark prints figures; it is not a test.
//
//   5-chart bump × 3 environments    the kube-prometheus-stack-sized chart of large-chart.mjs (crds/ and templates
//                                    rendering about 5 MB a side) and four corpus bumps, each environment with its
//                                    own Kubernetes version and override file, so no render is shared
//   22-chart window × 4 environments a release gate: the 5 MB chart and 21 corpus bumps (test/fixtures/corpus, the
//                                    pairs cycled over team destinations), four environments alike
//
// Peak RSS is the node process's own (process.resourceUsage().maxRSS through an --import hook), not helm's.
// The CLI is built from src into a temp dir (scripts/build.mjs --outdir), never dist/.
// Options: --cli PATH (a built CLI instead)   --helm PATH (default .cache/helm/v4/helm)   --runs N (default 1: the
// highest of N runs)   --keep (leave the repositories in the temp dir, for --heap-prof by hand)   --node PATH (the node
// that runs chart-guard; the Action's is Node 24: see scripts/bench-fleet.mjs for getting one)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpus, corpusPairs, gitIn, root } from './bench-repos.mjs';
import { writeLargeChart } from './large-chart.mjs';

const { values: flags } = parseArgs({
  options: {
    cli: { type: 'string' },
    helm: { type: 'string' },
    runs: { type: 'string' },
    keep: { type: 'boolean' },
    node: { type: 'string' },
  },
});
const nodeBin = flags.node ?? process.execPath;
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(helm)) fail(`${helm} is missing: run npm run provision-helm`);
const runs = Math.max(1, Number(flags.runs ?? 1));
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-memory-'));

const CASES = [
  { name: '5-chart bump (5 MB chart) × 3 environments', charts: 5, environments: 3, limitMiB: 300 },
  { name: '22-chart window (5 MB chart) × 4 environments', charts: 22, environments: 4, limitMiB: 400 },
];

try {
  const cli = flags.cli ?? buildCli();
  const hook = join(work, 'rss-hook.mjs');
  writeFileSync(
    hook,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CG_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
  );
  const node = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`chart-guard memory bench: helm ${version(helm)}; node ${node}; highest of ${runs} run(s)\n`);
  const rows = [['case', 'peak RSS', 'limit', 'renders', 'findings', 'wall']];
  for (const c of CASES) {
    const repo = buildRepository(join(work, `repo-${c.charts}x${c.environments}`), c.charts, c.environments);
    const results = Array.from({ length: runs }, () => review(cli, hook, repo));
    const peak = Math.max(...results.map((r) => r.rssKiB)) / 1024;
    const { report, ms } = results[0];
    const findings = report.findings.length + report.charts.reduce((n, chart) => n + chart.findings.length, 0);
    rows.push([
      c.name,
      `${peak.toFixed(0)} MiB`,
      `< ${c.limitMiB} MiB ${peak < c.limitMiB ? 'ok' : 'OVER'}`,
      String(report.stats?.renders ?? '?'),
      String(findings),
      `${(ms / 1000).toFixed(1)} s`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  if (flags.keep) console.log(`\nrepositories kept in ${work}`);
} finally {
  if (!flags.keep) rmSync(work, { recursive: true, force: true });
}

function buildCli() {
  const outdir = join(work, 'dist');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', outdir], { cwd: root });
  return join(outdir, 'cli.js');
}

function review(cli, hook, repo) {
  const usage = join(work, 'rss.txt');
  const started = performance.now();
  const run = spawnSync(
    nodeBin,
    ['--import', hook, cli, 'review', '--base', 'base', '--head', 'head', '--format', 'json', '--helm', helm],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, CG_BENCH_RSS: usage },
    },
  );
  const ms = performance.now() - started;
  // exit 1 is a failing verdict, not a failed run
  if (run.status !== 0 && run.status !== 1) fail(`review failed in ${repo}: ${run.stderr}`);
  return { report: JSON.parse(run.stdout), rssKiB: Number(readFileSync(usage, 'utf8')), ms };
}

/**
 * A repository whose `head` branch bumps `count` charts: the 5 MB chart first, then the corpus pairs cycled, one
 * destination per round (team-0, team-1...; a chart twice in one round gets its own folder). Each of `environments`
 * environments has its own Kubernetes version and override file per chart.
 */
function buildRepository(repo, count, environments) {
  mkdirSync(repo, { recursive: true });
  const pairs = corpusPairs();
  const charts = [];
  for (let i = 0; i < count - 1; i++) {
    const pair = pairs[i % pairs.length];
    const chart = readdirSync(join(corpus, pair, 'old'))[0];
    const [, from, to] = /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair);
    const dest = `team-${Math.floor(i / pairs.length)}`;
    const folder = charts.some((c) => c.dest === dest && c.chart === chart) ? `${chart}-${from}` : chart;
    charts.push({ pair, chart, folder, dest, from, to });
  }
  const dests = [...new Set(charts.map((c) => c.dest))];
  const envs = Array.from({ length: environments }, (_, i) => `env${i}`);
  const lockfile = (side, stackVersion) =>
    [
      'charts:',
      '  - name: monitoring-stack',
      `    version: ${stackVersion}`,
      '    repo_name: upstream',
      '    dest: stack',
      ...charts.flatMap((c) => [
        `  - name: ${c.chart}`,
        `    version: ${side === 'old' ? c.from : c.to}`,
        '    repo_name: upstream',
        `    dest: ${c.dest}`,
        ...(c.folder !== c.chart ? [`    dest_folder_override: ${c.folder}`] : []),
      ]),
      'repos:',
      '  - name: upstream',
      '    url: https://charts.example.invalid',
      'destinations:',
      '  - name: stack',
      '    path: ./charts/stack',
      ...dests.flatMap((d) => [`  - name: ${d}`, `    path: ./charts/${d}`]),
      '',
    ].join('\n');
  const config = [
    'environments:',
    ...envs.flatMap((env, i) => [
      `  ${env}:`,
      `    values: ["values/${env}/{chart}.yaml"]`,
      `    kubernetes: "1.${28 + i}"`,
    ]),
    '',
  ].join('\n');
  mkdirSync(join(repo, '.github'), { recursive: true });
  writeFileSync(join(repo, '.github', 'chart-guard.yaml'), config);
  for (const env of envs) {
    mkdirSync(join(repo, 'values', env), { recursive: true });
    for (const chart of new Set(['monitoring-stack', ...charts.map((c) => c.chart)])) {
      writeFileSync(join(repo, 'values', env, `${chart}.yaml`), `# ${env} overrides of ${chart}\n{}\n`);
    }
  }
  const git = gitIn(repo);
  git('init', '-q', '-b', 'main');
  for (const side of ['old', 'new']) {
    const stackVersion = writeLargeChart(join(repo, 'charts', 'stack', 'monitoring-stack'), side);
    for (const c of charts) {
      const dir = join(repo, 'charts', c.dest, c.folder);
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(corpus, c.pair, side, c.chart), dir, { recursive: true });
    }
    writeFileSync(join(repo, 'helm-freeze.yaml'), lockfile(side, stackVersion));
    git('add', '-A');
    git('commit', '-q', '-m', side === 'old' ? 'charts as deployed' : 'bump charts');
    git('branch', '-f', side === 'old' ? 'base' : 'head');
  }
  return repo;
}

function version(binary) {
  return spawnSync(binary, ['version', '--short'], { encoding: 'utf8' }).stdout.trim();
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
