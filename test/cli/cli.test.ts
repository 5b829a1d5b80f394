// The CLI bundle, built as dist/ is, run as a user runs it: a child process in a real git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartReport, ObjectDiff } from '../../src/core/report/report.js';
import { allRules } from '../../src/core/rules/index.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

// The bundle under test is built into a folder of its own, never dist/: other test files build at the same time, and
// a spawn must never read a file esbuild is rewriting (CI checks that dist/ is the same build, .ci/run).
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'cg-cli-bundle-'));
const CLI = join(BUNDLE_DIR, 'cli.js');
const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const STACK_FRAME = /^\s+at /m;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CHART_GUARD_DEBUG'])
    if (!(name in (options.env ?? {}))) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? PROJECT_DIR,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lockfile(version: string): string {
  return [
    'charts:',
    '  - name: prometheus-blackbox-exporter',
    `    version: ${version}`,
    '    repo_name: prometheus-community',
    'repos:',
    '  - name: prometheus-community',
    '    url: https://prometheus-community.github.io/helm-charts',
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');
}

/** A chart repository at blackbox 9.8.0 with an override of extraEnvFromSecret, a key 10.0.0 removes. */
function blackboxRepo(): { repo: TestRepo; base: string } {
  const repo = new TestRepo('cg-cli-');
  repo
    .write('helm-freeze.yaml', lockfile('9.8.0'))
    .copy(corpusChart(BLACKBOX, 'old'), 'charts/prometheus-blackbox-exporter')
    .write('values/prometheus-blackbox-exporter.yaml', 'extraEnvFromSecret:\n  - probe-credentials\n')
    .write('.github/chart-guard.yaml', 'values:\n  - values/{chart}.yaml\n');
  return { repo, base: repo.commit('blackbox 9.8.0') };
}

/** Puts the working tree back to the checked-out commit (the bump adds files the old chart did not have). */
function restore(repo: TestRepo): void {
  repo.git('checkout', '-q', '--', '.');
  repo.git('clean', '-fdq');
}

function bumpBlackbox(repo: TestRepo): void {
  repo
    .write('helm-freeze.yaml', lockfile('10.0.0'))
    .copy(corpusChart(BLACKBOX, 'new'), 'charts/prometheus-blackbox-exporter');
}

beforeAll(() => {
  // the bundle (a launcher and its chunks) built from the current source into this file's own folder
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUNDLE_DIR], { cwd: PROJECT_DIR, stdio: 'pipe' });
});
afterAll(() => rmSync(BUNDLE_DIR, { recursive: true, force: true }));

