// The release gate's acceptances and the base branch's policy, end to end: a real repository bumping the
// test/fixtures/acceptances chart (two blocking findings), reviewed with helm 4.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/pipeline/lint.js';
import { review, reviewWithLint } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import { allFindings, type FailOn, type Finding, type Report } from '../../src/core/report/report.js';
import { renderJson } from '../../src/format/json.js';
import { renderComment } from '../../src/format/markdown.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderText } from '../../src/format/text.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/acceptances');
const TODAY = new Date('2026-06-01T09:00:00Z');
const ACCEPTED = '.github/chart-guard-accepted.yaml';
const CONFIG = '.github/chart-guard.yaml';

const ENTRIES = `- rule: override-key-removed
  chart: db
  key: master.persistence.size
  reason: the deploy code sets primary.persistence.size since PLAT-42
  expires: 2026-07-31
- rule: immutable-field-changed
  chart: db
  resource: Deployment/db-db
  reason: the rollout deletes the Deployment first (runbook step 3)
  expires: 2026-06-01
`;

interface Side {
  /** Files written on top of the fixture's repo/ folder. */
  files?: Record<string, string>;
}

const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** Base: db 1.0.0; head: db 2.0.0. Each side may add or replace files (config, acceptances). */
async function gate(
  base: Side,
  head: Side,
  today = TODAY,
  failOn?: FailOn,
): Promise<{ report: Report; repo: TestRepo }> {
  const repo = new TestRepo('cg-accept-');
  repos.push(repo);
  for (const entry of readdirSync(join(FIXTURE, 'repo'))) repo.copy(join(FIXTURE, 'repo', entry), entry);
  repo.copy(join(FIXTURE, 'base/db'), 'charts/db');
  for (const [path, text] of Object.entries(base.files ?? {})) repo.write(path, text);
  const baseSha = repo.commit('base');
  repo.copy(join(FIXTURE, 'head/db'), 'charts/db');
  const lockfile = repo.git('show', 'HEAD:helm-freeze.yaml').replace('version: 1.0.0', 'version: 2.0.0');
  repo.write('helm-freeze.yaml', `${lockfile}\n`);
  for (const [path, text] of Object.entries(head.files ?? {})) repo.write(path, text);
  const headSha = repo.commit('bump db');
  const report = await review({
    repoDir: repo.dir,
    base: new GitSnapshot(repo.dir, 'main~1', baseSha),
    head: new GitSnapshot(repo.dir, 'main', headSha),
    helm: HELM_BINARIES.v4,
    today,
    failOn,
  });
  return { report, repo };
}

const blocking = (report: Report) =>
  allFindings(report).filter((f) => f.rule === 'override-key-removed' || f.rule === 'immutable-field-changed');
const ofRule = (report: Report, rule: Finding['rule']) => allFindings(report).filter((f) => f.rule === rule);

describe('the fixture without acceptances', () => {
  it('has exactly two blocking findings, and fails', async () => {
    const { report } = await gate({}, {});
    expect(report.verdict).toBe('fail');
    expect(
      allFindings(report)
        .filter((f) => f.severity === 'error')
        .map((f) => [f.rule, f.path ?? f.resource?.name]),
    ).toEqual([
      ['override-key-removed', 'master.persistence.size'],
      ['immutable-field-changed', 'spec.selector.matchLabels'],
    ]);
  });
});

