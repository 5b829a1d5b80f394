// Attack: a pull request accepts its own blocking findings by adding entries to the acceptances file, with no second
// person involved. An entry the change adds or renews counts only once someone other than the author (one of the
// base policy's approvers, when it names any) approved the change on a commit at or after the acceptances file's
// last change; until then its findings block, marked `awaitingApproval` (src/core/acceptances/acceptance-approval.ts).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAcceptancesJudge, pullRequestOf, standingApprovals } from '../../src/action/approvals.js';
import type { ApprovalEvidence, NewAcceptances } from '../../src/core/acceptances/acceptance-approval.js';
import { type AcceptanceEntry, acceptFindings } from '../../src/core/acceptances/acceptances.js';
import { parseConfig } from '../../src/core/config/config.js';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { allFindings, type Finding, type Report } from '../../src/core/report/report.js';
import { renderJson } from '../../src/format/json.js';
import { renderComment } from '../../src/format/markdown.js';
import { renderText } from '../../src/format/text.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { FakeGitHub } from '../support/fake-github.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/acceptances');
const TODAY = new Date('2026-06-01T09:00:00Z');
const ACCEPTED = '.github/chart-guard-accepted.yaml';
const CONFIG = '.github/chart-guard.yaml';
const BASE_CONFIG = 'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.31"\n';
// far ahead of the real date too: the CLI and the Action judge expiry on today
const EXPIRES = '2099-01-31';

const entries = (reason: string) => `- rule: override-key-removed
  chart: db
  key: master.persistence.size
  reason: ${reason}
  expires: ${EXPIRES}
- rule: immutable-field-changed
  chart: db
  resource: Deployment/db-db
  reason: ${reason}
  expires: ${EXPIRES}
`;
const BLOCKING = ['override-key-removed', 'immutable-field-changed'];

const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

interface History {
  repo: TestRepo;
  base: string;
  /** Bumps db and adds the entries. */
  added: string;
  /** Renews the entries (a new reason): the acceptances file's last change. */
  renewed: string;
  /** Touches only an unrelated file: the head. */
  head: string;
}

/**
 * base: db 1.0.0 (with `baseFiles`); then three commits of the pull request: the bump with its entries, a renewal
 * of the entries, an unrelated edit. `maxDays` is raised on the base so the far expiry is valid.
 */
function history(baseFiles: Record<string, string> = {}, headFiles: Record<string, string> = {}): History {
  const repo = new TestRepo('cg-self-accept-');
  repos.push(repo);
  for (const entry of readdirSync(join(FIXTURE, 'repo'))) repo.copy(join(FIXTURE, 'repo', entry), entry);
  repo.copy(join(FIXTURE, 'base/db'), 'charts/db');
  repo.write(CONFIG, `${BASE_CONFIG}acceptanceMaxDays: 40000\n`);
  for (const [path, text] of Object.entries(baseFiles)) repo.write(path, text);
  const base = repo.commit('base');
  repo.copy(join(FIXTURE, 'head/db'), 'charts/db');
  const lockfile = repo.git('show', 'HEAD:helm-freeze.yaml').replace('version: 1.0.0', 'version: 2.0.0');
  repo.write('helm-freeze.yaml', `${lockfile}\n`);
  repo.write(ACCEPTED, entries('the deploy code handles it'));
  for (const [path, text] of Object.entries(headFiles)) repo.write(path, text);
  const added = repo.commit('bump db, accept its findings');
  repo.write(ACCEPTED, entries('the deploy code handles it (PLAT-42)'));
  const renewed = repo.commit('renew the acceptances');
  repo.write('NOTES.md', 'unrelated\n');
  const head = repo.commit('unrelated');
  return { repo, base, added, renewed, head };
}

async function reviewOf(h: History, newAcceptances: NewAcceptances | undefined, helm: string): Promise<Report> {
  return review({
    repoDir: h.repo.dir,
    base: new GitSnapshot(h.repo.dir, 'main~3', h.base),
    head: new GitSnapshot(h.repo.dir, 'main', h.head),
    helm,
    today: TODAY,
    ...(newAcceptances === undefined ? {} : { newAcceptances }),
  });
}

