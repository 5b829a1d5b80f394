// `node scripts/bench-proof.mjs`: what the ignored-key proof (render.proofRenders, issue 7 §4) costs and finds on the
// corpus. For each pair of test/fixtures/corpus it reviews the bump with the OLD chart's whole values.yaml as the
// override file (users often start from a copy of it): the heaviest realistic override file for that chart. It runs
// the review twice, with the proof off (proofRenders: 0) and at the default cap, and prints per pair:
//   renders / ms      the review's own helm renders and their summed time (report stats)
//   proof renders/ms  the extra renders of the proof and their wall time
//   wall off / on     review wall time without and with the proof
//   keys off -> on    override-key-removed/-unknown findings (keys) without and with the proof
//   proven            of those, keys reported on the render proof ("removing it does not change ...")
//   unproven          keys the cap left unproven (override-proof-incomplete)
// A last case reviews the three charts of test/fixtures/ignored-keys with their override files (keys that are
// ignored next to keys that are read). --list prints each proven key, to check by hand that the chart really ignores
// it. --helm PATH, --case SUBSTRING.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'fixtures', 'corpus');
const { values: flags } = parseArgs({
  options: { helm: { type: 'string' }, case: { type: 'string', multiple: true }, list: { type: 'boolean' } },
});
const helm = flags.helm ?? join(root, '.cache', 'helm', 'v4', 'helm');
if (!existsSync(helm)) fail(`no helm at ${helm}: run \`npm run provision-helm\` or pass --helm`);
const work = mkdtempSync(join(tmpdir(), 'chart-guard-bench-proof-'));

