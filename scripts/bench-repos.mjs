// Throwaway git repositories the benchmarks review and lint, built from the project's own files: the vendored
// corpus bumps (test/fixtures/corpus), the demo charts (charts/, values/) and the 5 MB charts (large-chart.mjs, and
// bench-identity-chart.mjs: issue 23's, almost every document the same on both sides).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIdentityChart } from './bench-identity-chart.mjs';
import { writeLargeChart } from './large-chart.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = join(root, 'test', 'fixtures', 'corpus');

/** git in `repo`, with a fixed identity and no signing. */
export function gitIn(repo) {
  return (...args) =>
    execFileSync(
      'git',
      ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
}

/** The corpus pairs (folder names), sorted. */
export function corpusPairs() {
  return readdirSync(corpus)
    .filter((p) => existsSync(join(corpus, p, 'NOTES.md')))
    .sort();
}

/**
 * A git repo at `repo` whose head commit bumps every chart of `pairs` from old to new (base = HEAD~1). Returns the
 * commits, the charts and the bare `helm template` runs the review needs (both sides, release = entry name).
 */
export function buildCorpusBump(repo, pairs) {
  mkdirSync(repo, { recursive: true });
  const git = gitIn(repo);
  const seen = new Set();
  const charts = pairs.map((pair) => {
    const chart = readdirSync(join(corpus, pair, 'old'))[0];
    const [, from, to] = /-(\d+\.\d+\.\d+)-to-(\d+\.\d+\.\d+)$/.exec(pair);
    // two mariadb pairs: the second one lives in its own folder (dest_folder_override), like a second release
    const folder = seen.has(chart) ? `${chart}-${from}` : chart;
    seen.add(chart);
    return { pair, chart, folder, from, to, dir: `charts/${folder}` };
  });
  const lockfile = (side) =>
    'charts:\n' +
    charts
      .map(
        (c) =>
          `  - name: ${c.chart}\n    version: ${side === 'old' ? c.from : c.to}\n    repo_name: upstream\n` +
          (c.folder !== c.chart ? `    dest_folder_override: ${c.folder}\n` : ''),
      )
      .join('') +
    'repos:\n  - name: upstream\n    url: https://charts.example.invalid\ndestinations:\n  - name: default\n    path: ./charts\n';
  git('init', '-q', '-b', 'main');
  for (const side of ['old', 'new']) {
    for (const c of charts) {
      rmSync(join(repo, c.dir), { recursive: true, force: true });
      cpSync(join(corpus, c.pair, side, c.chart), join(repo, c.dir), { recursive: true });
    }
    writeFileSync(join(repo, 'helm-freeze.yaml'), lockfile(side));
    git('add', '-A');
    git('commit', '-q', '-m', side === 'old' ? 'charts as deployed' : 'bump charts');
  }
  const renders = charts.flatMap((c) =>
    ['old', 'new'].map((side) => ({ release: c.chart, path: join(corpus, c.pair, side, c.chart) })),
  );
  return { repo, base: git('rev-parse', 'HEAD~1'), head: git('rev-parse', 'HEAD'), charts, renders };
}

/** A git repo bumping the 5 MB chart of large-chart.mjs (crds/ and templates rendering about 5 MB a side). */
export function buildLargeBump(repo) {
  return buildChartBump(repo, 'monitoring-stack', writeLargeChart);
}

/**
 * A git repo bumping the 5 MB chart of issue 23 (bench-identity-chart.mjs): 210 CRDs and 40 workloads, all but two
 * documents byte-identical on both sides.
 */
export function buildIdentityBump(repo) {
  return buildChartBump(repo, 'operator-stack', writeIdentityChart);
}

/** A git repo whose head commit bumps one chart `write(dir, side)` writes, with copies outside it for bare helm. */
function buildChartBump(repo, chart, write) {
  mkdirSync(repo, { recursive: true });
  const git = gitIn(repo);
  git('init', '-q', '-b', 'main');
  const dir = join(repo, 'charts', chart);
  const snapshots = join(repo, '..', `${repo.split('/').pop()}-sides`);
  const renders = [];
  for (const side of ['old', 'new']) {
    const version = write(dir, side);
    // a copy outside the repository for the bare helm runs
    const copy = join(snapshots, side, chart);
    write(copy, side);
    renders.push({ release: chart, path: copy });
    writeFileSync(
      join(repo, 'helm-freeze.yaml'),
      `charts:\n  - name: ${chart}\n    version: ${version}\n    repo_name: upstream\nrepos:\n  - name: upstream\n    url: https://charts.example.invalid\ndestinations:\n  - name: default\n    path: ./charts\n`,
    );
    git('add', '-A');
    git('commit', '-q', '-m', side === 'old' ? `${chart} as deployed` : `bump ${chart}`);
  }
  return {
    repo,
    base: git('rev-parse', 'HEAD~1'),
    head: git('rev-parse', 'HEAD'),
    charts: [{ chart }],
    renders,
  };
}

/**
 * A platform repository of `count` charts: the demo charts (charts/, values/), each vendored once per team under
 * charts/team-NNN/<chart> with its override file values/charts/team-NNN/<chart>.yaml (the {dest} placeholder).
 * `environments`: a config with that many environments, each with its own Kubernetes version and its own
 * override file per chart (values/<env>/<chart>.yaml), so every chart renders once per environment.
 */
export function buildFleet(dir, count, { environments = 0 } = {}) {
  const sources = readdirSync(join(root, 'charts'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'charts', d.name, 'Chart.yaml')))
    .map((d) => d.name)
    .sort();
  const charts = ['charts:'];
  const destinations = ['destinations:'];
  const envNames = Array.from({ length: environments }, (_, i) => ['aws', 'gcp', 'scaleway', 'azure'][i] ?? `env${i}`);
  for (let i = 0; i < count; i++) {
    const chart = sources[i % sources.length];
    const team = `team-${String(Math.floor(i / sources.length)).padStart(3, '0')}`;
    const version = /^version:\s*(\S+)/m.exec(readFileSync(join(root, 'charts', chart, 'Chart.yaml'), 'utf8'))[1];
    cpSync(join(root, 'charts', chart), join(dir, 'charts', team, chart), { recursive: true });
    const overrides = join(root, 'values', `${chart}.yaml`);
    mkdirSync(join(dir, 'values', 'charts', team), { recursive: true });
    if (existsSync(overrides)) cpSync(overrides, join(dir, 'values', 'charts', team, `${chart}.yaml`));
    charts.push(`  - name: ${chart}`, `    version: ${version}`, '    repo_name: vendor', `    dest: ${team}`);
    if (i % sources.length === 0) destinations.push(`  - name: ${team}`, `    path: ./charts/${team}`);
  }
  for (const [i, env] of envNames.entries()) {
    mkdirSync(join(dir, 'values', env), { recursive: true });
    for (const chart of sources)
      writeFileSync(join(dir, 'values', env, `${chart}.yaml`), `commonLabels:\n  cloud: ${env}\n  tier: t${i}\n`);
  }
  const repos = ['repos:', '  - name: vendor', '    url: https://charts.example.com'];
  writeFileSync(join(dir, 'helm-freeze.yaml'), [...charts, ...repos, ...destinations, ''].join('\n'));
  mkdirSync(join(dir, '.github'), { recursive: true });
  const config = environments
    ? [
        'environments:',
        ...envNames.flatMap((env, i) => [
          `  ${env}:`,
          `    values: ["values/{dest}/{chart}.yaml", "values/${env}/{chart}.yaml"]`,
          `    kubernetes: "1.${29 + i}"`,
        ]),
      ].join('\n')
    : 'values: ["values/{dest}/{chart}.yaml"]';
  writeFileSync(join(dir, '.github', 'chart-guard.yaml'), `${config}\n`);
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated');
  return dir;
}
