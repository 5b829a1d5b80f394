// A GitHub runner reads every line a step prints and obeys the ones that are workflow commands: "::add-mask::x"
// hides a value from the log, "::stop-commands::tok" silences every command after it (our annotations included),
// "::warning file=…::" forges an annotation, and "##[cmd]" anywhere in a line is the older form of the same. A pull
// request chooses chart names, override keys, file names and README text, and chart-guard prints them: the built CLI
// and the bundled Action must print none of them as a command, and still report the findings that name them.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { chartsLockfile } from '../support/lockfile.js';

const APP = join(PROJECT_DIR, 'test/fixtures/hardening/app');
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'cg-commands-bundle-'));
// a chart name is also a folder and a file name (values/{chart}.yaml)
const HOSTILE_CHART = '::add-mask::chart##[add-mask]legacy';
const TOKEN = 'ghs_workflowcommandstoken';

// Each key is a command at the start of a line of its own once printed as it is (a line break inside a key is YAML).
const HOSTILE_OVERRIDES = `greeting: hi
"::add-mask::overridekey": 1
"k\\n::stop-commands::tok": 2
"w\\r::warning::forged-by-key": 3
`;

const README = `# app

## Upgrading

### To 2.0.0

::add-mask::readme
  ::stop-commands::readmetok
\`\`\`
::warning::forged-by-readme
`;

/** The commands chart-guard prints on purpose: its annotations (with a title), its failure, its debug lines. */
const OWN_COMMAND =
  /^::(?:(?:error|warning|notice) title=[^:]*(?:,file=[^:,]*)?(?:,line=\d+)?::|error::chart-guard: |warning::chart-guard|debug::)/;

/** Lines the runner would take for a workflow command: "::" after leading whitespace, or "##[" anywhere. */
function commandLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

interface Run {
  code: number | null;
  stdout: string;
  /** stdout and stderr as the runner reads them: both are the step's log. */
  output: string;
}

async function spawnRun(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, args, { cwd, env });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString('utf8');
    stdout += d.toString('utf8');
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, output };
}

