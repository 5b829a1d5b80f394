// An override file that is a symlink. helm -f (and any deploy that reads the checkout) follows it, but chart-guard
// matched values patterns against regular files only: a pull request that swapped values/web.yaml for a link to a
// copy of itself dropped the file from the review with a values-pattern-unmatched warning, and the honest bump's
// override-key-removed error was gone (exit 0); a linked values folder did the same. A link is now followed one
// step to a regular file or folder of the same commit; a link anywhere else is an error where it is met (the file:
// values-file-invalid; a folder a pattern goes through: config-invalid), and is never read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report/report.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, type TestRepo } from '../support/git-repo.js';
import { PREEXISTING, preexistingBump } from '../support/preexisting-bump.js';

/** Looks like a credential the run could leak: it must appear in no output. */
const TOKEN = 'ghp_overrideSymlinkToken0123456789abcdefAB';
const STACK_FRAME = /^\s+at /m;
const RUNS = [null, 'v3', 'v4'] as const;

interface Scenario {
  name: string;
  /** The head's edit of values/web.yaml; `outside` is a folder beside the repository holding a secret file. */
  link(repo: TestRepo, outside: string): void;
  /** The error the review must hold at values/web.yaml: its rule and message start. */
  expected: { rule: string; text: string; line?: number; file?: string };
  /** The pattern then matches no file: values-pattern-unmatched stays beside the error. */
  unmatched?: boolean;
}

const linkAt = (repo: TestRepo, path: string, target: string) => symlinkSync(target, join(repo.dir, path));

const SCENARIOS: Scenario[] = [
  {
    name: 'a link to a copy of itself in the same folder',
    link: (repo) => {
      repo.remove('values/web.yaml').copy(join(PREEXISTING, 'repo/values/web.yaml'), 'values/web-real.yaml');
      linkAt(repo, 'values/web.yaml', 'web-real.yaml');
    },
    expected: { rule: 'override-key-removed', text: '`image.pullPolicy`', line: 3 },
  },
  {
    name: 'a link to a copy in another folder of the repository',
    link: (repo) => {
      repo.remove('values/web.yaml').copy(join(PREEXISTING, 'repo/values/web.yaml'), 'common/web.yaml');
      linkAt(repo, 'values/web.yaml', '../common/web.yaml');
    },
    expected: { rule: 'override-key-removed', text: '`image.pullPolicy`', line: 3 },
  },
  {
    name: 'a link to an absolute path (/proc/self/environ)',
    link: (repo) => {
      repo.remove('values/web.yaml');
      linkAt(repo, 'values/web.yaml', '/proc/self/environ');
    },
    expected: {
      rule: 'values-file-invalid',
      text: 'values/web.yaml is a symlink to outside the repository (/proc/self/environ)',
    },
  },
  {
    name: 'a link out of the repository through ..',
    link: (repo, outside) => {
      repo.remove('values/web.yaml');
      linkAt(repo, 'values/web.yaml', relative(join(repo.dir, 'values'), join(outside, 'secret.yaml')));
    },
    expected: { rule: 'values-file-invalid', text: 'values/web.yaml is a symlink to outside the repository (../' },
  },
  {
    name: 'a copy in a folder the values folder links to',
    link: (repo) => {
      repo.remove('values').copy(join(PREEXISTING, 'repo/values'), 'env/prod');
      linkAt(repo, 'values', 'env/prod');
    },
    expected: { rule: 'override-key-removed', text: '`image.pullPolicy`', line: 3 },
  },
  {
    name: 'a values folder that links out of the repository',
    link: (repo, outside) => {
      repo.remove('values');
      linkAt(repo, 'values', outside);
    },
    expected: {
      rule: 'config-invalid',
      file: 'values',
      text: 'values is a symlink to outside the repository (',
    },
    unmatched: true,
  },
  {
    name: 'a link to another link',
    link: (repo) => {
      repo.remove('values/web.yaml').copy(join(PREEXISTING, 'repo/values/web.yaml'), 'values/web-real.yaml');
      linkAt(repo, 'values/mid.yaml', 'web-real.yaml');
      linkAt(repo, 'values/web.yaml', 'mid.yaml');
    },
    expected: { rule: 'values-file-invalid', text: 'values/web.yaml is a symlink to no regular file of this commit' },
  },
];

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

const findingsOf = (report: Report): Finding[] => [...report.findings, ...report.charts.flatMap((c) => c.findings)];

describe.each(SCENARIOS)('the head replaces the override file of a failing bump with $name', (scenario) => {
  const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), `token: ${TOKEN}\n`);
  const { repo, base } = preexistingBump('cg-override-symlink-');
  scenario.link(repo, outside);
  const head = repo.commit('web 1.1.0, and the override file as a link');
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it.each(RUNS)(
    'holds the error at the file and fails the review (exit 1), nothing read or written outside (helm %s)',
    (helm) => {
      const render = helm === null ? ['--no-render'] : ['--helm', HELM_BINARIES[helm]];
      const env = { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: TOKEN };
      const args = [cli.path, 'review', '--base', base, '--head', head, '--format', 'json', ...render];
      const run = spawnSync(process.execPath, args, { cwd: repo.dir, env, encoding: 'utf8' });
      expect(run.stderr).not.toMatch(STACK_FRAME);
      const report = JSON.parse(run.stdout) as Report;
      const findings = findingsOf(report);
      const errors = findings.filter((f) => f.severity === 'error' && !f.accepted);
      expect(
        errors.filter((f) => f.rule === scenario.expected.rule).map((f) => [f.file, f.line, f.message]),
      ).toContainEqual([
        scenario.expected.file ?? 'values/web.yaml',
        scenario.expected.line,
        expect.stringContaining(scenario.expected.text),
      ]);
      // the link is the override file, not a pattern that matches nothing
      expect(findings.some((f) => f.rule === 'values-pattern-unmatched')).toBe(scenario.unmatched ?? false);
      expect(report.verdict).toBe('fail');
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(readdirSync(outside)).toEqual(['secret.yaml']);
    },
    60_000,
  );
});