describe('chart-guard help and version', () => {
  it('prints the commands with --help and exits 0', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/chart-guard review/);
    expect(result.stdout).toMatch(/chart-guard lint/);
  });

  it.each([
    ['review', '--base REF'],
    ['lint', '--lockfile PATH'],
  ])('prints the %s flags with "%s --help" and exits 0', (command, flag) => {
    const result = cli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: chart-guard ${command}`);
    expect(result.stdout).toContain(flag);
    expect(cli(['help', command]).stdout).toBe(result.stdout);
  });

  it('prints the package version with --version', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8'));
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });
});

describe('chart-guard usage errors exit 2 with one clean line on stderr', () => {
  it.each([
    [[], /Usage:/],
    [['frobnicate'], /^chart-guard: unknown command "frobnicate"/],
    [['help', 'constructor'], /^chart-guard: unknown command "constructor"/],
    [['review', '--frobnicate'], /^chart-guard review: Unknown option '--frobnicate'/],
    [['review', 'extra'], /^chart-guard review: unexpected argument "extra"/],
    [['review', '--base'], /^chart-guard review: Option '--base <value>' argument missing/],
    [['review', '--format', 'yaml'], /^chart-guard review: --format must be one of text, markdown, json, sarif/],
    [['review', '--fail-on', 'notice'], /^chart-guard review: --fail-on must be one of error, warning, never/],
    [['review', '--kube-version', 'latest'], /^chart-guard review: --kube-version must look like 1.31/],
    [['review', '--concurrency', '0'], /^chart-guard review: --concurrency must be a whole number/],
    [['review', '--cache', 'c', '--cache-max-mb', '0'], /^chart-guard review: --cache-max-mb must be a whole number/],
    [['lint', '--cache-max-mb', '64'], /^chart-guard lint: --cache-max-mb needs --cache DIR/],
    [['review', '--cache='], /^chart-guard review: --cache needs a value/],
    [['review', '--link-base', 'javascript:x'], /^chart-guard review: --link-base must be an http\(s\) address/],
    [
      ['review', '--no-render', '--helm', 'helm'],
      /^chart-guard review: --helm and --no-render cannot be used together/,
    ],
    [['review', '--helm', 'no/such/helm'], /^chart-guard review: --helm no\/such\/helm: no such file/],
    [['lint', '--format', 'html'], /^chart-guard lint: --format must be one of/],
  ])('%j', (args, message) => {
    const result = cli(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
    if (args.length > 0) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('chart-guard review: fatal errors exit 2 without a stack trace', () => {
  const outside = mkdtempSync(join(tmpdir(), 'cg-not-git-'));
  const { repo } = blackboxRepo();
  afterAll(() => {
    rmSync(outside, { recursive: true, force: true });
    repo.cleanup();
  });

  it('names the folder that is not a git repository', () => {
    const result = cli(['review', '--repo', outside]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^chart-guard review: .*is not inside a git repository/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the stack trace only with CHART_GUARD_DEBUG=1', () => {
    const result = cli(['review', '--repo', outside], { env: { CHART_GUARD_DEBUG: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(STACK_FRAME);
  });

  it('names a base ref that is not a commit', () => {
    const result = cli(['review', '--base', 'no-such-branch'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/git ref "no-such-branch" is not a commit/);
  });

  it('asks for --base when there is no default branch to compare with', () => {
    const lonely = new TestRepo('cg-cli-trunk-');
    try {
      lonely.write('README.md', 'x\n').commit();
      lonely.git('branch', '-m', 'main', 'trunk');
      const result = cli(['review'], { cwd: lonely.dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/no default branch found .*pass --base/);
    } finally {
      lonely.cleanup();
    }
  });

  it('refuses a --lockfile outside the repository', () => {
    const result = cli(['review', '--base', 'HEAD', '--lockfile', join(outside, 'helm-freeze.yaml')], {
      cwd: repo.dir,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--lockfile .* is outside the repository/);
  });
});

describe('chart-guard review on a real chart repository', () => {
  const { repo, base } = blackboxRepo();
  afterAll(() => repo.cleanup());

  it('exits 0 when nothing changed between base and head', () => {
    const result = cli(['review', '--base', 'HEAD', '--head', 'HEAD', '--no-render'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes the schemaVersion 1 JSON report with --format json', () => {
    const result = cli(['review', '--base', base, '--head', base, '--no-render', '--format', 'json'], {
      cwd: repo.dir,
    });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, verdict: 'pass', base: { sha: base }, head: { sha: base } });
    expect(report.tool.name).toBe('chart-guard');
  });

  it('reviews the working tree by default, uncommitted bump included, and exits 1 on a removed override key', () => {
    bumpBlackbox(repo);
    try {
      const result = cli(['review', '--base', base, '--no-render', '--format', 'json'], { cwd: repo.dir });
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.head.sha).toBeNull();
      expect(report.charts[0]).toMatchObject({ name: 'prometheus-blackbox-exporter', from: '9.8.0', to: '10.0.0' });
      expect(report.charts[0].findings.map((f: { rule: string }) => f.rule)).toContain('override-key-removed');
    } finally {
      restore(repo);
    }
  });

  it('exits 0 on the same findings with --fail-on never', () => {
    bumpBlackbox(repo);
    try {
      const result = cli(['review', '--base', base, '--no-render', '--fail-on', 'never'], { cwd: repo.dir });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('extraEnvFromSecret');
    } finally {
      restore(repo);
    }
  });

  it('compares with the merge-base of the default branch when --base is left out', () => {
    repo.git('checkout', '-q', '-b', 'bump-blackbox');
    try {
      bumpBlackbox(repo);
      const head = repo.commit('blackbox 10.0.0');
      repo.git('checkout', '-q', 'main');
      repo.write('unrelated.txt', 'main moved on\n').commit('unrelated');
      repo.git('checkout', '-q', 'bump-blackbox');
      const result = cli(['review', '--head', 'HEAD', '--no-render', '--format', 'json'], { cwd: repo.dir });
      const report = JSON.parse(result.stdout);
      expect(report.base.sha).toBe(base);
      expect(report.head.sha).toBe(head);
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });

  it('writes the output to --output and prints one line with the verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-cli-out-'));
    try {
      const result = cli(
        [
          'review',
          '--base',
          base,
          '--head',
          'bump-blackbox',
          '--no-render',
          '--format',
          'markdown',
          '-o',
          join(dir, 'comment.md'),
        ],
        { cwd: repo.dir },
      );
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(
        /^chart-guard: fail \(\d+ errors?\b.*\); markdown report written to .*comment\.md\n$/,
      );
      expect(readFileSync(join(dir, 'comment.md'), 'utf8')).toContain('extraEnvFromSecret');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the rendered diff to --diff FILE, the same patches as the JSON report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-cli-diff-'));
    try {
      const args = ['review', '--base', base, '--head', 'bump-blackbox', '--helm', HELM_BINARIES.v4];
      const result = cli([...args, '--format', 'json', '--diff', join(dir, 'rendered.patch')], { cwd: repo.dir });
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout);
      const objects = report.charts.flatMap((c: ChartReport) => (c.renderedDiff ?? []).flatMap((d) => d.objects));
      expect(objects.length).toBeGreaterThan(0);
      const file = readFileSync(join(dir, 'rendered.patch'), 'utf8');
      for (const object of objects as ObjectDiff[]) expect(file).toContain(object.patch.trimEnd());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links file:line in the markdown output to the head commit with --link-base, plain text without', () => {
    const args = ['review', '--base', base, '--head', 'bump-blackbox', '--no-render', '--format', 'markdown'];
    const head = repo.git('rev-parse', 'bump-blackbox').trim();
    const linked = cli([...args, '--link-base', 'https://github.example.com/acme/charts/'], { cwd: repo.dir });
    expect(linked.status).toBe(1);
    expect(linked.stdout).toMatch(
      new RegExp(
        `\\[\`values/prometheus-blackbox-exporter\\.yaml:\\d+\`\\]\\(https://github\\.example\\.com/acme/charts/blob/${head}/values/prometheus-blackbox-exporter\\.yaml#L\\d+\\)`,
      ),
    );
    expect(cli(args, { cwd: repo.dir }).stdout).not.toContain('](https://');
  });

  it('writes SARIF 2.1.0 with --format sarif: one result per finding, rules described, override line located', () => {
    const args = ['review', '--base', base, '--head', 'bump-blackbox', '--no-render'];
    const report = JSON.parse(cli([...args, '--format', 'json'], { cwd: repo.dir }).stdout);
    const result = cli([...args, '--format', 'sarif'], { cwd: repo.dir });
    expect(result.status).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    const { errors, warnings, notices } = report.summary;
    expect(run.results).toHaveLength(errors + warnings + notices);
    const removed = run.results.find((r: { ruleId: string }) => r.ruleId === 'override-key-removed');
    expect(removed.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'values/prometheus-blackbox-exporter.yaml' },
      region: { startLine: 1 },
    });
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'override-key-removed');
    expect(rule.shortDescription.text).toBe(allRules.find((r) => r.id === 'override-key-removed')?.description);
  });

  it('writes the upgrade runbook with --format plan and exits by the verdict; the text ends with the fleet verdict', () => {
    const args = ['review', '--base', base, '--head', 'bump-blackbox', '--no-render'];
    const result = cli([...args, '--format', 'plan'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^# Upgrade runbook\n/);
    expect(result.stdout).toContain(
      '`helm upgrade prometheus-blackbox-exporter charts/prometheus-blackbox-exporter --namespace default -f values/prometheus-blackbox-exporter.yaml`',
    );
    const text = cli(args, { cwd: repo.dir }).stdout;
    expect(text).toMatch(/fleet verdict\n {4}chart +verdict\n {4}prometheus-blackbox-exporter +fail \(1 error/);
  });

  it('keeps text output free of colour codes when stdout is not a terminal, unless FORCE_COLOR is set', () => {
    const args = ['review', '--base', base, '--head', 'bump-blackbox', '--no-render'];
    expect(cli(args, { cwd: repo.dir }).stdout).not.toContain('\x1b[');
    expect(cli(args, { cwd: repo.dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(cli(args, { cwd: repo.dir, env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\x1b[');
  });

  it('prints progress lines on stderr with --verbose only, keeping stdout the report', () => {
    const args = ['review', '--base', base, '--head', 'bump-blackbox', '--no-render', '--format', 'json'];
    const quiet = cli(args, { cwd: repo.dir });
    const verbose = cli([...args, '--verbose'], { cwd: repo.dir });
    expect(quiet.stderr).toBe('');
    expect(verbose.stderr).toMatch(/^chart-guard: /m);
    expect(JSON.parse(verbose.stdout).schemaVersion).toBe(1);
  });
});

describe('the bundled demo chart repository', () => {
  it('lints clean: every override key exists in the current chart defaults and every chart renders', () => {
    const result = cli(['lint', '--helm', HELM_BINARIES.v4, '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.charts.map((c: { name: string }) => c.name).sort()).toEqual([
      'mariadb',
      'prometheus-blackbox-exporter',
      'prometheus-node-exporter',
      'zookeeper',
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0, needsReinstall: false });
    expect(result.status).toBe(0);
  });

  it('npm run demo reviews the bump in demo/bump and writes the pull request comment', () => {
    const result = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: PROJECT_DIR, encoding: 'utf8' });
    const demoRepo = /^Demo pull request in (\S+):/m.exec(result.stdout)?.[1];
    try {
      expect(result.status).toBe(0);
      for (const rule of ['statefulset-replaced', 'immutable-field-changed', 'override-key-removed']) {
        expect(result.stdout).toContain(rule);
      }
      const comment = /^The pull request comment chart-guard would post: (\S+)$/m.exec(result.stdout)?.[1];
      expect(comment && existsSync(comment)).toBe(true);
      expect(readFileSync(comment as string, 'utf8')).toMatch(/^<!-- chart-guard: helm-freeze\.yaml -->\n/);
    } finally {
      if (demoRepo) rmSync(demoRepo, { recursive: true, force: true });
    }
  });
});
