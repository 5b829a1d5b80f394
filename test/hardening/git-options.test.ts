// A ref reaches git from the Action's base-ref / head-ref inputs and the CLI's --base / --head / --ref flags. One
// starting with "-" was read by git as an option: `git fetch origin --upload-pack=<command>` ran the command (the
// Action fetches a ref the checkout lacks). Such a ref is refused before git runs, naming the input, and every
// git command chart-guard runs puts refs and shas after `--end-of-options`, so none is ever an option.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSnapshot, RefError } from '../../src/core/repo/open.js';
import { commitAppBase, writeAppBump } from '../support/app-bump.js';
import { CANARIES, expectNoCanary, runCliWithCanaries } from '../support/canaries.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { FakeGitHub } from '../support/fake-github.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { loggedHelm, loggedTool, type ToolInvocation } from '../support/logged-helm.js';

const STACK_FRAME = /^\s+at /m;

let cli: BuiltCli;
const git = loggedTool('/usr/bin/git', 'git');
const repo = new TestRepo('cg-git-options-');
/** Where a hostile option would write: must stay empty. */
const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
/** The repository the checkout was cloned from: `origin`, a local path, as upload-pack runs for it. */
const origin = new TestRepo('cg-git-origin-');
let base = '';
let head = '';

beforeAll(() => {
  cli = buildCli();
  base = commitAppBase(origin);
  origin.git('branch', 'release-1');
  head = writeAppBump(origin).commit('app 1.1.0');
  // a checkout of main alone (as actions/checkout fetches one branch): release-1 is only on origin
  repo.git('remote', 'add', 'origin', origin.dir);
  repo.git('fetch', '-q', 'origin', 'main');
  repo.git('checkout', '-q', '-B', 'main', 'FETCH_HEAD');
}, 120_000);
afterAll(() => {
  cli?.cleanup();
  repo.cleanup();
  origin.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

/** Runs the CLI with the logged git first on PATH; the git calls it made. */
function cliRun(args: string[]) {
  const before = git.invocations().length;
  const run = runCliWithCanaries(cli, args, repo.dir, { PATH: [git.dir, process.env.PATH].join(delimiter) });
  return { ...run, gitCalls: git.invocations().slice(before) };
}

describe.each([
  { command: 'review', flag: '--base', ref: `--output=${outside}/diff` },
  { command: 'review', flag: '--head', ref: `--output=${outside}/diff` },
  { command: 'review', flag: '--base', ref: `--upload-pack=touch ${outside}/pwned;true` },
  { command: 'lint', flag: '--ref', ref: `--output=${outside}/diff` },
])('chart-guard $command $flag=$ref', ({ command, flag, ref }) => {
  let run: ReturnType<typeof cliRun>;
  beforeAll(() => {
    run = cliRun([command, `${flag}=${ref}`, '--helm', HELM_BINARIES.v4]);
  }, 60_000);

  it('stops with exit 2 and one line naming the flag, no stack trace', () => {
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `chart-guard ${command}: ${flag} "${ref}" is not a git ref: a ref or commit never starts with "-"`,
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('gives the ref to no git command, writes nothing outside the work folder, prints no secret', () => {
    expect(run.gitCalls.filter((call) => call.argv.some((arg) => arg.includes(ref)))).toEqual([]);
    expect(readdirSync(outside)).toEqual([]);
    expectNoCanary(run.stdout + run.stderr);
  });
});

describe('the Action given a base-ref or head-ref', () => {
  const fake = new FakeGitHub();
  const runnerTemp = mkdtempSync(join(tmpdir(), 'cg-runner-'));
  let runs = 0;

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  /** The bundled Action, run as the runner runs a step on a push, with the job's tokens in its environment. */
  async function runAction(inputs: Record<string, string>, helmPath: string) {
    const step = join(runnerTemp, `step-${++runs}`);
    mkdirSync(step);
    const event = join(step, 'event.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', before: base, after: head }));
    writeFileSync(join(step, 'output'), '');
    writeFileSync(join(step, 'summary.md'), '');
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)),
    );
    const env = {
      ...inherited,
      ...CANARIES,
      PATH: [git.dir, process.env.PATH].join(delimiter),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/charts',
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: join(step, 'output'),
      GITHUB_STEP_SUMMARY: join(step, 'summary.md'),
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: step,
      INPUT_COMMENT: 'never',
      INPUT_MODE: 'review',
      INPUT_LINT: 'false',
      'INPUT_WORKING-DIRECTORY': '.',
      'INPUT_FAIL-ON': 'error',
      INPUT_HELM: helmPath,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    };
    const before = git.invocations().length;
    const child = spawn(process.execPath, [join(cli.path, '..', 'index.js')], { cwd: repo.dir, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, output, report: join(step, 'chart-guard-report.json'), gitCalls: git.invocations().slice(before) };
  }

  it.each([
    ['base-ref', `--upload-pack=touch ${outside}/pwned;true`],
    ['head-ref', `--upload-pack=touch ${outside}/pwned;true`],
    ['base-ref', `--output=${outside}/diff`],
  ])(
    'refuses %s %s before git sees it: the step fails naming the input, nothing runs',
    async (input, ref) => {
      const run = await runAction({ [input]: ref }, HELM_BINARIES.v4);
      // like every input the Action refuses, through core.setFailed (exit 1), as one ::error:: line
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        `::error::chart-guard: ${input} "${ref}" is not a git ref: a ref or commit never starts with "-"`,
      );
      expect(run.output).not.toMatch(STACK_FRAME);
      expect(run.gitCalls.filter((call) => call.argv.some((arg) => arg.includes(ref)))).toEqual([]);
      expect(readdirSync(outside)).toEqual([]);
      expectNoCanary(run.output);
    },
    60_000,
  );

  it.each(Object.entries(HELM_BINARIES))(
    'fetches a base-ref the checkout lacks with the ref after --end-of-options, and reviews it (helm %s)',
    async (_label, helmPath) => {
      const helm = loggedHelm(helmPath);
      const run = await runAction({ 'base-ref': 'release-1' }, helm.path);
      expect(run.output).toContain('release-1 is not in the checkout; fetching it from origin');
      const fetches = run.gitCalls.filter((call) => call.argv[0] === 'fetch');
      expect(fetches.map((call) => call.argv)).toEqual([
        ['fetch', '--no-tags', '--end-of-options', 'origin', 'release-1'],
      ]);
      expect([0, 1]).toContain(run.code);
      const report = JSON.parse(readFileSync(run.report, 'utf8'));
      expect(report.charts.map((c: { name: string; from: string; to: string }) => [c.name, c.from, c.to])).toEqual([
        ['app', '1.0.0', '1.1.0'],
      ]);
      // the Action's own token never reaches git or helm
      const children: ToolInvocation[] = [...run.gitCalls, ...helm.invocations()];
      expect(children.length).toBeGreaterThan(3);
      for (const call of children) expectNoCanary(Object.values(call.env).join('\n'));
      expectNoCanary(run.output);
      expect(readdirSync(outside)).toEqual([]);
    },
    120_000,
  );
});

