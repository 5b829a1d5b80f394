// The npm package as a user gets it: packed with `npm pack`, installed from the tarball into an empty folder with no
// network and no dev dependencies, and run through its `chart-guard` bin: --version, a lint of the demo chart
// repository with helm v3 and v4, and the pre-commit hook's entry as pre-commit runs it (from the repository root,
// helm on PATH, no file names). The bundle is built fresh into the staged package (dist/ is rebuilt by other test
// files at the same time); the staged package holds the same files as the project's own `npm pack`.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import packageJson from '../../package.json' with { type: 'json' };
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

function npmPack(cwd: string, ...args: string[]): PackResult {
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', ...args], { cwd, encoding: 'utf8' });
  return JSON.parse(out)[0];
}

const paths = (pack: PackResult) => pack.files.map((file) => file.path).sort();

describe('the npm package, installed from its tarball', () => {
  const work = mkdtempSync(join(tmpdir(), 'cg-pack-'));
  const staged = join(work, 'package');
  const installed = join(work, 'empty');
  const demo = new TestRepo('cg-pack-demo-');
  let pack: PackResult;
  let install: ReturnType<typeof spawnSync>;
  const bin = join(installed, 'node_modules', '.bin', 'chart-guard');
  // the bin's shebang is `#!/usr/bin/env node`: this node first on PATH, as on a user's machine
  const env = (extraPath: string[] = []) => ({
    ...process.env,
    PATH: [...extraPath, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
  });

  beforeAll(() => {
    mkdirSync(staged);
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', join(staged, 'dist')], { cwd: PROJECT_DIR });
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      copyFileSync(join(PROJECT_DIR, file), join(staged, file));
    }
    pack = npmPack(staged, '--pack-destination', work);

    mkdirSync(installed);
    writeFileSync(join(installed, 'package.json'), '{ "private": true }\n'); // the folder is the install's root
    install = spawnSync(npm, ['install', join(work, pack.filename), '--offline', '--no-audit', '--no-fund'], {
      cwd: installed,
      encoding: 'utf8',
      env: env(),
    });

    for (const path of ['helm-freeze.yaml', 'charts', 'values', '.github/chart-guard.yaml']) {
      demo.copy(join(PROJECT_DIR, path), path);
    }
    demo.commit('the demo chart repository');
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    demo.cleanup();
  });

  it('holds what runs and nothing else: the CLI bundle, its template worker, the docs a package carries', () => {
    // the launcher (cli.js) imports the bundle (cli-main.js); esbuild puts the runtime helpers they share and the
    // libraries loaded on first need (runtime/libraries.ts) in chunks beside them: every one of them is packed
    const chunks = readdirSync(join(PROJECT_DIR, 'dist')).filter((name) => /^cli-chunk-[A-Z0-9]+\.js$/.test(name));
    expect(chunks.length).toBeGreaterThan(1);
    expect(paths(pack)).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        ...chunks.map((name) => `dist/${name}`),
        'dist/cli-main.js',
        'dist/cli.js',
        'dist/template-worker.cjs',
        'package.json',
      ].sort(),
    );
    // the project's own package (its committed dist/) is made of the same files
    expect(paths(npmPack(PROJECT_DIR, '--dry-run'))).toEqual(paths(pack));
  });

  it('keeps under its size budget (npm run pack-budget), which a package holding the Action bundle too breaks', () => {
    const budget = (dir: string) =>
      spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/pack-budget.mjs'), '--dir', dir], { encoding: 'utf8' });
    const within = budget(staged);
    expect(within.stdout).toMatch(
      new RegExp(
        `^chart-guard-[\\d.]+\\.tgz: \\d+ kB of \\d+ kB packed, \\d+ kB of \\d+ kB unpacked, ${paths(pack).length} files\n$`,
      ),
    );
    expect(within.status, within.stderr).toBe(0);

    const fat = join(work, 'fat');
    cpSync(staged, fat, { recursive: true });
    const manifest = { ...packageJson, files: [...packageJson.files, 'dist/index.js', 'dist/action-main.js'] };
    writeFileSync(join(fat, 'package.json'), JSON.stringify(manifest));
    const over = budget(fat);
    expect(over.stderr).toMatch(/^pack-budget: the package unpacks to \d+ kB, over its budget of \d+ kB$/m);
    expect(over.status).toBe(1);
  });

  it('installs offline, with no dependency to fetch and no warning', () => {
    expect(install.status, String(install.stderr)).toBe(0);
    expect(String(install.stderr)).not.toMatch(/warn|EBADENGINE/i);
    const lock = JSON.parse(readFileSync(join(installed, 'package-lock.json'), 'utf8'));
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/chart-guard']);
  });

  it('runs `chart-guard --version` from the installed bin', () => {
    const result = spawnSync(bin, ['--version'], { cwd: installed, encoding: 'utf8', env: env() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${packageJson.version}\n`);
    expect(result.status).toBe(0);
  });

  it.each(Object.entries(HELM_BINARIES))('lints the demo chart repository clean with helm %s', (_, helm) => {
    const result = spawnSync(bin, ['lint', '--helm', helm, '--format', 'json'], {
      cwd: demo.dir,
      encoding: 'utf8',
      env: env(),
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.tool).toEqual({ name: 'chart-guard', version: packageJson.version });
    // every chart the demo lockfile names, rendered with this helm, and no finding
    const lockfile = parseYaml(readFileSync(join(demo.dir, 'helm-freeze.yaml'), 'utf8'));
    const charts = lockfile.charts.map((entry: { name: string }) => entry.name);
    expect(charts).toHaveLength(4);
    expect(report.charts.map((c: { name: string }) => c.name)).toEqual(charts);
    expect(report.charts.map((c: { render: { status: string } }) => c.render.status)).toEqual(charts.map(() => 'ok'));
    expect(report.stats.renders).toBe(charts.length);
    expect([report.summary.errors, report.summary.warnings, report.summary.notices]).toEqual([0, 0, 0]);
    expect(result.status).toBe(0);
  });

  it("runs the pre-commit hook's entry from the repository root, with helm on PATH, and fails on a broken lockfile", () => {
    const [hook] = parseYaml(readFileSync(join(PROJECT_DIR, '.pre-commit-hooks.yaml'), 'utf8'));
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('chart-guard');
    const hookRun = () =>
      spawnSync(join(installed, 'node_modules', '.bin', command), args, {
        cwd: demo.dir,
        encoding: 'utf8',
        env: env([dirname(HELM_BINARIES.v4)]),
      });
    const clean = hookRun();
    expect(clean.stdout).toMatch(/pass/);
    expect(clean.status).toBe(0);

    // a bump written into the lockfile whose chart folder was not vendored: the hook stops the commit
    const lockfile = readFileSync(join(demo.dir, 'helm-freeze.yaml'), 'utf8');
    demo.write('helm-freeze.yaml', lockfile.replace(/version: 13\.4\.10/, 'version: 13.5.0'));
    try {
      const broken = hookRun();
      expect(broken.stdout).toContain('chart-version-mismatch');
      expect(broken.status).toBe(1);
    } finally {
      demo.write('helm-freeze.yaml', lockfile);
    }
  });
});
