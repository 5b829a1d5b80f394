// The bundled action (dist/index.js) run the way the runner runs it: INPUT_* variables, an event payload file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at a local fake of the GitHub API.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  allFindings,
  type ChartReport,
  isPreexisting,
  type ObjectDiff,
  type Report,
} from '../../src/core/report/report.js';
import { allRules } from '../../src/core/rules/index.js';
import { verdictLine } from '../../src/format/markdown-overview.js';
import { FakeGitHub } from '../support/fake-github.js';
import { corpusChart, HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
const NODE_EXPORTER = 'prometheus-node-exporter-3.4.0-to-4.0.0';
const MARKER = '<!-- chart-guard: helm-freeze.yaml -->';
const PR_NUMBER = 7;
// The bundle under test is built into a folder of its own: other test files rebuild dist/ at the same time, and a
// spawn must never read a file esbuild is rewriting.
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'cg-action-bundle-'));

const lockfile = (blackbox: string, nodeExporter: string) => `charts:
  - name: prometheus-blackbox-exporter
    version: ${blackbox}
    repo_name: prometheus-community
  - name: prometheus-node-exporter
    version: ${nodeExporter}
    repo_name: prometheus-community
repos:
  - name: prometheus-community
    url: https://prometheus-community.github.io/helm-charts
destinations:
  - name: default
    path: ./charts
`;

// extraEnvFromSecret is gone from the 10.0.0 defaults: Helm would silently ignore it (line 3 here).
const BLACKBOX_OVERRIDES = `# probe credentials come from a Secret
extraEnvFromSecret:
  - blackbox-probe-credentials
`;

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  reportPath: string;
  /** Where the comment body goes by default: chart-guard-comment.md in RUNNER_TEMP. */
  commentPath: string;
}