const blocking = (report: Report) => allFindings(report).filter((f) => BLOCKING.includes(f.rule));
const evidence = (approvals: ApprovalEvidence['approvals'], more: Partial<ApprovalEvidence> = {}) => ({
  author: 'alice',
  approvals,
  ...more,
});

/** Both blocking findings still count, each carrying the entry that awaits approval. */
function expectPending(report: Report): void {
  expect(report.verdict).toBe('fail');
  expect(report.summary.errors).toBe(2);
  expect(report.summary.accepted).toBeUndefined();
  for (const finding of blocking(report)) {
    expect(finding.accepted).toBeUndefined();
    expect(finding.awaitingApproval).toMatchObject({ file: ACCEPTED, added: true });
  }
  expect(blocking(report)).toHaveLength(2);
}

function expectAccepted(report: Report): void {
  expect(blocking(report).map((f: Finding) => [f.accepted?.added, f.awaitingApproval])).toEqual([
    [true, undefined],
    [true, undefined],
  ]);
  expect(report.summary.accepted).toBe(2);
  expect(report.verdict).toBe('pass');
}

describe.each(Object.entries(HELM_BINARIES))('core, with helm %s', (_, helm) => {
  let h: History;
  beforeAll(() => {
    h = history();
  });

  it('keeps an added entry pending without approvals: the findings block, marked awaitingApproval', async () => {
    expectPending(await reviewOf(h, 'pending', helm));
    expectPending(await reviewOf(h, evidence([]), helm));
  });

  it('accepts once someone other than the author approved the head', async () => {
    expectAccepted(await reviewOf(h, evidence([{ by: 'bob', commit: h.head }]), helm));
  });

  it("does not count the author's own approval, whatever its case", async () => {
    expectPending(await reviewOf(h, evidence([{ by: 'Alice', commit: h.head }]), helm));
  });

  it("counts an approval on a commit at or after the acceptances file's last change, not before it", async () => {
    expectPending(await reviewOf(h, evidence([{ by: 'bob', commit: h.added }]), helm));
    expectAccepted(await reviewOf(h, evidence([{ by: 'bob', commit: h.renewed }]), helm));
    // a commit that is not in the change (a force-pushed one, or the base) approves nothing
    expectPending(await reviewOf(h, evidence([{ by: 'bob', commit: h.base }]), helm));
    expectPending(await reviewOf(h, evidence([{ by: 'bob', commit: 'f'.repeat(40) }]), helm));
  });

  it('takes what the adapter finds only when the change adds an entry, and a failure to find it as pending', async () => {
    expectPending(await reviewOf(h, () => Promise.reject(new Error('403')), helm));
    expectAccepted(await reviewOf(h, async () => evidence([{ by: 'bob', commit: h.head }]), helm));
  });
});

describe('core: approvers named by the base policy', () => {
  const helm = HELM_BINARIES.v4;
  const approvers = `${BASE_CONFIG}acceptanceMaxDays: 40000\nacceptances:\n  file: ${ACCEPTED}\n  approvers: [carol, acme/platform]\n`;
  const inTeam = async (user: string, team: string) => team === 'acme/platform' && user === 'dave';

  it('counts only a listed user or a member of a listed team', async () => {
    const h = history({ [CONFIG]: approvers });
    expectPending(await reviewOf(h, evidence([{ by: 'bob', commit: h.head }], { inTeam }), helm));
    expectAccepted(await reviewOf(h, evidence([{ by: 'carol', commit: h.head }], { inTeam }), helm));
    expectAccepted(await reviewOf(h, evidence([{ by: 'dave', commit: h.head }], { inTeam }), helm));
    // a team membership nobody can check (no callback, or it fails) is no membership
    expectPending(await reviewOf(h, evidence([{ by: 'dave', commit: h.head }]), helm));
    const failing = async () => Promise.reject(new Error('403'));
    expectPending(await reviewOf(h, evidence([{ by: 'dave', commit: h.head }], { inTeam: failing }), helm));
  });

  it('takes them from the base only: the head naming its own approver is a policy change, not an approver', async () => {
    const more = approvers.replace('[carol, acme/platform]', '[carol, acme/platform, bob]');
    const h = history({ [CONFIG]: approvers }, { [CONFIG]: more });
    const report = await reviewOf(h, evidence([{ by: 'bob', commit: h.head }], { inTeam }), helm);
    expect(blocking(report).map((f) => [f.accepted, f.awaitingApproval?.added])).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
    expect(
      allFindings(report)
        .filter((f) => f.rule === 'policy-changed')
        .map((f) => [f.severity, f.message]),
    ).toEqual([
      [
        'error',
        expect.stringContaining('acceptances.approvers changes from carol, acme/platform to carol, acme/platform, bob'),
      ],
    ]);
  });

  it('reads a head that names approvers where the base names none as a notice; anyone but the author approves until merged', async () => {
    const h = history({}, { [CONFIG]: approvers });
    const report = await reviewOf(h, evidence([{ by: 'bob', commit: h.head }], { inTeam }), helm);
    expectAccepted(report);
    expect(
      allFindings(report)
        .filter((f) => f.rule === 'policy-changed')
        .map((f) => [f.severity, f.message]),
    ).toEqual([
      [
        'notice',
        expect.stringContaining('acceptances.approvers changes from anyone but the author to carol, acme/platform'),
      ],
    ]);
  });
});

