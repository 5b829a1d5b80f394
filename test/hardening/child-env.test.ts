// helm and git get an allow-listed environment (src/core/runtime/child-env.ts), never chart-guard's own: a job's tokens
// (GITHUB_TOKEN, INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN) and any other job variable stay out of every child, so a
// post-renderer, a plugin or `--set-file=/proc/self/environ` would find nothing to leak, and the machine's own git
// and helm settings (~/.gitconfig, HELM_* variables) cannot change what is read or run code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmEnv } from '../../src/core/render/helm.js';
import { gitEnv } from '../../src/core/repo/git.js';
import type { Report } from '../../src/core/report/report.js';
import { childEnv } from '../../src/core/runtime/child-env.js';
import { commitAppBase, writeAppBump } from '../support/app-bump.js';
import { CANARIES, expectNoCanary, runCliWithCanaries } from '../support/canaries.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { loggedHelm, loggedTool, type ToolInvocation } from '../support/logged-helm.js';

const TEMP_ROOTS = [tmpdir(), '/dev/shm'];

/** Every variable helm may see. */
const HELM_ENV = [
  'GOGC',
  'GOMEMLIMIT',
  'HELM_CACHE_HOME',
  'HELM_CONFIG_HOME',
  'HELM_DATA_HOME',
  'HOME',
  'KUBECONFIG',
  'PATH',
];
/** Every variable git may see: only the GIT_* chart-guard sets itself. */
const GIT_ENV = [
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_KEY_0',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CONFIG_VALUE_0',
  'GIT_TERMINAL_PROMPT',
  'HOME',
  'LANG',
  'PATH',
];

/** The variable names a wrapper saw, without the PWD its own shell adds. */
const names = (call: ToolInvocation) =>
  Object.keys(call.env)
    .filter((name) => name !== 'PWD')
    .sort();

/** The job environment a hostile child would look for, besides the canaries. */
const JOB_ENV = {
  HELM_NAMESPACE: 'prod',
  HELM_PLUGINS: '/tmp/cg-plugins',
  HELM_POST_RENDERER: './x.sh',
  GIT_DIR: '/nonexistent/.git',
  KUBECONFIG: join(homedir(), '.kube/config'),
  XDG_CONFIG_HOME: '/tmp/cg-xdg',
  LD_PRELOAD: '',
};

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