/** Parses GITHUB_OUTPUT as @actions/core writes it: name<<delimiter / value / delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return outputs;
}

describe('the bundled GitHub Action on a pull request that bumps charts', () => {
  const repo = new TestRepo('cg-action-');
  const runnerTemp = mkdtempSync(join(tmpdir(), 'cg-runner-'));
  const fake = new FakeGitHub();
  let base = '';
  let head = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUNDLE_DIR], { cwd: PROJECT_DIR, stdio: 'pipe' });
    repo
      .write('helm-freeze.yaml', lockfile('9.8.0', '3.4.0'))
      .copy(corpusChart(BLACKBOX, 'old'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'old'), 'charts/prometheus-node-exporter')
      .write('values/prometheus-blackbox-exporter.yaml', BLACKBOX_OVERRIDES);
    base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'bump');
    repo
      .write('helm-freeze.yaml', lockfile('10.0.0', '4.0.0'))
      .copy(corpusChart(BLACKBOX, 'new'), 'charts/prometheus-blackbox-exporter')
      .copy(corpusChart(NODE_EXPORTER, 'new'), 'charts/prometheus-node-exporter');
    head = repo.commit('bump blackbox and node-exporter');
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    repo.cleanup();
    rmSync(runnerTemp, { recursive: true, force: true });
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  let runCount = 0;
  /** Runs `node dist/index.js` with the environment the runner gives a step. */
  async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
    const step = join(runnerTemp, `step-${++runCount}`);
    execFileSync('mkdir', ['-p', step]);
    const files = {
      event: join(step, 'event.json'),
      output: join(step, 'output'),
      summary: join(step, 'summary.md'),
    };
    writeFileSync(
      files.event,
      JSON.stringify({
        action: 'synchronize',
        number: PR_NUMBER,
        pull_request: { number: PR_NUMBER, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'bump' } },
        repository: { name: 'charts', owner: { login: 'acme' } },
      }),
    );
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    // The test's own environment may be a CI job: keep none of its GitHub/runner variables.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)),
    );
    const env: Record<string, string | undefined> = {
      ...inherited,
      PATH: [dirname(HELM_BINARIES.v4), process.env.PATH].join(delimiter),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: 'acme/charts',
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: step,
      // The runner passes every action.yml input, with its default when the workflow does not set it.
      'INPUT_GITHUB-TOKEN': 'ghs_test',
      INPUT_CONFIG: '.github/chart-guard.yaml',
      'INPUT_FAIL-ON': 'error',
      INPUT_COMMENT: 'on-findings',
      INPUT_MODE: 'review',
      INPUT_LINT: 'false',
      'INPUT_WORKING-DIRECTORY': '.',
      INPUT_VALUES: 'values/{chart}.yaml',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      ...extraEnv,
    };
    const child = spawn(process.execPath, [join(BUNDLE_DIR, 'index.js')], { cwd: repo.dir, env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      code,
      stdout,
      outputs: parseOutputs(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      reportPath: join(step, 'chart-guard-report.json'),
      commentPath: join(step, 'chart-guard-comment.md'),
    };
  }

  describe('with a token that may comment', () => {
    let first: ActionRun;
    let second: ActionRun;
    let third: ActionRun;
    beforeAll(async () => {
      // the runner names the action's own repository and ref: SARIF's helpUri points into its README
      first = await runAction(
        { 'fail-on': 'error', 'sarif-path': 'scan/chart-guard.sarif' },
        { GITHUB_ACTION_REPOSITORY: 'acme/chart-guard', GITHUB_ACTION_REF: 'v1' },
      );
      second = await runAction({ 'fail-on': 'never' });
      third = await runAction({ 'fail-on': 'never' });
    });

    it('fails the step when there are errors and fail-on is error', () => {
      expect(first.code, first.stdout).toBe(1);
      expect(first.stdout).toMatch(/^::error::chart-guard: \d+ error\(s\) and \d+ warning\(s\) with fail-on: error/m);
    });

    it('passes the step with fail-on: never, still reporting the findings', () => {
      expect(second.code, second.stdout).toBe(0);
      expect(second.outputs.verdict).toBe('warn');
    });

    it('sets every output', () => {
      expect(first.outputs).toMatchObject({
        verdict: 'fail',
        'needs-reinstall': 'true',
        'report-path': first.reportPath,
        'comment-path': first.commentPath,
        'sarif-path': join(repo.dir, 'scan/chart-guard.sarif'),
        'comment-url': expect.stringMatching(/^https:\/\/github\.com\/acme\/charts\/pull\/7#issuecomment-\d+$/),
      });
      expect(Number(first.outputs.errors)).toBeGreaterThanOrEqual(2);
      expect(first.outputs['plan-path']).toBe(join(dirname(first.reportPath), 'chart-guard-plan.md'));
      expect(Number(first.outputs.notices)).toBeGreaterThanOrEqual(1);
      // each count is the report's: its open findings of that severity that the change introduced, counted here
      const report = JSON.parse(readFileSync(first.reportPath, 'utf8')) as Report;
      const counted = allFindings(report).filter((f) => !f.accepted && !isPreexisting(f));
      for (const severity of ['error', 'warning', 'notice'] as const) {
        expect(first.outputs[`${severity}s`], severity).toBe(
          String(counted.filter((f) => f.severity === severity).length),
        );
      }
    });

    it('writes the upgrade runbook next to the JSON report, from the same upgradeActions', () => {
      const report = JSON.parse(readFileSync(first.reportPath, 'utf8'));
      const plan = readFileSync(first.outputs['plan-path'], 'utf8');
      for (const chart of report.charts) {
        for (const actions of chart.upgradeActions) expect(plan).toContain(actions.upgrade);
      }
      expect(plan).toMatch(/^# Upgrade runbook\n/);
    });

    it('writes the JSON report (schemaVersion 1) for the reviewed commits', () => {
      const report = JSON.parse(readFileSync(first.reportPath, 'utf8'));
      expect(report).toMatchObject({
        schemaVersion: 1,
        verdict: 'fail',
        base: { ref: 'main', sha: base },
        head: { ref: 'bump', sha: head },
        lockfile: 'helm-freeze.yaml',
      });
      expect(report.charts.map((c: { name: string; change: string }) => `${c.name} ${c.change}`).sort()).toEqual([
        'prometheus-blackbox-exporter bumped',
        'prometheus-node-exporter bumped',
      ]);
      expect(report.summary.errors).toBe(Number(first.outputs.errors));
    });

    it('writes the comment body to comment-path, exactly as posted', () => {
      const posted = (fake.requests.filter((r) => r.method === 'POST')[0].body as { body: string }).body;
      expect(readFileSync(first.outputs['comment-path'], 'utf8')).toBe(posted);
      expect(posted.startsWith(MARKER)).toBe(true);
    });

    it('writes SARIF 2.1.0 to sarif-path, relative to the workspace, with the rules described', () => {
      const sarif = JSON.parse(readFileSync(join(repo.dir, 'scan/chart-guard.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      const [run] = sarif.runs;
      expect(run.results.length).toBe(
        Number(first.outputs.errors) + Number(first.outputs.warnings) + Number(first.outputs.notices),
      );
      expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toContain('override-key-removed');
      const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'override-key-removed');
      expect(rule.shortDescription.text).toBe(allRules.find((r) => r.id === 'override-key-removed')?.description);
      expect(rule.helpUri).toBe('https://github.com/acme/chart-guard/blob/v1/README.md#rule-override-key-removed');
      expect(run.automationDetails).toEqual({ id: 'chart-guard/', description: { text: 'No Kubernetes version set' } });
    });

    it('writes the full rendered diff to diff-path, next to the JSON report, and into the job summary', () => {
      expect(first.outputs['diff-path']).toBe(join(dirname(first.reportPath), 'chart-guard-diff.patch'));
      const diff = readFileSync(first.outputs['diff-path'], 'utf8');
      const report = JSON.parse(readFileSync(first.reportPath, 'utf8'));
      const patches = report.charts.flatMap((c: ChartReport) => (c.renderedDiff ?? []).flatMap((d) => d.objects));
      // node-exporter 3 -> 4 changes its DaemonSet (the selector among others)
      expect(patches.map((o: ObjectDiff) => `${o.resource.kind} ${o.change}`)).toContain('DaemonSet changed');
      for (const object of patches as ObjectDiff[]) {
        expect(diff).toContain(object.patch.trimEnd());
        expect(first.summary).toContain(object.patch.split('\n')[0]);
      }
    });

    it('writes no SARIF file when sarif-path is not set', () => {
      expect(second.outputs['sarif-path']).toBeUndefined();
      expect(second.outputs['comment-path']).toBe(second.commentPath);
    });

    it('writes the job summary', () => {
      expect(first.summary).toContain('prometheus-blackbox-exporter');
      expect(first.summary).toContain('extraEnvFromSecret');
    });

    it('annotates the override file line whose key the new chart dropped', () => {
      expect(first.stdout).toMatch(
        /^::error [^:]*file=values\/prometheus-blackbox-exporter\.yaml,line=2[^:]*::.*extraEnvFromSecret/m,
      );
    });

    it('creates one sticky comment with the marker and the verdict', () => {
      const created = fake.requests.filter((r) => r.method === 'POST');
      expect(created).toHaveLength(1);
      expect(created[0].path).toBe(`/repos/acme/charts/issues/${PR_NUMBER}/comments`);
      const body = (created[0].body as { body: string }).body;
      expect(body.startsWith(MARKER)).toBe(true);
      expect(body).toContain(verdictLine(JSON.parse(readFileSync(first.reportPath, 'utf8'))));
      expect(body).toContain('extraEnvFromSecret');
    });

    it('updates the same comment in place on the next run', () => {
      const writes = fake.writes();
      expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH']);
      expect(writes[1].path).toBe(`/repos/acme/charts/issues/comments/${fake.comments[0].id}`);
      expect(fake.comments).toHaveLength(1);
      // fail-on: never turned the verdict from fail to warn, and the comment says so.
      expect(fake.comments[0].body).toContain(verdictLine(JSON.parse(readFileSync(second.reportPath, 'utf8'))));
      expect(fake.comments[0].body).not.toBe((writes[0].body as { body: string }).body);
      expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    });

    it('leaves the comment alone when the body has not changed', () => {
      expect(fake.writes()).toHaveLength(2);
      expect(third.outputs['comment-url']).toBe(first.outputs['comment-url']);
      expect(third.stdout).toContain('comment unchanged');
    });
  });

  describe('with a read-only token (a fork pull request)', () => {
    let run: ActionRun;
    beforeAll(async () => {
      fake.reset();
      fake.denyWrites = true;
      run = await runAction({ 'fail-on': 'error' });
      fake.denyWrites = false;
    });

    it('warns exactly once, with the permissions fix', () => {
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('pull-requests: write');
      expect(warnings[0]).toContain('two-workflow recipe');
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    });

    it('still writes the summary, the outputs and the JSON report', () => {
      expect(run.summary).toContain('prometheus-blackbox-exporter');
      expect(run.outputs).toMatchObject({
        verdict: 'fail',
        'report-path': run.reportPath,
        'comment-path': run.commentPath,
      });
      expect(run.outputs['comment-url']).toBeUndefined();
      expect(JSON.parse(readFileSync(run.reportPath, 'utf8')).schemaVersion).toBe(1);
      expect(run.code).toBe(1);
    });

    it('leaves the comment body it could not post in comment-path, for the workflow_run half of the fork recipe', () => {
      const denied = (fake.requests.filter((r) => r.method === 'POST')[0].body as { body: string }).body;
      expect(readFileSync(run.commentPath, 'utf8')).toBe(denied);
    });
  });

  describe('when the GitHub API misbehaves', () => {
    // The real policy (3 tries, 60 s in all, 30 s per try, Retry-After honoured) with every duration times 0.01.
    const fast = { CHART_GUARD_API_TIME_SCALE: '0.01' };
    const warningsOf = (run: ActionRun) => run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    let retried: ActionRun;
    let unanswered: ActionRun;
    let retriedRequests: string[];
    beforeAll(async () => {
      fake.reset();
      fake.fail({ status: 429, headers: { 'retry-after': '2' } }, { status: 502 });
      retried = await runAction({ 'fail-on': 'error' }, fast);
      retriedRequests = fake.requests.map((r) => r.method);
      fake.reset();
      fake.fail('hang', 'hang', 'hang');
      unanswered = await runAction({ 'fail-on': 'never' }, fast);
    });

    it('retries a 429 (after its Retry-After) and a 502, then posts the comment without a warning', () => {
      expect(retriedRequests).toEqual(['GET', 'GET', 'GET', 'POST']);
      expect(retried.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
      expect(warningsOf(retried)).toEqual([]);
      expect(retried.code).toBe(1); // the verdict (fail-on: error), not the API, decides
    });

    it('gives up on a GitHub that never answers within the budget, warning once and keeping everything else', () => {
      expect(fake.requests).toHaveLength(2);
      const warnings = warningsOf(unanswered);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /GitHub did not answer within the 0\.6 s chart-guard gives the comment \(2 tries\)\. The job summary, outputs/,
      );
      expect(unanswered.summary).toContain('prometheus-blackbox-exporter');
      expect(unanswered.outputs).toMatchObject({ verdict: 'warn', 'report-path': unanswered.reportPath });
      expect(unanswered.outputs['comment-url']).toBeUndefined();
      expect(JSON.parse(readFileSync(unanswered.reportPath, 'utf8')).verdict).toBe('warn');
      expect(unanswered.stdout).not.toMatch(/^\s+at /m);
      expect(unanswered.code).toBe(0);
    });
  });

  describe('in lint mode', () => {
    it('checks the head alone: no base is needed, a bad base-ref is not even read', async () => {
      fake.reset();
      const run = await runAction({ mode: 'lint', 'fail-on': 'never', 'base-ref': 'no-such-branch' });
      expect(run.code, run.stdout).toBe(0);
      const report = JSON.parse(readFileSync(run.reportPath, 'utf8'));
      expect(report).toMatchObject({ schemaVersion: 1, mode: 'lint', base: null, head: { sha: head } });
      expect(report.charts.map((c: { name: string; change: string }) => `${c.name} ${c.change}`).sort()).toEqual([
        'prometheus-blackbox-exporter unchanged',
        'prometheus-node-exporter unchanged',
      ]);
      expect(run.outputs.verdict).toBe(report.verdict);
    });
  });

  describe('sharded (shard: i/2), then merged (mode: merge)', () => {
    let whole: ActionRun;
    let merged: ActionRun;
    let denied: ActionRun;
    let mergedRequests: typeof fake.requests = [];
    const withoutStats = (path: string) => {
      const { stats: _, ...report } = JSON.parse(readFileSync(path, 'utf8'));
      return report;
    };
    beforeAll(async () => {
      fake.reset();
      whole = await runAction({ comment: 'never' });
      for (const index of [1, 2]) {
        await runAction({
          shard: `${index}/2`,
          comment: 'never',
          'report-path': `reports/shard-${index}.json`,
        });
        expect(JSON.parse(readFileSync(join(repo.dir, `reports/shard-${index}.json`), 'utf8')).shard).toMatchObject({
          index,
          count: 2,
        });
      }
      merged = await runAction({ mode: 'merge', reports: 'reports/*.json' });
      mergedRequests = fake.requests.filter((r) => r.method === 'POST');
      // a fork's token: the comment cannot be created
      fake.reset();
      fake.denyWrites = true;
      denied = await runAction({ mode: 'merge', reports: 'reports/shard-*.json' });
      fake.denyWrites = false;
    });

    it('writes the report of the unsharded review, and sets the same outputs', () => {
      expect(merged.code, merged.stdout).toBe(1);
      expect(withoutStats(merged.reportPath)).toEqual(withoutStats(whole.reportPath));
      for (const output of ['verdict', 'errors', 'warnings', 'notices', 'needs-reinstall']) {
        expect(merged.outputs[output]).toBe(whole.outputs[output]);
      }
      expect(merged.stdout).toContain('chart-guard: merging 2 report(s): reports/shard-1.json, reports/shard-2.json');
    });

    it('posts the one comment and job summary the unsharded review would', () => {
      const posted = mergedRequests;
      expect(posted).toHaveLength(1);
      expect((posted[0].body as { body: string }).body).toBe(readFileSync(whole.commentPath, 'utf8'));
      expect(merged.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
      expect(merged.summary).toBe(whole.summary);
    });

    it('still writes the job summary and the JSON report when the comment cannot be posted', () => {
      expect(denied.summary).toBe(whole.summary);
      expect(withoutStats(denied.reportPath)).toEqual(withoutStats(whole.reportPath));
      expect(denied.outputs['comment-url']).toBeUndefined();
      expect(denied.code).toBe(1);
    });

    it('fails with one line when the glob matches nothing, or a shard is missing', async () => {
      const none = await runAction({ mode: 'merge', reports: 'nowhere/*.json' });
      expect(none.code).toBe(1);
      expect(none.stdout.trim()).toBe(
        `::error::chart-guard: input reports: nowhere/*.json matches no file in ${repo.dir}`,
      );
      const missing = await runAction({ mode: 'merge', reports: 'reports/shard-2.json' });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(
        /^::error::chart-guard: shard 1 of 2 is missing: the merged report would not cover the whole run$/m,
      );
    });
  });

  describe('when it cannot start', () => {
    beforeEach(() => fake.reset());

    it('fails with one line naming the bad input, before touching git', async () => {
      const run = await runAction({ 'fail-on': 'sometimes' });
      expect(run.code).toBe(1);
      expect(run.stdout.trim()).toBe(
        '::error::chart-guard: input fail-on is "sometimes"; expected one of: error, warning, never',
      );
    });

    it('fails with one line naming the path when the helm input is not helm', async () => {
      const notHelm = join(repo.dir, 'helm-freeze.yaml');
      const run = await runAction({ helm: notHelm });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`^::error::chart-guard: helm ${notHelm.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `, 'm'),
      );
      expect(run.stdout).not.toMatch(/^\s+at /m);
      expect(fake.requests).toEqual([]);
    });

    it('fails with one line giving the reason when helm is not on PATH and rendering is on', async () => {
      // git stays reachable; helm is on none of these (issue 19 §3: missing helm must not pass with a warning)
      const noHelm = dirname(process.execPath) === '/usr/bin' ? '/bin' : '/usr/bin:/bin';
      const run = await runAction({}, { PATH: noHelm });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^::error::chart-guard: helm was not found on PATH: install helm 3 or 4, or pass --helm PATH \(the helm input in the Action\)/m,
      );
      expect(run.stdout).not.toMatch(/^\s+at /m);
      expect(run.outputs.verdict).toBeUndefined();
    });

    it('fails with one line and no stack trace when the base cannot be found', async () => {
      const run = await runAction({ 'base-ref': 'no-such-branch' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error::chart-guard: base-ref "no-such-branch" is not a commit .*fetch-depth: 0/m);
      expect(run.stdout).not.toMatch(/^\s+at /m);
      expect(existsSync(run.reportPath)).toBe(false);
      expect(fake.requests).toEqual([]);
    });
  });
});