describe('core: an entry unchanged from the base', () => {
  it('accepts without approval', async () => {
    const h = history({ [ACCEPTED]: entries('the deploy code handles it (PLAT-42)') });
    // the renewed file equals the base's: nothing is added
    const report = await review({
      repoDir: h.repo.dir,
      base: new GitSnapshot(h.repo.dir, 'main~3', h.base),
      head: new GitSnapshot(h.repo.dir, 'main', h.head),
      helm: HELM_BINARIES.v4,
      today: TODAY,
      newAcceptances: 'pending',
    });
    expect(blocking(report).map((f) => [f.accepted?.added ?? false, f.awaitingApproval])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    expect(report.verdict).toBe('pass');
  });
});

describe('core: at fleet scale', () => {
  it('judges 500 entries against a base file of 500 over 300 charts of 50 findings in well under a few seconds', () => {
    const entry = (i: number, reason: string): AcceptanceEntry => ({
      rule: 'override-key-removed',
      chart: `c${i % 300}`,
      key: `k${i}`,
      reason,
      expires: EXPIRES,
      source: { file: ACCEPTED, line: i * 5 + 1 },
    });
    // every tenth entry is renewed by the change: it awaits approval
    const head = Array.from({ length: 500 }, (_, i) => entry(i, i % 10 === 0 ? 'renewed' : 'reviewed'));
    const baseEntries = Array.from({ length: 500 }, (_, i) => entry(i, 'reviewed'));
    const charts = Array.from({ length: 300 }, (_, c) =>
      Array.from(
        { length: 50 },
        (_, j): Finding => ({
          rule: 'override-key-removed',
          severity: 'error',
          message: 'gone',
          chart: `c${c}`,
          path: `k${c + j * 300}`,
        }),
      ),
    );
    const started = performance.now();
    const matched = new Map();
    const out = charts.flatMap((findings) =>
      acceptFindings(findings, head, { today: TODAY, baseEntries, trustAdded: false }, matched),
    );
    // judging every entry against every base entry per chart took six minutes here: this guards that blow-up, not
    // speed (about 1-2 s; scripts/bench-acceptances.mjs measures it), so the bound leaves room for a loaded machine
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(out.filter((f) => f.accepted)).toHaveLength(450);
    expect(out.filter((f) => f.awaitingApproval)).toHaveLength(50);
  });
});

describe('formats: a pending finding', () => {
  it('reads "accepted here, awaiting approval" in the comment and the text, and awaitingApproval in the JSON', async () => {
    const h = history();
    const report = await reviewOf(h, 'pending', HELM_BINARIES.v4);
    const comment = renderComment(report, { marker: '<!-- m -->' });
    expect(comment).toContain('2 findings accepted here, awaiting approval');
    expect(renderText(report, { color: false })).toContain(`accepted here, awaiting approval (${ACCEPTED}:1)`);
    const json = JSON.parse(renderJson(report));
    const finding = [...json.findings, ...json.charts.flatMap((c: { findings: unknown[] }) => c.findings)].find(
      (f: Finding) => f.rule === 'override-key-removed',
    );
    expect(finding.awaitingApproval).toEqual({
      reason: 'the deploy code handles it (PLAT-42)',
      expires: EXPIRES,
      file: ACCEPTED,
      line: 1,
      added: true,
    });
    expect(finding.accepted).toBeUndefined();
  });
});

// ---------- the CLI and the Action, as users run them ----------

const BUNDLE = { cli: undefined as BuiltCli | undefined };
/** A folder the review must never write into or read a secret from: the runner's home stands in for it. */
let outside = '';
beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  writeFileSync(join(outside, 'secret-token'), 'ghp_secret_canary');
});
afterAll(() => {
  BUNDLE.cli?.cleanup();
  rmSync(outside, { recursive: true, force: true });
});
function cli(): BuiltCli {
  BUNDLE.cli ??= buildCli();
  return BUNDLE.cli;
}

