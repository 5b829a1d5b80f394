// A release name or namespace comes from the pull request (the config's charts.<chart>.releaseName / namespace, or
// the lockfile entry name). Given to helm before its flags and without `--`, `--set-file=leak=/proc/self/environ`
// read chart-guard's environment (tokens included) into the values, and `--post-renderer=./x.sh` ran a script of
// the pull request. Such a name is reported where it is written, the chart is not rendered with it, and helm gets
// its positional arguments after `--` in any case.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartConfigFor, parseConfig } from '../../src/core/config/config.js';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import { isEntryInvalid } from '../../src/core/lockfile/validate.js';
import { namespaceProblem, releaseNameProblem } from '../../src/core/render/release-names.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { commitAppBase, writeAppBump } from '../support/app-bump.js';
import { CANARIES, expectNoCanary, runCliWithCanaries } from '../support/canaries.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { chartsLockfile, oneChartLockfile } from '../support/lockfile.js';
import { type LoggedHelm, loggedHelm } from '../support/logged-helm.js';

const STACK_FRAME = /^\s+at /m;

// Prints whatever of a leaked environment holds a canary, as a render error: the report would carry it.
const LEAK_TEMPLATE =
  '{{- if .Values.leak }}{{ fail (regexFind "cgcanary[A-Za-z0-9_]*" (toString .Values.leak)) }}{{ end }}\n';

interface Scenario {
  title: string;
  /** The head commit's lockfile and config, given the folder outside the repo the attack writes into. */
  lockfile: string;
  config?: string;
  /** Where the chart lives at head. */
  chartDir: string;
  /** The finding that reports the name: rule, file and line. */
  expected: { rule: string; file: string; line: number; message: RegExp };
  /** The hostile name: no helm run may carry it. */
  name: string;
}

const SCENARIOS: Scenario[] = [
  {
    title: "the config's releaseName",
    name: '--set-file=leak=/proc/self/environ',
    lockfile: oneChartLockfile('app', '1.1.0'),
    config: 'charts:\n  app:\n    releaseName: "--set-file=leak=/proc/self/environ"\n',
    chartDir: 'charts/app',
    expected: {
      rule: 'config-invalid',
      file: '.github/chart-guard.yaml',
      line: 3,
      message: /^charts\.app\.releaseName "--set-file=leak=\/proc\/self\/environ" is not a valid helm release name/,
    },
  },
  {
    title: "the config's releaseName",
    name: '--post-renderer=./x.sh',
    lockfile: oneChartLockfile('app', '1.1.0'),
    config: 'charts:\n  app:\n    releaseName: --post-renderer=./x.sh\n',
    chartDir: 'charts/app',
    expected: {
      rule: 'config-invalid',
      file: '.github/chart-guard.yaml',
      line: 3,
      message: /^charts\.app\.releaseName "--post-renderer=\.\/x\.sh" is not a valid helm release name/,
    },
  },
  {
    title: "the config's namespace",
    name: '--set-file=leak=/proc/self/environ',
    lockfile: oneChartLockfile('app', '1.1.0'),
    config: 'charts:\n  app:\n    namespace: "--set-file=leak=/proc/self/environ"\n',
    chartDir: 'charts/app',
    expected: {
      rule: 'config-invalid',
      file: '.github/chart-guard.yaml',
      line: 3,
      message: /^charts\.app\.namespace "--set-file=leak=\/proc\/self\/environ" is not a valid namespace/,
    },
  },
  {
    title: 'the lockfile entry name',
    name: '--post-renderer=x.sh',
    lockfile: chartsLockfile([{ name: '--post-renderer=x.sh', version: '1.1.0' }]),
    chartDir: 'charts/--post-renderer=x.sh',
    expected: {
      rule: 'lockfile-invalid',
      file: 'helm-freeze.yaml',
      line: 2,
      message: /^chart name "--post-renderer=x\.sh" is not a valid helm release name/,
    },
  },
];

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