describe('every git command that takes a ref or a sha', () => {
  it('reads an option-like ref as a ref that does not exist (defence behind the input checks)', async () => {
    const ref = `--output=${outside}/diff`;
    await expect(openSnapshot(repo.dir, ref)).rejects.toThrow(RefError);
    await expect(openSnapshot(repo.dir, ref)).rejects.toThrow(`git ref "${ref}" is not a commit`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('puts refs and shas after --end-of-options in a whole review', () => {
    const run = cliRun(['review', '--base', base, '--head', head, '--helm', HELM_BINARIES.v3]);
    expect([0, 1]).toContain(run.status);
    const shas = new Set([base, head]);
    const withRefs = run.gitCalls.filter((call) => call.argv.some((arg) => shas.has(arg) || arg.includes('^{commit}')));
    expect(withRefs.map((call) => call.argv[0])).toEqual(expect.arrayContaining(['diff', 'ls-tree', 'rev-parse']));
    for (const { argv } of withRefs) {
      const first = argv.findIndex((arg) => shas.has(arg) || arg.includes('^{commit}'));
      expect(argv.indexOf('--end-of-options')).toBeGreaterThan(0);
      expect(argv.indexOf('--end-of-options')).toBeLessThan(first);
    }
    // git's own check of the version that knows --end-of-options (2.24)
    const [major, minor] = execFileSync('git', ['--version'], { encoding: 'utf8' })
      .match(/(\d+)\.(\d+)/)!
      .slice(1)
      .map(Number);
    expect(major > 2 || (major === 2 && minor >= 24)).toBe(true);
  });
});