describe('CLI', () => {
  it('exits 1 with entries the change adds, 0 with --trust-new-acceptances', () => {
    const h = history();
    const args = ['review', '--base', h.base, '--head', h.head, '--helm', HELM_BINARIES.v4, '--format', 'text'];
    // a home holding a secret stands in for the rest of the machine: nothing is written there or shows it
    const run = (more: string[]) => {
      const env = { ...process.env, HOME: outside, GITHUB_TOKEN: 'ghp_secret_canary' };
      const result = spawnSync(process.execPath, [cli().path, ...args, ...more], {
        cwd: h.repo.dir,
        env,
        encoding: 'utf8',
      });
      expect(`${result.stdout}${result.stderr}`).not.toContain('ghp_secret_canary');
      expect(readdirSync(outside)).toEqual(['secret-token']);
      return result;
    };
    const pending = run([]);
    expect(pending.status, pending.stderr).toBe(1);
    expect(pending.stdout).toContain('accepted here, awaiting approval');
    const trusted = run(['--trust-new-acceptances']);
    expect(trusted.status, trusted.stderr).toBe(0);
    expect(trusted.stdout).not.toContain('awaiting approval');
  });
});

describe('Action end to end', () => {
  const PR = 12;
  const fake = new FakeGitHub();
  let h: History;
  let runnerTemp = '';
  beforeAll(async () => {
    cli(); // the build writes index.js next to cli.js
    h = history();
    runnerTemp = mkdtempSync(join(tmpdir(), 'cg-runner-'));
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  let runs = 0;
  /** One step of the workflow: a pull_request_review event on `target`, with these inputs on top of the defaults. */
  async function runAction(target = h, inputs: Record<string, string> = {}, eventName = 'pull_request_review') {
    const step = join(runnerTemp, `step-${++runs}`);
    mkdirSync(step);
    const files = { event: join(step, 'event.json'), output: join(step, 'output'), summary: join(step, 'summary.md') };
    writeFileSync(
      files.event,
      JSON.stringify({
        repository: { name: 'charts', owner: { login: 'acme' } },
        ...(eventName.startsWith('pull_request')
          ? {
              action: 'submitted',
              pull_request: {
                number: PR,
                user: { login: 'alice' },
                base: { sha: target.base, ref: 'main' },
                head: { sha: target.head, ref: 'bump' },
              },
            }
          : {}),
      }),
    );
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)),
    );
    const env = {
      ...inherited,
      HOME: outside,
      PATH: [dirname(HELM_BINARIES.v4), process.env.PATH].join(delimiter),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: 'acme/charts',
      GITHUB_API_URL: fake.url,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: target.repo.dir,
      RUNNER_TEMP: step,
      'INPUT_GITHUB-TOKEN': 'ghs_test_token',
      INPUT_CONFIG: CONFIG,
      INPUT_COMMENT: 'never',
      INPUT_MODE: 'review',
      INPUT_LINT: 'false',
      'INPUT_WORKING-DIRECTORY': '.',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    };
    // the action's own node process, its log (stdout and stderr) kept whole; the fake API answers meanwhile
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(dirname(cli().path), 'index.js')],
        { cwd: target.repo.dir, env },
        (error, out, err) => resolve({ code: error ? Number(error.code) : 0, stdout: `${out}${err}` }),
      ),
    );
    const reportText = readFileSync(join(step, 'chart-guard-report.json'), 'utf8');
    const summary = readFileSync(files.summary, 'utf8');
    // the token reaches the API only: no output shows it, and nothing lands outside the work folders
    for (const text of [stdout, reportText, summary]) {
      expect(text).not.toContain('ghs_test_token');
      expect(text).not.toContain('ghp_secret_canary');
    }
    expect(readdirSync(outside)).toEqual(['secret-token']);
    return { code, stdout, report: JSON.parse(reportText) as Report, summary };
  }
  const reviewRequests = () =>
    fake.requests.filter((r) => r.path === `/repos/acme/charts/pulls/${PR}/reviews` && r.method === 'GET');

  it('keeps the entries pending without an approving review of someone else', async () => {
    fake.reset();
    fake.addReview({ pullNumber: PR, user: 'alice', state: 'APPROVED', commitId: h.head });
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'COMMENTED', commitId: h.head });
    const run = await runAction();
    expect(run.code, run.stdout).toBe(1);
    expectPending(run.report);
    expect(run.summary).toContain('accepted here, awaiting approval');
    expect(reviewRequests()).toHaveLength(1);
  });

  it("accepts them with another person's approval, and not once it is dismissed", async () => {
    fake.reset();
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'APPROVED', commitId: h.head });
    const approved = await runAction();
    expect(approved.code, approved.stdout).toBe(0);
    expectAccepted(approved.report);
    expect(approved.summary).not.toContain('awaiting approval');

    fake.reset();
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'DISMISSED', commitId: h.head });
    const dismissed = await runAction();
    expect(dismissed.code, dismissed.stdout).toBe(1);
    expectPending(dismissed.report);
  });

  it('reads every page of the reviews', async () => {
    fake.reset();
    for (let i = 0; i < 120; i++)
      fake.addReview({ pullNumber: PR, user: `c${i}`, state: 'COMMENTED', commitId: h.head });
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'APPROVED', commitId: h.head });
    const run = await runAction();
    expect(run.code, run.stdout).toBe(0);
    expect(reviewRequests().length).toBe(2);
  });

  it('treats the entries as pending when the reviews API answers 403, warning once; summary and JSON still written', async () => {
    fake.reset();
    fake.denyReviews = true;
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'APPROVED', commitId: h.head });
    const run = await runAction();
    expect(run.code, run.stdout).toBe(1);
    expectPending(run.report);
    expect(run.summary).toContain('accepted here, awaiting approval');
    expect(run.stdout.match(/^::warning::chart-guard could not read the reviews of pull request #12/gm)).toHaveLength(
      1,
    );
  });

  it('reads the reviews once for both halves of review-with-lint', async () => {
    fake.reset();
    fake.addReview({ pullNumber: PR, user: 'bob', state: 'APPROVED', commitId: h.head });
    const run = await runAction(h, { lint: 'true' });
    expect(run.code, run.stdout).toBe(0);
    expectAccepted(run.report);
    expect(reviewRequests()).toHaveLength(1);
  });

  it('asks GitHub whether an approver is in a team the base policy names, and counts only its members', async () => {
    const approvers = `${BASE_CONFIG}acceptanceMaxDays: 40000\nacceptances: { approvers: [acme/platform] }\n`;
    const teamRepo = history({ [CONFIG]: approvers });
    /** A run where `user` alone approved the head, and dave alone is in acme/platform. */
    const approvedBy = (user: string) => {
      fake.reset();
      fake.teams.set('acme/platform', ['dave']);
      fake.addReview({ pullNumber: PR, user, state: 'APPROVED', commitId: teamRepo.head });
      return runAction(teamRepo);
    };
    const outsider = await approvedBy('bob');
    expect(outsider.code, outsider.stdout).toBe(1);
    expectPending(outsider.report);
    expect(fake.requests.map((r) => r.path)).toContain('/orgs/acme/teams/platform/memberships/bob');
    const member = await approvedBy('dave');
    expect(member.code, member.stdout).toBe(0);
    expectAccepted(member.report);
  });

  it('trusts the entries outside a pull request (a merge queue or a push comes after the reviewed pull request)', async () => {
    fake.reset();
    const run = await runAction(h, { 'base-ref': h.base, 'head-ref': h.head }, 'workflow_dispatch');
    expect(run.code, run.stdout).toBe(0);
    expectAccepted(run.report);
    expect(reviewRequests()).toHaveLength(0);
  });
});