describe('two blocking findings accepted in the pull request', async () => {
  const { report } = await gate({}, { files: { [ACCEPTED]: ENTRIES } });

  it('passes, with both findings kept and marked accepted by their entries', () => {
    expect(report.verdict).toBe('pass');
    expect(blocking(report).map((f) => [f.rule, f.severity, f.accepted])).toEqual([
      [
        'override-key-removed',
        'error',
        {
          reason: 'the deploy code sets primary.persistence.size since PLAT-42',
          expires: '2026-07-31',
          file: ACCEPTED,
          line: 1,
          added: true,
        },
      ],
      [
        'immutable-field-changed',
        'error',
        // an entry applies through its expiry day
        {
          reason: 'the rollout deletes the Deployment first (runbook step 3)',
          expires: '2026-06-01',
          file: ACCEPTED,
          line: 6,
          added: true,
        },
      ],
    ]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, accepted: 2 });
    expect(ofRule(report, 'acceptance-stale')).toEqual([]);
  });

  it('ends the gate with the fleet verdict: nothing blocks, the Deployment still needs the runbook', () => {
    const [cell] = fleetMatrix(report).rows.map((row) => row.cells[0]);
    expect(cell).toEqual({ status: 'needs-reinstall', errors: 0, warnings: 0, accepted: 2 });
    expect(renderText(report, { color: false })).toMatch(
      /fleet verdict\n {4}chart +verdict\n {4}db +needs reinstall \(2 accepted\)\n/,
    );
    const comment = renderComment(report, { marker: 'm' });
    expect(comment).toContain('| db | 🔁 needs reinstall (2 accepted) |');
  });

  it('keeps them in the JSON with the acceptance', () => {
    const json = JSON.parse(renderJson(report));
    const findings = json.charts[0].findings.filter((f: Finding) => f.accepted);
    expect(findings.map((f: Finding) => [f.rule, f.accepted?.line])).toEqual([
      ['override-key-removed', 1],
      ['immutable-field-changed', 6],
    ]);
    expect(json.summary.accepted).toBe(2);
  });

  it('gives them SARIF external suppressions with the reason, and stable fingerprints', () => {
    const sarif = JSON.parse(renderSarif(report));
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId !== 'major-upgrade-notes');
    expect(results.map((r: { suppressions: unknown }) => r.suppressions)).toEqual([
      [
        {
          kind: 'external',
          status: 'accepted',
          justification: `the deploy code sets primary.persistence.size since PLAT-42 (until 2026-07-31, ${ACCEPTED}:1)`,
        },
      ],
      [
        {
          kind: 'external',
          status: 'accepted',
          justification: `the rollout deletes the Deployment first (runbook step 3) (until 2026-06-01, ${ACCEPTED}:6)`,
        },
      ],
    ]);
    for (const result of results) expect(result.partialFingerprints['chartGuardFinding/v2']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('puts them in their own collapsed section of the comment, under "accepted in this pull request"', () => {
    const comment = renderComment(report, { marker: 'test' });
    expect(comment).toMatch(/^### ✅ chart-guard: .*· 2 accepted$/m);
    expect(comment).toContain('| **db** | 1.0.0 → 2.0.0 | major | ℹ️ 1 · 2 accepted | **yes** |');
    const section = comment.slice(comment.indexOf('<details>\n<summary>2 accepted findings'));
    expect(section).toMatch(/^<details>\n<summary>2 accepted findings, 2 accepted in this pull request<\/summary>/);
    const body = section.slice(0, section.indexOf('</details>'));
    expect(body).toContain('**Accepted in this pull request**');
    expect(body).toContain('accepted until 2026-07-31 (`.github/chart-guard-accepted.yaml:1`)');
    expect(body).toContain('(override-key-removed, `values/db.yaml:4` `master.persistence.size`)');
    expect(body).toContain('immutable-field-changed');
    // not listed as blocking
    expect(comment.slice(0, comment.indexOf('<details>'))).not.toContain('override-key-removed');
  });

  it('says so in the terminal', () => {
    const text = renderText(report, { color: false });
    expect(text).toContain('values/db.yaml:4: accepted error:');
    expect(text).toContain('accepted until 2026-07-31 (.github/chart-guard-accepted.yaml:1): the deploy code sets');
    expect(text).toMatch(/chart-guard: ✔ pass · 1 notice, 2 accepted in 1 changed chart\n$/);
  });
});

describe('acceptances that expire, go stale or are written wrong', () => {
  it('an expired entry accepts nothing: the finding fails again, with acceptance-expired at the entry', async () => {
    // the entries were accepted on the base branch; a day after the Deployment's expiry
    const { report } = await gate({ files: { [ACCEPTED]: ENTRIES } }, {}, new Date('2026-06-02T00:00:00Z'));
    expect(report.verdict).toBe('fail');
    expect(blocking(report).map((f) => [f.rule, f.accepted?.added ?? false, f.accepted !== undefined])).toEqual([
      ['override-key-removed', false, true],
      ['immutable-field-changed', false, false],
    ]);
    expect(ofRule(report, 'acceptance-expired').map((f) => [f.severity, f.file, f.line, f.message])).toEqual([
      [
        'warning',
        ACCEPTED,
        6,
        'the acceptance of immutable-field-changed in db, resource Deployment/db-db expired on 2026-06-01: its findings count again',
      ],
    ]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 1, accepted: 1 });
  });

  it('an entry that matches nothing is acceptance-stale, a notice at its line', async () => {
    const stale = `- rule: statefulset-replaced\n  chart: db\n  resource: StatefulSet/db-master\n  reason: old\n  expires: 2026-07-01\n`;
    const { report } = await gate({}, { files: { [ACCEPTED]: ENTRIES + stale } });
    expect(report.verdict).toBe('pass');
    expect(ofRule(report, 'acceptance-stale').map((f) => [f.severity, f.file, f.line])).toEqual([
      ['notice', ACCEPTED, 11],
    ]);
  });

  it('an entry for another environment does not accept a finding of the one implicit environment', async () => {
    const other = ENTRIES.replace(
      '  key: master.persistence.size\n',
      '  key: master.persistence.size\n  environments: [aws]\n',
    );
    const { report } = await gate({}, { files: { [ACCEPTED]: other } });
    expect(report.verdict).toBe('fail');
    expect(ofRule(report, 'override-key-removed')[0].accepted).toBeUndefined();
    expect(ofRule(report, 'acceptance-stale').map((f) => f.line)).toEqual([1]);
  });

  it('entries without a reason or an expiry, with unknown rules or malformed selectors are config-invalid', async () => {
    const broken = [
      '- rule: override-key-removed', //  1
      '  chart: db', //                   2
      '  key: master.persistence.size', // 3
      '  expires: 2026-07-31', //         4
      '- rule: immutable-field-changed', // 5
      '  chart: db', //                   6
      '  resource: db-db', //             7
      '  reason: no kind', //             8
      '  expires: 2026-07-31', //         9
      '- rule: no-such-rule', //          10
      '  reason: typo', //                11
      '  expires: 2026-07-31', //         12
      '- rule: resource-removed', //      13
      '  reason: too long', //            14
      '  expires: 2027-06-01', //         15
      '- rule: policy-changed', //        16
      '  reason: waving itself through', // 17
      '  expires: 2026-07-01', //         18
      '- rule: override-key-removed', //  19
      '  chart: db', //                   20
      '  key: master.persistence.size', // 21
      '  reason: no expiry', //           22
      '',
    ].join('\n');
    const { report } = await gate({}, { files: { [ACCEPTED]: broken } });
    expect(report.verdict).toBe('fail');
    expect(ofRule(report, 'config-invalid').map((f) => [f.file, f.line, f.message])).toEqual([
      [ACCEPTED, 1, 'an acceptance needs a reason: why the finding is safe to ship'],
      [ACCEPTED, 7, 'resource must be Kind/name, like StatefulSet/db-master (got "db-db")'],
      [ACCEPTED, 10, 'unknown rule id "no-such-rule"'],
      [ACCEPTED, 15, 'expires 2027-06-01 is more than 180 days ahead (acceptanceMaxDays): accept for a shorter time'],
      [ACCEPTED, 16, "policy-changed findings cannot be accepted: they are about the review's own policy and files"],
      [ACCEPTED, 19, 'an acceptance needs an expiry (expires: YYYY-MM-DD)'],
    ]);
    // a broken entry accepts nothing
    expect(blocking(report).every((f) => f.accepted === undefined)).toBe(true);
  });
});

describe('environments', () => {
  const config = [
    'values: ["values/{chart}.yaml"]',
    'kubernetesVersion: "1.31"',
    'environments:',
    '  aws: { values: ["envs/aws/{chart}.yaml"] }',
    '  gcp: { values: ["envs/gcp/{chart}.yaml"] }',
    '',
  ].join('\n');
  const files = { [CONFIG]: config, 'envs/aws/db.yaml': '# aws\n', 'envs/gcp/db.yaml': '# gcp\n' };

  it('an entry for some environments accepts the finding there only; it still fails in the others', async () => {
    const aws = ENTRIES.replace(
      '  resource: Deployment/db-db\n',
      '  resource: Deployment/db-db\n  environments: [aws]\n',
    );
    const { report } = await gate({ files }, { files: { [ACCEPTED]: aws } });
    expect(report.verdict).toBe('fail');
    expect(blocking(report).map((f) => [f.rule, f.environments, f.accepted?.line])).toEqual([
      ['override-key-removed', ['aws', 'gcp'], 1],
      ['immutable-field-changed', ['aws'], 6],
      ['immutable-field-changed', ['gcp'], undefined],
    ]);
    expect(report.summary).toMatchObject({ errors: 1, accepted: 2 });
    // the fleet verdict: accepted in aws, blocking in gcp
    const matrix = fleetMatrix(report);
    expect(matrix.environments).toEqual(['aws', 'gcp']);
    expect(matrix.rows[0].cells.map((c) => [c.status, c.errors, c.accepted])).toEqual([
      ['needs-reinstall', 0, 2],
      ['fail', 1, 1],
    ]);
    // the identity names the environments: the gcp part is another alert than the aws part, in its own run
    const sarif = JSON.parse(renderSarif(report));
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      'chart-guard/',
      'chart-guard/aws/',
      'chart-guard/gcp/',
    ]);
    const prints = sarif.runs
      .flatMap((r: { results: unknown[] }) => r.results)
      .filter((r: { ruleId: string }) => r.ruleId === 'immutable-field-changed')
      .map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['chartGuardFinding/v2']);
    expect(new Set(prints).size).toBe(2);
  });
});