describe('a review run in a job whose environment holds tokens and settings', () => {
  const repo = new TestRepo('cg-child-env-');
  // the machine's HOME, with a git config that would run code on any git command touching the working tree
  const home = mkdtempSync(join(tmpdir(), 'cg-home-'));
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  const git = loggedTool('/usr/bin/git', 'git');
  let base = '';

  beforeAll(() => {
    writeFileSync(join(home, '.gitconfig'), `[core]\n\tfsmonitor = "touch '${outside}/fsmonitor'; true"\n`);
    mkdirSync(join(home, '.config/git'), { recursive: true });
    writeFileSync(join(home, '.config/git/ignore'), 'values/\n'); // would hide the override file from the review
    base = commitAppBase(repo);
    // the working tree is reviewed: git diff and ls-files read it (and would run the fsmonitor)
    writeAppBump(repo).write('values/app.yaml', 'greeting: hello\nnotAKey: 1\n');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(home, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  describe.each(Object.entries(HELM_BINARIES))('with helm %s', (_label, helmPath) => {
    const helm = loggedHelm(helmPath);
    let run: ReturnType<typeof runCliWithCanaries>;
    let report: Report;
    let gitCalls: ToolInvocation[];

    beforeAll(() => {
      const before = git.invocations().length;
      const args = [
        'review',
        '--base',
        base,
        '--values',
        'values/{chart}.yaml',
        '--helm',
        helm.path,
        '--format',
        'json',
      ];
      run = runCliWithCanaries(cli, args, repo.dir, {
        ...JOB_ENV,
        // git's command-line config, the way `git -c` passes it on: would run the hook too
        GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='touch ${outside}/fsmonitor-parameters'`,
        HOME: home,
        PATH: [git.dir, process.env.PATH].join(delimiter),
      });
      report = JSON.parse(run.stdout) as Report;
      gitCalls = git.invocations().slice(before);
    }, 120_000);

    it('reviews the change as usual (exit 0 or 1 by its findings), the override file included', () => {
      expect([0, 1]).toContain(run.status);
      expect(report.charts.map((c) => c.name)).toEqual(['app']);
      expect(report.charts[0].overrideFiles).toEqual(['values/app.yaml']);
    });

    it('gives helm PATH, a temp HOME, its own homes, an absent KUBECONFIG and GOGC/GOMEMLIMIT, nothing else', () => {
      const calls = helm.invocations();
      expect(calls.map((c) => c.argv[0])).toContain('template');
      for (const call of calls) {
        expect(names(call)).toEqual(HELM_ENV);
        expect(call.env.PATH).toBe([git.dir, process.env.PATH].join(delimiter));
        expect(call.env.HOME).not.toBe(home);
        // a temp folder of the run (renders work in /dev/shm when it has room), helm's homes beside HOME
        expect(TEMP_ROOTS.some((root) => call.env.HOME.startsWith(`${root}/`))).toBe(true);
        for (const folder of ['HELM_CACHE_HOME', 'HELM_CONFIG_HOME', 'HELM_DATA_HOME', 'KUBECONFIG'])
          expect(dirname(call.env[folder])).toBe(dirname(call.env.HOME));
        expect(existsSync(call.env.KUBECONFIG)).toBe(false);
        expectNoCanary(Object.values(call.env).join('\n'));
      }
    });

    it('gives git PATH, a temp HOME, LANG=C and only the GIT_* settings chart-guard sets', () => {
      expect(gitCalls.length).toBeGreaterThan(2);
      for (const call of gitCalls) {
        expect(names(call)).toEqual(GIT_ENV);
        expect(call.env).toMatchObject({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LANG: 'C' });
        expect(call.env.HOME).not.toBe(home);
        expectNoCanary(Object.values(call.env).join('\n'));
      }
    });

    it("never reads the machine's git config: its fsmonitor hook does not run", () => {
      expect(readdirSync(outside)).toEqual([]);
    });

    it('prints no secret in the report or on the terminal', () => {
      expectNoCanary(run.stdout);
      expectNoCanary(run.stderr);
    });
  });
});

describe('a checkout owned by another user (a container job: actions/checkout ran as the runner user)', () => {
  // without the machine's git config, the safe.directory entry actions/checkout adds there is gone: chart-guard
  // sets its own (the folder is the workflow's choice), or git stops at "dubious ownership"
  const repo = new TestRepo('cg-owner-');
  beforeAll(() => {
    commitAppBase(repo);
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'nobody', repo.dir]);
  });
  afterAll(() => repo.cleanup());

  it.skipIf(process.getuid?.() !== 0)('is read all the same', () => {
    const run = runCliWithCanaries(cli, ['lint', '--ref', 'HEAD', '--no-render', '--format', 'json'], repo.dir);
    expect(run.stderr).not.toMatch(/dubious ownership/);
    expect([0, 1]).toContain(run.status);
    expect((JSON.parse(run.stdout) as Report).charts.map((c) => c.name)).toEqual(['app']);
  });
});

describe('the environment builders', () => {
  it('take nothing from the process environment but PATH, whatever it holds', () => {
    const saved = { ...process.env };
    Object.assign(process.env, CANARIES, JOB_ENV, { HOME: '/home/someone', LANG: 'de_DE.UTF-8' });
    try {
      expect(Object.keys(helmEnv('/tmp/cg-helm-home')).sort()).toEqual(HELM_ENV);
      expect(Object.keys(gitEnv()).sort()).toEqual(GIT_ENV);
      expect(Object.keys(childEnv({})).sort()).toEqual(['HOME', 'PATH']);
      expect(childEnv({}).HOME).not.toBe('/home/someone');
      expect(gitEnv().LANG).toBe('C');
      expect(helmEnv('/tmp/cg-helm-home').HOME).toBe('/tmp/cg-helm-home/home');
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it("pass the runner's proxy settings to git (its fetch from origin), never to helm", () => {
    const saved = { ...process.env };
    Object.assign(process.env, { HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '.corp' });
    try {
      expect(gitEnv()).toMatchObject({ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '.corp' });
      expect(Object.keys(helmEnv('/tmp/cg-helm-home')).sort()).toEqual(HELM_ENV);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});