describe('the reviews of a pull request, folded as GitHub does', () => {
  const review = (user: string, state: string, at: number, commit = 'c'.repeat(40)) => ({
    user: { login: user },
    state,
    commit_id: commit,
    submitted_at: new Date(Date.UTC(2026, 0, 1, 0, at)).toISOString(),
  });

  it("keeps each reviewer's standing approval: a later comment keeps it, a request for changes or a dismissal ends it", () => {
    expect(
      standingApprovals([
        review('bob', 'APPROVED', 1),
        review('bob', 'COMMENTED', 2),
        review('carol', 'APPROVED', 3),
        review('carol', 'CHANGES_REQUESTED', 4),
        review('dave', 'DISMISSED', 5),
        review('erin', 'CHANGES_REQUESTED', 6),
        review('erin', 'APPROVED', 7, 'e'.repeat(40)),
        { user: { login: 'frank' }, state: 'PENDING', commit_id: 'f'.repeat(40) },
        { user: null, state: 'APPROVED', commit_id: 'a'.repeat(40) },
      ]),
    ).toEqual([
      { by: 'bob', commit: 'c'.repeat(40) },
      { by: 'erin', commit: 'e'.repeat(40) },
    ]);
  });

  it('orders them by submission, whatever order the page gives', () => {
    expect(standingApprovals([review('bob', 'CHANGES_REQUESTED', 9), review('bob', 'APPROVED', 1)])).toEqual([]);
  });

  it('finds the pull request and its author in pull_request events and issue comments on a pull request', () => {
    const repo = { owner: 'acme', repo: 'charts' };
    expect(pullRequestOf(repo, { pull_request: { number: 3, user: { login: 'alice' } } })).toEqual({
      ...repo,
      number: 3,
      author: 'alice',
    });
    expect(pullRequestOf(repo, { issue: { number: 4, pull_request: {}, user: { login: 'alice' } } })).toMatchObject({
      number: 4,
    });
    expect(pullRequestOf(repo, { issue: { number: 5, user: { login: 'alice' } } })).toBeUndefined();
    expect(pullRequestOf(repo, { pull_request: { number: 6 } })).toBeUndefined();
    expect(newAcceptancesJudge(undefined, undefined, () => {})).toBe('trusted');
  });
});