describe("the base branch's policy", () => {
  it('a pull request that switches the rules off in its own config still fails, with policy-changed', async () => {
    const config =
      'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.31"\nrules:\n  override-key-removed: off\ncharts:\n  db:\n    rules: { immutable-field-changed: notice }\n';
    const { report } = await gate({}, { files: { [CONFIG]: config } });
    expect(report.verdict).toBe('fail');
    expect(blocking(report).map((f) => [f.rule, f.severity])).toEqual([
      ['override-key-removed', 'error'],
      ['immutable-field-changed', 'error'],
    ]);
    expect(ofRule(report, 'policy-changed').map((f) => [f.severity, f.file, f.line, f.message.split(';')[0]])).toEqual([
      ['error', CONFIG, 4, 'rules.override-key-removed changes from error to off'],
      ['error', CONFIG, 7, 'charts.db.rules.immutable-field-changed changes from error to notice'],
    ]);
  });

  it('weakening switches are errors, strengthening ones notices; failOn in the config is policy too', async () => {
    const base =
      'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.31"\nfailOn: warning\nrender: { proofRenders: 4 }\n';
    const head =
      'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.31"\nfailOn: never\nfreeFormKeys: [persistence]\nrender: { enabled: false, proofRenders: 8 }\nacceptances: ci/accepted.yaml\nrules: { chart-deprecated: error }\n';
    const { report } = await gate(
      { files: { [CONFIG]: base } },
      { files: { [CONFIG]: head, 'ci/accepted.yaml': ENTRIES } },
    );
    expect(ofRule(report, 'policy-changed').map((f) => [f.severity, f.line, f.message.split(';')[0]])).toEqual([
      ['notice', 7, 'rules.chart-deprecated changes from warning to error'],
      ['error', 3, 'failOn changes from warning to never'],
      ['error', 4, 'free-form keys added: persistence'],
      ['error', 5, 'render.enabled changes from true to false'],
      ['notice', 5, 'render.proofRenders changes from 4 to 8'],
      ['error', 6, 'the acceptances file moves from .github/chart-guard-accepted.yaml to ci/accepted.yaml'],
    ]);
    // the base's policy applied: rendering stayed on (the immutable field was found), its acceptances path was read
    // (nothing there), and failOn: warning
    expect(blocking(report).map((f) => [f.rule, f.accepted])).toEqual([
      ['override-key-removed', undefined],
      ['immutable-field-changed', undefined],
    ]);
    expect(report.failOn).toBe('warning');
  });

  it('the base config failOn decides the verdict when no flag is given; the flag wins', async () => {
    const base = 'values: ["values/{chart}.yaml"]\nkubernetesVersion: "1.31"\nfailOn: never\n';
    const { report } = await gate({ files: { [CONFIG]: base } }, {});
    expect([report.failOn, report.verdict]).toEqual(['never', 'warn']);
    expect(ofRule(report, 'policy-changed')).toEqual([]);
    const flagged = await gate({ files: { [CONFIG]: base } }, {}, TODAY, 'error');
    expect([flagged.report.failOn, flagged.report.verdict]).toEqual(['error', 'fail']);
  });
});

