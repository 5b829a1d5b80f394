// `node scripts/bench-environments.mjs`: what environments cost. One pull request bumps the charts of the corpus
// (test/fixtures/corpus: mariadb, cassandra, the prometheus exporters...), each with a shared override file and one
// per environment, and the built CLI reviews it with three configs:
//   one          no environments: every file layered into one render, Kubernetes 1.31
//   two          aws (1.31) and gcp (1.30), each with its own override files: every chart rendered twice
//   two-same     two environments with the same files and target: the renders are shared, helm runs once
// Per config it prints the median wall time of --runs reviews, the helm renders and their summed helm time, the
// ignored-key proof's extra renders and their wall time (report stats), and the findings. --helm PATH, --runs N (default 3), --charts N (default: every pair).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'fixtures', 'corpus');
const { values: flags } = parseArgs({
  options: { helm: { type: 'string' }, runs: { type: 'string' }, charts: { type: 'string' } },
});
const helm = flags.helm ? resolve(flags.helm) : join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(helm)) fail(`no helm at ${helm}: run \`npm run provision-helm\` or pass --helm`);
const runs = Number(flags.runs ?? 3);
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-env-'));

const CONFIGS = {
  one: ['values: ["values/{chart}.yaml", "envs/*/{chart}.yaml"]', 'kubernetes: "1.31"'],
  two: [
    'values: ["values/{chart}.yaml"]',
    'environments:',
    '  aws: { values: ["envs/aws/{chart}.yaml"], kubernetes: "1.31" }',
    '  gcp: { values: ["envs/gcp/{chart}.yaml"], kubernetes: "1.30" }',
  ],
  'two-same': [
    'values: ["values/{chart}.yaml", "envs/*/{chart}.yaml"]',
    'kubernetes: "1.31"',
    'environments: { eu: {}, us: {} }',
  ],
};

try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', join(work, 'dist')], { cwd: root });
  const cli = join(work, 'dist', 'cli.js');
  const pairs = readdirSync(corpus)
    .filter((p) => /-to-/.test(p))
    .sort()
    .slice(0, flags.charts ? Number(flags.charts) : undefined);
  console.log(`${pairs.length} charts bumped in one pull request; helm ${helm}; median of ${runs} run(s)\n`);
  const rows = [['config', 'wall ms', 'renders', 'helm ms', 'proof renders', 'proof ms', 'findings']];
  for (const [name, lines] of Object.entries(CONFIGS)) {
    const repo = buildRepo(name, pairs, `${lines.join('\n')}\n`);
    const results = Array.from({ length: runs }, () => review(cli, repo));
    const walls = results.map((r) => r.wall).sort((a, b) => a - b);
    const { report } = results[0];
    const findings = [...report.findings, ...report.charts.flatMap((c) => c.findings)].length;
    const { renders, renderMs, proofRenders, proofRenderMs } = report.stats;
    const wall = walls[Math.floor(walls.length / 2)];
    rows.push([name, ...[wall, renders, renderMs, proofRenders, proofRenderMs, findings].map(String)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
} finally {
  rmSync(work, { recursive: true, force: true });
}

function review(cli, repo) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [cli, 'review', '--base', 'base', '--head', 'head', '--format', 'json', '--helm', helm, '--fail-on', 'never'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const wall = Math.round(performance.now() - started);
  if (run.status !== 0) fail(`review failed in ${repo}: ${run.stderr}`);
  return { wall, report: JSON.parse(run.stdout) };
}

/** A repository whose `head` branch bumps every pair, with values/<chart>.yaml and envs/{aws,gcp}/<chart>.yaml. */
function buildRepo(name, pairs, config) {
  const repo = join(work, name);
  mkdirSync(repo, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
      cwd: repo,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'base');
  const charts = pairs.map((pair) => {
    const chart = readdirSync(join(corpus, pair, 'old'))[0];
    const [, from, to] = /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair);
    // two entries of one chart name in the corpus (mariadb 7 and 19): the folder tells them apart
    return { pair, chart, entry: `${chart}-${from.split('.')[0]}`, from, to };
  });
  const lockfile = (side) =>
    [
      'charts:',
      ...charts.flatMap((c) => [
        `  - name: ${c.entry}`,
        `    version: ${side === 'old' ? c.from : c.to}`,
        '    repo_name: bench',
      ]),
      'repos:\n  - name: bench\n    url: https://charts.example.invalid',
      'destinations:\n  - name: default\n    path: ./charts',
      '',
    ].join('\n');
  const write = (path, text) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const side = (which) => {
    for (const c of charts) {
      rmSync(join(repo, 'charts', c.entry), { recursive: true, force: true });
      cpSync(join(corpus, c.pair, which, c.chart), join(repo, 'charts', c.entry), { recursive: true });
    }
    write('helm-freeze.yaml', lockfile(which));
  };
  side('old');
  for (const c of charts) {
    write(`values/${c.entry}.yaml`, 'commonLabels:\n  team: platform\n');
    write(`envs/aws/${c.entry}.yaml`, 'podAnnotations:\n  cloud: aws\n');
    write(`envs/gcp/${c.entry}.yaml`, 'podAnnotations:\n  cloud: gcp\n');
  }
  write('.github/chart-guard.yaml', config);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'head');
  side('new');
  git('add', '-A');
  git('commit', '-q', '-m', 'bump');
  return repo;
}

function fail(message) {
  console.error(`bench-environments: ${message}`);
  process.exit(1);
}