try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', join(work, 'dist')], { cwd: root });
  const cli = join(work, 'dist', 'cli.js');
  const pairs = readdirSync(corpus)
    .filter((p) => existsSync(join(corpus, p, 'NOTES.md')))
    .filter((p) => !flags.case || flags.case.some((wanted) => p.includes(wanted)))
    .sort();
  const rows = [];
  const totals = { renders: 0, renderMs: 0, proofRenders: 0, proofRenderMs: 0, off: 0, on: 0, proven: 0, unproven: 0 };
  const listed = [];
  const cases = [...pairs.map((pair) => ({ name: pair, build: () => buildRepo(pair) }))];
  if (!flags.case || flags.case.some((wanted) => 'ignored-keys fixture'.includes(wanted))) {
    cases.push({ name: 'ignored-keys fixture', build: buildFixtureRepo });
  }
  for (const { name: pair, build } of cases) {
    const repo = build();
    const off = runReview(cli, repo, true);
    const on = runReview(cli, repo, false);
    const keysOf = (report) => overrideFindings(report).flatMap(keysOfFinding);
    const provenFindings = overrideFindings(on.report).filter((f) =>
      f.message.includes('does not change the rendered'),
    );
    const proven = provenFindings.flatMap(keysOfFinding);
    const unproven = findings(on.report)
      .filter((f) => f.rule === 'override-proof-incomplete')
      .reduce((n, f) => n + Number(/^(\d+) override key/.exec(f.message)?.[1] ?? 0), 0);
    const s = on.report.stats;
    rows.push([
      pair,
      `${s.renders} / ${s.renderMs}`,
      `${s.proofRenders} / ${s.proofRenderMs}`,
      `${Math.round(off.ms)} / ${Math.round(on.ms)}`,
      `${keysOf(off.report).length} -> ${keysOf(on.report).length}`,
      String(proven.length),
      String(unproven),
    ]);
    totals.renders += s.renders;
    totals.renderMs += s.renderMs;
    totals.proofRenders += s.proofRenders;
    totals.proofRenderMs += s.proofRenderMs;
    totals.off += keysOf(off.report).length;
    totals.on += keysOf(on.report).length;
    totals.proven += proven.length;
    totals.unproven += unproven;
    for (const f of provenFindings) listed.push(`${pair}: ${f.rule} ${f.path} (${keysOfFinding(f).join(', ')})`);
  }
  rows.push([
    'total',
    `${totals.renders} / ${totals.renderMs}`,
    `${totals.proofRenders} / ${totals.proofRenderMs}`,
    '',
    `${totals.off} -> ${totals.on}`,
    String(totals.proven),
    String(totals.unproven),
  ]);
  console.log(`chart-guard ignored-key proof on the corpus; helm ${helmVersion()}; override = old values.yaml\n`);
  printTable(
    ['pair', 'renders / ms', 'proof renders / ms', 'wall off / on (ms)', 'keys off -> on', 'proven', 'unproven'],
    rows,
  );
  if (flags.list) console.log(`\n${listed.join('\n')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** base: old chart + its values.yaml as override file; head: the new chart, same override file. */
function buildRepo(pair) {
  const chart = readdirSync(join(corpus, pair, 'old'))[0];
  const [, from, to] = /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair);
  return bumpRepo(pair, [
    {
      chart,
      from,
      to,
      old: join(corpus, pair, 'old', chart),
      new: join(corpus, pair, 'new', chart),
      values: join(corpus, pair, 'old', chart, 'values.yaml'),
    },
  ]);
}

function buildFixtureRepo() {
  const fixture = join(root, 'test', 'fixtures', 'ignored-keys');
  const charts = [
    ['store', '1.0.0', '1.1.0'],
    ['app', '1.0.0', '2.0.0'],
    ['web', '1.0.0', '2.0.0'],
  ];
  return bumpRepo(
    'ignored-keys',
    charts.map(([chart, from, to]) => ({
      chart,
      from,
      to,
      old: join(fixture, `${chart}-${from}`, chart),
      new: join(fixture, `${chart}-${to}`, chart),
      values: join(fixture, 'values', `${chart}.yaml`),
    })),
  );
}

/** A repository whose head commit bumps every chart from `old` to `new`, with values/<chart>.yaml overrides. */
function bumpRepo(name, charts) {
  const repo = join(work, name);
  mkdirSync(repo, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const lockfile = (side) =>
    'charts:\n' +
    charts.map((c) => `  - name: ${c.chart}\n    version: ${c[side]}\n    repo_name: upstream\n`).join('') +
    'repos:\n  - name: upstream\n    url: https://charts.example.invalid\n' +
    'destinations:\n  - name: default\n    path: ./charts\n';
  git('init', '-q', '-b', 'main');
  writeConfig(repo, undefined);
  mkdirSync(join(repo, 'values'), { recursive: true });
  for (const c of charts) cpSync(c.values, join(repo, 'values', `${c.chart}.yaml`));
  for (const [side, version] of [
    ['old', 'from'],
    ['new', 'to'],
  ]) {
    for (const c of charts) {
      rmSync(join(repo, 'charts', c.chart), { recursive: true, force: true });
      cpSync(c[side], join(repo, 'charts', c.chart), { recursive: true });
    }
    writeFileSync(join(repo, 'helm-freeze.yaml'), lockfile(version));
    git('add', '-A');
    git('commit', '-q', '-m', side);
  }
  const base = git('rev-parse', 'HEAD~1');
  const head = git('rev-parse', 'HEAD');
  // the config is read at head: one more commit turns the proof off
  writeConfig(repo, 0);
  git('commit', '-q', '-am', 'proof off');
  return { dir: repo, base, head, headOff: git('rev-parse', 'HEAD') };
}

function writeConfig(repo, proofRenders) {
  mkdirSync(join(repo, '.github'), { recursive: true });
  const render = proofRenders === undefined ? '' : `render: { proofRenders: ${proofRenders} }\n`;
  writeFileSync(join(repo, '.github', 'chart-guard.yaml'), `values: ["values/{chart}.yaml"]\n${render}`);
}

function runReview(cli, repo, proofOff) {
  const output = join(work, 'report.json');
  const head = proofOff ? repo.headOff : repo.head;
  const args = [cli, 'review', '--repo', repo.dir, '--base', repo.base, '--head', head, '--format', 'json'];
  args.push('--output', output, '--helm', helm);
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) fail(`review of ${repo.dir} failed (exit ${run.status}):\n${run.stderr}`);
  return { ms, report: JSON.parse(readFileSync(output, 'utf8')) };
}

function findings(report) {
  return [...report.findings, ...report.charts.flatMap((c) => c.findings)];
}

function overrideFindings(report) {
  return findings(report).filter((f) => f.rule === 'override-key-removed' || f.rule === 'override-key-unknown');
}

/** A grouped override-key-removed finding names each key ("set here: `a`, `b`"); others are their path. */
function keysOfFinding(finding) {
  const set = /\(set here: ([^)]*)\)/.exec(finding.message)?.[1];
  return set ? [...set.matchAll(/`([^`]+)`/g)].map((m) => m[1]) : [finding.path];
}

function helmVersion() {
  return spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim();
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
  console.error(`bench-proof: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