describe('text from the pull request never becomes a workflow command', () => {
  const repo = new TestRepo('cg-commands-');
  // HOME and TMPDIR of every run: what chart-guard leaves there is checked, and nothing outside them may change
  const sandbox = mkdtempSync(join(tmpdir(), 'cg-commands-sandbox-'));
  let base = '';
  let head = '';

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUNDLE_DIR], { cwd: PROJECT_DIR, stdio: 'pipe' });
    const charts = (version: string) => [
      { name: 'app', version },
      { name: HOSTILE_CHART, version },
    ];
    repo
      .write('helm-freeze.yaml', chartsLockfile(charts('1.0.0')))
      .copy(APP, 'charts/app')
      .copy(APP, `charts/${HOSTILE_CHART}`)
      .write('values/app.yaml', 'greeting: hi\n')
      .write(`values/${HOSTILE_CHART}.yaml`, 'greeting: hi\n');
    base = repo.commit('base');
    repo
      .write('helm-freeze.yaml', chartsLockfile(charts('2.0.0')))
      .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 2.0.0\n')
      .write(`charts/${HOSTILE_CHART}/Chart.yaml`, 'apiVersion: v2\nname: app\nversion: 2.0.0\n')
      .write('charts/app/README.md', README)
      .write('values/app.yaml', HOSTILE_OVERRIDES)
      .write(`values/${HOSTILE_CHART}.yaml`, 'greeting: hi\n"::warning file=x::forged-by-file": 1\n');
    head = repo.commit('bump, with hostile names');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(sandbox, { recursive: true, force: true });
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  /** A clean environment: none of the test's own GitHub variables, a HOME and TMPDIR of the run's own. */
  function environment(name: string): NodeJS.ProcessEnv {
    const home = join(sandbox, name, 'home');
    const temp = join(sandbox, name, 'tmp');
    mkdirSync(home, { recursive: true });
    mkdirSync(temp, { recursive: true });
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|NO_COLOR|FORCE_COLOR|CHART_GUARD_)/.test(key),
      ),
    );
    return { ...inherited, HOME: home, TMPDIR: temp };
  }

  /** The bundled Action as the runner starts it: INPUT_* variables, an event file, GITHUB_OUTPUT, a step folder. */
  async function runAction(stepDir: string, inputs: Record<string, string>): Promise<Run> {
    const env = environment(stepDir.slice(sandbox.length + 1));
    const event = join(stepDir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 7,
        pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'bump' } },
        repository: { name: 'charts', owner: { login: 'acme' } },
      }),
    );
    writeFileSync(join(stepDir, 'output'), '');
    writeFileSync(join(stepDir, 'summary.md'), '');
    return spawnRun([join(BUNDLE_DIR, 'index.js')], repo.dir, {
      ...env,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/charts',
      GITHUB_OUTPUT: join(stepDir, 'output'),
      GITHUB_STEP_SUMMARY: join(stepDir, 'summary.md'),
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: stepDir,
      RUNNER_DEBUG: '1',
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_COMMENT: 'never',
      'INPUT_FAIL-ON': 'error',
      ...inputs,
    });
  }

  for (const [version, helm] of Object.entries(HELM_BINARIES)) {
    describe(`with helm ${version}`, () => {
      const cli: Record<string, Run> = {};
      let action: Run;
      let actionReport: Report;
      let actionDir = '';

      beforeAll(async () => {
        for (const format of ['text', 'markdown', 'json']) {
          cli[format] = await spawnRun(
            [
              join(BUNDLE_DIR, 'cli.js'),
              'review',
              '--base',
              base,
              '--head',
              head,
              '--values',
              'values/{chart}.yaml',
              '--helm',
              helm,
              '--format',
              format,
              '--verbose',
            ],
            repo.dir,
            environment(`cli-${version}-${format}`),
          );
        }

        actionDir = join(sandbox, `action-${version}`);
        action = await runAction(actionDir, {
          PATH: [dirname(helm), process.env.PATH].join(delimiter),
          INPUT_MODE: 'review',
          INPUT_VALUES: 'values/{chart}.yaml',
          INPUT_HELM: helm,
        });
        actionReport = JSON.parse(readFileSync(join(actionDir, 'chart-guard-report.json'), 'utf8'));
      });

      it('prints no line of the CLI as a workflow command, in any format', () => {
        for (const [format, run] of Object.entries(cli)) {
          expect(commandLines(run.output), `${format}:\n${run.output}`).toEqual([]);
        }
      });

      it('still reports the findings that name the hostile keys, and fails the run for the errors', () => {
        for (const run of Object.values(cli)) expect(run.code, run.output).toBe(1);
        const text = cli.text.output;
        expect(text).toContain('add-mask::overridekey');
        expect(text).toContain('stop-commands::tok');
        expect(text).toContain('add-mask]legacy');
        const json = JSON.parse(cli.json.stdout) as Report;
        const keys = json.charts.flatMap((c) => c.findings.map((f) => f.path)).filter(Boolean);
        expect(keys).toEqual(
          expect.arrayContaining([
            '::add-mask::overridekey',
            'k\n::stop-commands::tok',
            '::warning file=x::forged-by-file',
          ]),
        );
      });

      it('keeps a value with a line break on its own line in the text format', () => {
        const line = cli.text.output.split('\n').find((l) => l.includes('stop-commands::tok'));
        expect(line).toMatch(/`k ::stop-commands::tok`/);
      });

      it('prints only its own commands from the Action, each one line with its data escaped', () => {
        expect(action.code, action.output).toBe(1);
        const commands = commandLines(action.output);
        expect(
          commands.filter((line) => !OWN_COMMAND.test(line)),
          action.output,
        ).toEqual([]);
        // the annotations are there, naming the hostile key with its line break escaped as @actions/core does
        expect(commands).toContainEqual(
          expect.stringMatching(/^::warning title=override-key-unknown.*::.*k%0A::stop-commands::tok/),
        );
        expect(commands).toContainEqual(
          expect.stringMatching(/^::warning title=override-key-unknown.*::.*w%0A::warning::forged-by-key/),
        );
        // a file name with ":" and "," is a property: escaped too
        expect(commands).toContainEqual(
          expect.stringMatching(
            /^::warning title=[^:]*,file=values\/%3A%3Aadd-mask%3A%3Achart##\[add-mask\]legacy\.yaml,line=2::/,
          ),
        );
      });

      it('writes the report the comment is built from, with every hostile finding', () => {
        const paths = actionReport.charts.flatMap((c) => c.findings.map((f) => f.path));
        expect(paths).toEqual(expect.arrayContaining(['::add-mask::overridekey', '::warning file=x::forged-by-file']));
      });

      it('reads no token into its output and leaves nothing in HOME, its temp folder or outside the step folder', () => {
        for (const run of [...Object.values(cli), action]) expect(run.output).not.toContain(TOKEN);
        for (const name of readdirSync(sandbox).filter((n) => n.endsWith(version) || n.includes(`-${version}-`))) {
          const folder = join(sandbox, name);
          expect(readdirSync(join(folder, 'home')), name).toEqual([]);
          expect(readdirSync(join(folder, 'tmp')), name).toEqual([]);
        }
        expect(readdirSync(actionDir).sort()).toEqual(
          [
            'chart-guard-comment.md',
            'chart-guard-diff.patch',
            'chart-guard-plan', // the runbook's rendered override files (plan-dir)
            'chart-guard-plan.md',
            'chart-guard-report.json',
            'event.json',
            'home',
            'output',
            'summary.md',
            'tmp',
          ].sort(),
        );
        expect(repo.git('status', '--porcelain')).toBe('');
      });
    });
  }

  // SECURITY.md's workflow_run half: the review's report, an untrusted artifact, goes through mode: merge
  describe('the comment half of the fork-safe workflows (SECURITY.md)', () => {
    let posted: Run;
    let tampered: Run;

    beforeAll(async () => {
      const review = join(sandbox, 'action-v4');
      const report = readFileSync(join(review, 'chart-guard-report.json'), 'utf8');
      repo.write('artifact/report.json', report);
      posted = await runAction(join(sandbox, 'recipe'), {
        INPUT_MODE: 'merge',
        INPUT_REPORTS: 'artifact/report.json',
        'INPUT_FAIL-ON': '',
      });
      const forged = JSON.parse(report) as Report;
      (forged.charts[0].findings[0] as { severity: string }).severity = '<img src=x onerror=alert(1)>';
      repo.write('artifact/report.json', JSON.stringify(forged));
      tampered = await runAction(join(sandbox, 'recipe-tampered'), {
        INPUT_MODE: 'merge',
        INPUT_REPORTS: 'artifact/report.json',
        'INPUT_FAIL-ON': '',
      });
      repo.remove('artifact');
    });

    it('renders from the validated report the comment the review run wrote', () => {
      // the review's own fail-on judges the merged report again: it fails as the review did
      expect(posted.code, posted.output).toBe(1);
      const comment = (step: string) => readFileSync(join(sandbox, step, 'chart-guard-comment.md'), 'utf8');
      expect(comment('recipe')).toBe(comment('action-v4'));
      expect(commandLines(posted.output).filter((line) => !OWN_COMMAND.test(line))).toEqual([]);
    });

    it('refuses a report that is not one, with one line naming the file and field, and writes no comment', () => {
      expect(tampered.code, tampered.output).toBe(1);
      expect(tampered.output).toMatch(
        /^::error::chart-guard: artifact\/report\.json is not a chart-guard JSON report: .*severity/m,
      );
      expect(readdirSync(join(sandbox, 'recipe-tampered'))).not.toContain('chart-guard-comment.md');
      expect(tampered.output).not.toMatch(/^\s+at /m);
    });
  });

  describe('merging shard reports whose file names hold commands (mode: merge)', () => {
    let merged: Run;
    const shards = ['shards/a\n::stop-commands::tok.json', 'shards/b\r::add-mask::x ##[add-mask]y.json'];

    beforeAll(async () => {
      // any JSON will do: the names are printed before the contents are read
      const stepDir = join(sandbox, 'merge');
      for (const file of shards) repo.write(file, '{}');
      merged = await runAction(stepDir, { INPUT_MODE: 'merge', INPUT_REPORTS: 'shards/*.json' });
      for (const file of shards) repo.remove(file);
    });

    it('names the files in its log on one line, as no command, and refuses the reports with a clean error', () => {
      const commands = commandLines(merged.output);
      expect(
        commands.filter((line) => !OWN_COMMAND.test(line)),
        merged.output,
      ).toEqual([]);
      expect(merged.output).toMatch(/^chart-guard: merging 2 report\(s\): shards\/a\\n:\u200B?:stop-commands/m);
      expect(merged.code, merged.output).toBe(1);
      expect(merged.output).toMatch(/^::error::chart-guard: /m);
      expect(merged.output).not.toMatch(/^\s+at /m);
    });
  });
});

describe('the one output boundary of each adapter', () => {
  const sources = readdirSync(join(PROJECT_DIR, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: file.split('\\').join('/'), text: readFileSync(join(PROJECT_DIR, 'src', file), 'utf8') }));

  it('has the Action log only through src/action/log.ts', () => {
    const logging = /\bcore\.(?:info|debug|warning|error|notice|setFailed|startGroup|group)\b/;
    expect(sources.filter((s) => s.file !== 'action/log.ts' && logging.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('has the CLI print only through the streams run() wraps', () => {
    // besides run.ts's processIo: the fixed signal lines of the entry points, and the template worker's protocol
    const allowed = ['cli/run.ts', 'cli/main.ts', 'action/main.ts', 'core/values/template-sandbox-worker.ts'];
    const printing = /\bprocess\.(?:stdout|stderr)\b|\bconsole\.\w+\(/;
    expect(sources.filter((s) => !allowed.includes(s.file) && printing.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