describe('lint', () => {
  it('applies the acceptances of the snapshot it lints', async () => {
    const repo = new TestRepo('cg-accept-lint-');
    repos.push(repo);
    for (const entry of readdirSync(join(FIXTURE, 'repo'))) repo.copy(join(FIXTURE, 'repo', entry), entry);
    repo.copy(join(FIXTURE, 'head/db'), 'charts/db');
    const lockfile = readFileSync(join(FIXTURE, 'repo/helm-freeze.yaml'), 'utf8');
    repo.write('helm-freeze.yaml', lockfile.replace('1.0.0', '2.0.0'));
    const lintRun = async () => {
      const sha = repo.commit('lint');
      return lint({ repoDir: repo.dir, head: new GitSnapshot(repo.dir, 'main', sha), helm: null, today: TODAY });
    };
    const before = await lintRun();
    const unknown = ofRule(before, 'override-key-unknown');
    expect(unknown.map((f) => [f.path, f.accepted])).toEqual([['master.persistence.size', undefined]]);
    repo.write(
      ACCEPTED,
      '- rule: override-key-unknown\n  chart: db\n  file: values/db.yaml\n  reason: read by the deploy code\n  expires: 2026-06-30\n',
    );
    const after = await lintRun();
    expect(ofRule(after, 'override-key-unknown').map((f) => f.accepted?.line)).toEqual([1]);
    expect(after.summary.accepted).toBe(1);
  });
});