describe.each(SCENARIOS)('$title $name', (scenario) => {
  const repo = new TestRepo('cg-helm-flags-');
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  let base = '';
  let head = '';

  beforeAll(() => {
    base = commitAppBase(repo, { 'charts/app/templates/leak.yaml': LEAK_TEMPLATE });
    // the pull request: the bump, the hostile name, and the script a post-renderer would run (it writes outside)
    if (scenario.chartDir !== 'charts/app')
      repo.copy(join(repo.dir, 'charts/app'), scenario.chartDir).remove('charts/app');
    writeAppBump(repo, scenario.lockfile, scenario.chartDir).write(
      'x.sh',
      `#!/bin/sh\ntouch '${outside}/pwned'\nenv > '${outside}/env'\ncat\n`,
    );
    chmodSync(join(repo.dir, 'x.sh'), 0o755);
    if (scenario.config) repo.write('.github/chart-guard.yaml', scenario.config);
    head = repo.commit('hostile name');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  describe.each(Object.entries(HELM_BINARIES))('with helm %s', (_label, helmPath) => {
    let helm: LoggedHelm;
    let json: ReturnType<typeof runCliWithCanaries>;
    let markdown: ReturnType<typeof runCliWithCanaries>;
    let plan: ReturnType<typeof runCliWithCanaries>;
    let report: Report;

    beforeAll(() => {
      helm = loggedHelm(helmPath);
      const args = ['review', '--base', base, '--head', head, '--helm', helm.path];
      json = runCliWithCanaries(cli, [...args, '--format', 'json'], repo.dir);
      markdown = runCliWithCanaries(cli, [...args, '--format', 'markdown'], repo.dir);
      plan = runCliWithCanaries(cli, [...args, '--format', 'plan'], repo.dir);
      report = JSON.parse(json.stdout) as Report;
    }, 120_000);

    it(`reports the name as ${scenario.expected.rule} at its line, and fails the review (exit 1)`, () => {
      const findings: Finding[] = [...report.findings, ...report.charts.flatMap((c) => c.findings)];
      const named = findings.filter(
        (f) => f.rule === scenario.expected.rule && scenario.expected.message.test(f.message),
      );
      expect(named).toHaveLength(1);
      expect(named[0]).toMatchObject({ file: scenario.expected.file, line: scenario.expected.line, severity: 'error' });
      expect(json.status).toBe(1);
      expect(markdown.status).toBe(1);
      expect(json.stderr + markdown.stdout + markdown.stderr).not.toMatch(STACK_FRAME);
    });

    it('runs no helm with that name: the chart is not rendered', () => {
      const runs = helm.invocations();
      expect(runs.length).toBeGreaterThan(0); // helm version ran: helm was there
      expect(runs.filter((run) => run.argv.includes(scenario.name))).toEqual([]);
      expect(runs.filter((run) => run.argv[0] === 'template')).toEqual([]);
    });

    it('puts the name in no command of the upgrade runbook', () => {
      expect(plan.status).toBe(1);
      expect(plan.stdout).toContain('# not planned: the release name or namespace is not one helm accepts');
      // the chart may be named in a heading; no code span and no command line holds the name
      const code = [...plan.stdout.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
      const commands = plan.stdout.split('\n').filter((line) => /^\s*(helm|kubectl) /.test(line));
      for (const text of [...code, ...commands]) expect(text).not.toContain(scenario.name);
    });

    it('leaks no secret of the environment into the report, the comment or the terminal', () => {
      for (const text of [json.stdout, json.stderr, markdown.stdout, markdown.stderr]) expectNoCanary(text);
      expect(Object.keys(CANARIES).every((name) => !json.stdout.includes(`${name}=`))).toBe(true);
    });

    it('runs nothing of the pull request: no file is written outside the work folder', () => {
      expect(readdirSync(outside)).toEqual([]);
    });
  });
});

describe('a valid release name and namespace', () => {
  const repo = new TestRepo('cg-helm-flags-');
  let base = '';
  let head = '';
  beforeAll(() => {
    base = commitAppBase(repo);
    writeAppBump(repo).write(
      '.github/chart-guard.yaml',
      'charts:\n  app:\n    releaseName: web.v2-app\n    namespace: team-a\n',
    );
    head = repo.commit('app 1.1.0');
  });
  afterAll(() => repo.cleanup());

  it.each(Object.entries(HELM_BINARIES))(
    'reach helm %s after `--`, behind every flag: helm template [flags] -- <release> <chart folder>',
    (_label, helmPath) => {
      const helm = loggedHelm(helmPath);
      const run = runCliWithCanaries(cli, ['review', '--base', base, '--head', head, '--helm', helm.path], repo.dir);
      expect(run.status).toBe(0);
      const templates = helm.invocations().filter((call) => call.argv[0] === 'template');
      expect(templates).toHaveLength(2); // base and head
      for (const { argv } of templates) {
        expect(argv.indexOf('--')).toBe(argv.length - 3);
        expect(argv.slice(-2, -1)).toEqual(['web.v2-app']);
        expect(argv.at(-1)).toMatch(/^\/.*\/app$/);
        expect(argv.slice(1, 4)).toEqual(['--namespace', 'team-a', '--include-crds']);
      }
    },
    60_000,
  );
});

describe('a lockfile chart name helm refuses as a release name', () => {
  const text = chartsLockfile([
    { name: 'ok-chart', version: '1.0.0' },
    { name: 'My_Chart', version: '1.0.0' },
  ]);

  it('is lockfile-invalid at its name line, making that entry invalid', () => {
    const lockfile = parseLockfile(text, 'helm-freeze.yaml');
    const named = lockfile.problems.filter((p) => p.message.startsWith('chart name'));
    expect(named).toEqual([
      expect.objectContaining({
        file: 'helm-freeze.yaml',
        line: 5,
        message: expect.stringMatching(
          /^chart name "My_Chart" is not a valid helm release name: .*charts\.<name>\.releaseName/,
        ),
      }),
    ]);
    expect(lockfile.charts.map((entry) => isEntryInvalid(lockfile, entry))).toEqual([false, true]);
  });

  it('is no problem when the config sets the release name: the chart is rendered under that one', () => {
    const config = parseConfig('charts:\n  My_Chart:\n    releaseName: my-chart\n', '.github/chart-guard.yaml');
    const lockfile = parseLockfile(text, 'helm-freeze.yaml', {
      hasReleaseName: (entry) => chartConfigFor(config, entry).releaseName !== undefined,
    });
    expect(lockfile.problems).toEqual([]);
    expect(config.problems).toEqual([]);
  });

  it.each([
    ['a', undefined],
    ['web.v2-app', undefined],
    ['x'.repeat(53), undefined],
    ['x'.repeat(54), /54 characters, helm takes at most 53/],
    ['-x', /is not a valid helm release name/],
    ['x-', /is not a valid helm release name/],
    ['X', /is not a valid helm release name/],
    ['a_b', /is not a valid helm release name/],
    ['a..b', /is not a valid helm release name/],
    ['', /is not a valid helm release name/],
  ])('release name %j: %s', (name, problem) => {
    const found = releaseNameProblem(name);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it.each([
    ['default', undefined],
    ['team-a', undefined],
    ['x'.repeat(63), undefined],
    ['x'.repeat(64), /64 characters, Kubernetes takes at most 63/],
    ['a.b', /is not a valid namespace/],
    ['--set-file=x', /is not a valid namespace/],
    ['Team', /is not a valid namespace/],
  ])('namespace %j: %s', (name, problem) => {
    const found = namespaceProblem(name);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});