describe('config: acceptances as a path or { file, approvers }', () => {
  const read = (text: string) => parseConfig(text, CONFIG);
  const problems = (text: string) => read(text).problems.map((p) => `${p.line}: ${p.message}`);

  it('keeps the path form, and reads the map form', () => {
    expect(read('acceptances: ./ops/accepted.yaml\n')).toMatchObject({ acceptances: 'ops/accepted.yaml' });
    expect(read('acceptances: ./ops/accepted.yaml\n').acceptanceApprovers).toBeUndefined();
    const config = read('acceptances:\n  file: ops/accepted.yaml\n  approvers: [carol, acme/platform]\n');
    expect(config).toMatchObject({ acceptances: 'ops/accepted.yaml', acceptanceApprovers: ['carol', 'acme/platform'] });
    expect(config.problems).toEqual([]);
    expect(read('acceptances: { approvers: carol }\n')).toMatchObject({
      acceptances: '.github/chart-guard-accepted.yaml',
      acceptanceApprovers: ['carol'],
    });
  });

  it('reports a bad approver, an empty list or an unknown key at its line, and approves with nobody listed then', () => {
    expect(problems('acceptances:\n  approvers: ["--upload-pack=x"]\n')).toEqual([
      '2: acceptances.approvers: "--upload-pack=x" is not a GitHub login or org/team',
    ]);
    expect(problems('acceptances:\n  approvers: []\n')).toEqual([
      expect.stringMatching(/^2: acceptances.approvers (must not be empty|.*fewer than 1)/),
    ]);
    expect(problems('acceptances:\n  approver: [carol]\n')).toEqual([
      expect.stringMatching(/^2: unknown key in acceptances "approver" \(did you mean "approvers"\?/),
    ]);
    expect(read('acceptances:\n  approvers: ["a b"]\n').acceptanceApprovers).toBeUndefined();
  });
});
