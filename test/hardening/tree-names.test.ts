// A pull request can carry git trees that git itself never writes and never checks out: entries named "..", ".",
// "", or "../../../tmp/x" (a name holding slashes). chart-guard reads charts straight from trees, so it must refuse
// such a chart with a finding and write nothing outside its temp folder.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../../src/core/pipeline/review.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { commitWithExtraEntries, type RawEntry, writeBlob, writeRawTree } from '../support/hostile-tree.js';
import { oneChartLockfile } from '../support/lockfile.js';

const APP = join(PROJECT_DIR, 'test/fixtures/hardening/app');
const STACK_FRAME = /^\s+at /m;

const lockfile = (version: string) => oneChartLockfile('app', version);

interface Scenario {
  name: string;
  /** The extra entries of charts/app at head, given a folder outside the repo that they aim at. */
  entries(repo: TestRepo, outside: string): RawEntry[];
  /** What the finding names. */
  shown: RegExp;
}

const up = '../'.repeat(16);

const SCENARIOS: Scenario[] = [
  {
    name: 'a blob named "../../…/x" (slashes in one name)',
    entries: (repo, outside) => [{ mode: '100644', name: `${up}${outside.slice(1)}/x`, object: writeBlob(repo, 'x') }],
    shown: /a name is "\.\."/,
  },
  {
    name: 'a tree named ".." holding a blob',
    entries: (repo) => [
      {
        mode: '40000',
        name: '..',
        object: writeRawTree(repo, [{ mode: '100644', name: 'x', object: writeBlob(repo, 'x') }]),
      },
    ],
    shown: /"charts\/app\/\.\."/,
  },
  {
    name: 'a blob named "."',
    entries: (repo) => [{ mode: '100644', name: '.', object: writeBlob(repo, 'x') }],
    shown: /a name is "\."/,
  },
  {
    name: 'a blob named "templates/../../x" beside a real templates folder',
    entries: (repo) => [{ mode: '100644', name: 'templates/../../x', object: writeBlob(repo, 'x') }],
    shown: /a name is "\.\."/,
  },
  {
    name: 'a blob named "sub/x" with no tree "sub"',
    entries: (repo) => [{ mode: '100644', name: 'sub/x', object: writeBlob(repo, 'x') }],
    shown: /a name holds a slash/,
  },
];

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

/** A repo bumping charts/app 1.0.0 -> 1.1.0, whose head commit adds `entries` to the chart's tree. */
function hostileBump(repo: TestRepo, entries: (repo: TestRepo) => RawEntry[]): { base: string; head: string } {
  repo.write('helm-freeze.yaml', lockfile('1.0.0')).copy(APP, 'charts/app');
  const base = repo.commit('app 1.0.0');
  repo
    .write('helm-freeze.yaml', lockfile('1.1.0'))
    .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.1.0\n');
  repo.commit('app 1.1.0');
  return { base, head: commitWithExtraEntries(repo, 'charts/app', entries(repo)) };
}

describe.each(SCENARIOS)('a bumped chart whose tree holds $name', (scenario) => {
  const repo = new TestRepo('cg-tree-');
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  let base: string;
  let head: string;
  let report: Report;

  beforeAll(async () => {
    ({ base, head } = hostileBump(repo, (r) => scenario.entries(r, outside)));
    const snapshots = [new GitSnapshot(repo.dir, 'base', base), new GitSnapshot(repo.dir, 'head', head)];
    try {
      report = await review({ repoDir: repo.dir, base: snapshots[0], head: snapshots[1], helm: HELM_BINARIES.v4 });
    } finally {
      await Promise.all(snapshots.map((s) => s.close()));
    }
  }, 60_000);
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses the chart with a chart-file-invalid error naming the entry, and fails the review', () => {
    const findings = report.charts[0].findings;
    const invalid = findings.filter((f) => f.rule === 'chart-file-invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].message).toMatch(/^The chart folder charts\/app was refused: it holds (a )?git tree entr/);
    expect(invalid[0].message).toMatch(scenario.shown);
    expect(invalid[0].file).toBe('charts/app/Chart.yaml');
    // nothing of the refused folder is rendered
    const failed = findings.filter((f) => f.rule === 'render-failed');
    expect(failed.map((f) => f.message)).toEqual([expect.stringMatching(/charts\/app was refused/)]);
    expect(report.verdict).toBe('fail');
  });

  it('writes nothing outside the work dir', () => {
    expect(readdirSync(outside)).toEqual([]);
  });

  it('exits 1 from the CLI with the finding and no stack trace', () => {
    const run = runCli(cli, ['review', '--base', base, '--head', head, '--helm', HELM_BINARIES.v3], repo.dir);
    expect(run.stdout).toMatch(/chart-file-invalid/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(run.status).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(repo.dir, 'x'))).toBe(false);
  });
});

describe('a chart tree with an empty entry name', () => {
  // git cannot even list such a tree (ls-tree: "empty filename in tree entry"): the review stops with that error.
  const repo = new TestRepo('cg-tree-');
  let commits: { base: string; head: string };
  beforeAll(() => {
    commits = hostileBump(repo, (r) => [{ mode: '100644', name: '', object: writeBlob(r, 'x') }]);
  });
  afterAll(() => repo.cleanup());

  it("stops the CLI with exit 2 and git's one-line reason, no stack trace", () => {
    const run = runCli(
      cli,
      ['review', '--base', commits.base, '--head', commits.head, '--helm', HELM_BINARIES.v4],
      repo.dir,
    );
    expect(run.stderr).toMatch(/^chart-guard review: .*empty filename in tree entry/m);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(run.status).toBe(2);
  });
});