describe('review --lint', () => {
  // base and head both vendor db 2.0.0 a second time (charts/db-replica, untouched): its lint reads values/db.yaml,
  // whose master.persistence.size 2.0.0 no longer has (override-key-unknown, a finding of the lint half only)
  async function gateWithLint(baseEntries: string | undefined, headEntries: string) {
    const repo = new TestRepo('cg-accept-gate-lint-');
    repos.push(repo);
    for (const entry of readdirSync(join(FIXTURE, 'repo'))) repo.copy(join(FIXTURE, 'repo', entry), entry);
    repo.copy(join(FIXTURE, 'base/db'), 'charts/db');
    repo.copy(join(FIXTURE, 'head/db'), 'charts/db-replica');
    const replica = '  - name: db\n    version: 2.0.0\n    repo_name: example\n    dest_folder_override: db-replica\n';
    const lockfile = readFileSync(join(FIXTURE, 'repo/helm-freeze.yaml'), 'utf8').replace('repos:', `${replica}repos:`);
    repo.write('helm-freeze.yaml', lockfile);
    if (baseEntries) repo.write(ACCEPTED, baseEntries);
    const baseSha = repo.commit('base');
    repo.copy(join(FIXTURE, 'head/db'), 'charts/db');
    repo.write('helm-freeze.yaml', lockfile.replace('version: 1.0.0', 'version: 2.0.0'));
    repo.write(ACCEPTED, headEntries);
    const headSha = repo.commit('bump db');
    return reviewWithLint({
      repoDir: repo.dir,
      base: new GitSnapshot(repo.dir, 'main~1', baseSha),
      head: new GitSnapshot(repo.dir, 'main', headSha),
      helm: null,
      today: TODAY,
    });
  }
  const UNKNOWN_ENTRY =
    '- rule: override-key-unknown\n  chart: db\n  file: values/db.yaml\n  reason: read by the deploy code\n  expires: 2026-06-30\n';

  it('marks an entry the pull request adds as added in the lint half too', async () => {
    const report = await gateWithLint(undefined, UNKNOWN_ENTRY);
    const linted = report.charts.find((c) => c.dir === 'charts/db-replica');
    expect(linted?.change).toBe('unchanged');
    expect(linted?.findings.filter((f) => f.rule === 'override-key-unknown').map((f) => f.accepted)).toEqual([
      { reason: 'read by the deploy code', expires: '2026-06-30', file: ACCEPTED, line: 1, added: true },
    ]);
    expect(renderComment(report, { marker: 'm' })).toMatch(/accepted in this pull request/i);
  });

  it('does not mark an entry the base already had', async () => {
    const report = await gateWithLint(UNKNOWN_ENTRY, UNKNOWN_ENTRY);
    const linted = report.charts.find((c) => c.dir === 'charts/db-replica');
    expect(linted?.findings.filter((f) => f.rule === 'override-key-unknown').map((f) => f.accepted)).toEqual([
      { reason: 'read by the deploy code', expires: '2026-06-30', file: ACCEPTED, line: 1 },
    ]);
  });
});
