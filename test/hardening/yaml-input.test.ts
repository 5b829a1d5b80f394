// Every YAML file a pull request controls goes through one reader (src/core/input/yaml-input.ts): an alias whose anchor is
// missing or comes later, and nesting deeper than chart-guard walks, are findings at the file and line, never a crash
// with a stack trace (issue 24: the fuzz found both in review and lint). A chart README's headings are read in linear
// time. Each attack runs the CLI as CI does, with real helm v3 and v4, tokens in its environment: the exit code says
// the review failed on its findings (1), and no secret reaches the output, nothing is written outside the work folder.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/core/render/manifests.js';
import type { Finding, Report } from '../../src/core/report/report.js';
import { commitAppBase, writeAppBump } from '../support/app-bump.js';
import { expectNoCanary, runCliWithCanaries } from '../support/canaries.js';
import { type BuiltCli, buildCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;
const CONFIG = 'values: ["values/{chart}.yaml"]\n';
const nested = (depth: number) => `deep: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;

interface Attack {
  name: string;
  /** Files of the head commit, over the app bump. */
  head: Record<string, string>;
  finding: Pick<Finding, 'rule' | 'file' | 'line'> & { message: RegExp };
}

const ATTACKS: Attack[] = [
  {
    name: 'the config uses an alias before its anchor',
    head: { '.github/chart-guard.yaml': `${CONFIG}freeFormKeys: *later\nrules: &later {}\n` },
    finding: {
      rule: 'config-invalid',
      file: '.github/chart-guard.yaml',
      line: 2,
      message: /unknown anchor 'later' referenced \(the anchor must be set before the alias\)/,
    },
  },
  {
    name: 'the acceptances file merges an anchor that does not exist',
    head: {
      '.github/chart-guard-accepted.yaml':
        '- rule: override-key-unknown\n  <<: [*missing]\n  reason: x\n  expires: 2027-01-01\n',
    },
    finding: {
      rule: 'config-invalid',
      file: '.github/chart-guard-accepted.yaml',
      line: 2,
      message: /unknown anchor 'missing' referenced/,
    },
  },
  {
    name: 'the lockfile refers to an anchor that does not exist',
    head: { 'helm-freeze.yaml': oneChartLockfile('app', '1.1.0').replace('version: 1.1.0', 'version: *nowhere') },
    finding: { rule: 'lockfile-invalid', file: 'helm-freeze.yaml', message: /unknown anchor 'nowhere' referenced/ },
  },
  {
    name: 'an override file uses an alias before its anchor',
    head: { 'values/app.yaml': 'greeting: *later\nother: &later hello\n' },
    finding: { rule: 'values-file-invalid', file: 'values/app.yaml', line: 1, message: /unknown anchor 'later'/ },
  },
  {
    name: 'an override file nests 501 levels deep',
    head: { 'values/app.yaml': `greeting: hi\n${nested(501)}` },
    finding: {
      rule: 'values-file-invalid',
      file: 'values/app.yaml',
      line: 2,
      message: /nested deeper than 500 levels, the most chart-guard reads/,
    },
  },
  {
    name: "the chart's values.yaml nests 2000 levels deep (a RangeError before)",
    head: { 'charts/app/values.yaml': `greeting: hello\n${nested(2000)}` },
    finding: {
      rule: 'chart-file-invalid',
      file: 'charts/app/values.yaml',
      message: /nested deeper than 500 levels, the most chart-guard reads/,
    },
  },
  {
    name: "the chart's values.schema.json nests 600 levels deep",
    head: {
      'charts/app/values.schema.json': `${'{"type":"object","properties":{"a":'.repeat(600)}{}${'}}'.repeat(600)}`,
    },
    finding: {
      rule: 'chart-file-invalid',
      file: 'charts/app/values.schema.json',
      line: 1,
      message: /invalid JSON schema: nested deeper than 500 levels/,
    },
  },
];

let cli: BuiltCli;
const outside = mkdtempSync(join(tmpdir(), 'cg-yaml-outside-'));
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => {
  cli?.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

function reviewed(files: Record<string, string>, helm: string) {
  const repo = new TestRepo('cg-yaml-input-');
  const base = commitAppBase(repo, { '.github/chart-guard.yaml': CONFIG, 'values/app.yaml': 'greeting: hi\n' });
  writeAppBump(repo);
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  const args = ['review', '--base', base, '--helm', helm, '--format', 'json'];
  // TMPDIR: whatever the run writes outside the repository lands here, where the test looks
  const run = runCliWithCanaries(cli, args, repo.dir, { TMPDIR: outside });
  const status = repo.git('status', '--porcelain', '--untracked-files=all');
  repo.cleanup();
  return { run, status };
}

describe.each(Object.entries(HELM_BINARIES))('hostile YAML in the head, helm %s', (_label, helm) => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))(
    '%s: a finding at its line, exit 1',
    (_name, attack) => {
      const { run, status } = reviewed(attack.head, helm);
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      const findings = [...report.findings, ...report.charts.flatMap((c) => c.findings)];
      const { message, ...place } = attack.finding;
      expect(findings.find((f) => f.rule === place.rule && message.test(f.message))).toMatchObject(place);
      expect(run.stdout).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expectNoCanary(run.stdout);
      expectNoCanary(run.stderr);
      // nothing written in the work folder but the files of the attack and the bump, nothing left outside it
      const written = new Set(
        status
          .split('\n')
          .filter(Boolean)
          .map((line) => line.replace(/^\s*\S+\s+/, '')), // ` M path` or `?? path`
      );
      expect(written).toEqual(new Set([...Object.keys(attack.head), 'charts/app/Chart.yaml', 'helm-freeze.yaml']));
      expect(readdirSync(outside)).toEqual([]);
    },
    120_000,
  );
});

describe('nesting just within the bound', () => {
  it.each(Object.entries(HELM_BINARIES))(
    'a chart values.yaml and an override file 500 levels deep are read and reviewed whole, helm %s',
    (_label, helm) => {
      const deepMap = (depth: number) =>
        `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} leaf\n`;
      const { run } = reviewed(
        {
          'charts/app/values.yaml': `greeting: hello\n${nested(499)}`,
          'values/app.yaml': `greeting: hi\n${deepMap(500)}`,
        },
        helm,
      );
      expect(run.stderr).not.toMatch(STACK_FRAME);
      const report = JSON.parse(run.stdout) as Report;
      const findings = [...report.findings, ...report.charts.flatMap((c) => c.findings)];
      expect(findings.filter((f) => /invalid|crashed/.test(f.rule))).toEqual([]);
      // the deep override key is a key like any other: unknown to the chart
      expect(findings.find((f) => f.rule === 'override-key-unknown')?.path).toMatch(/^k0\.k1\.k2\..*\.k499$/);
    },
    120_000,
  );
});

describe('a rendered manifest nested past the bound (a template can print any depth)', () => {
  it('is a render problem, not a value every later walk recurses into', () => {
    const output = `---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ${nested(600)}`;
    const parsed = parseManifests(output, 'app');
    expect(parsed.manifests).toEqual([]);
    expect(parsed.problems).toEqual([
      'app/templates/cm.yaml: nested deeper than 500 levels, the most chart-guard reads',
    ]);
  });
});

describe('a chart README built to make a heading pattern backtrack', () => {
  it('is read in linear time: the review ends in seconds, with its upgrade notes', () => {
    const readme = `# app\n\n## Upgrading\n\n### To 1.1.0\nRename greeting.\n\n#${' '.repeat(200_000)}x\n${`## a${' '.repeat(50_000)}b\n`.repeat(20)}`;
    const started = Date.now();
    const { run } = reviewed({ 'charts/app/README.md': readme }, HELM_BINARIES.v4);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect([0, 1]).toContain(run.status);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.charts[0].upgradeNotes).toEqual([{ heading: 'To 1.1.0', text: 'Rename greeting.' }]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  }, 120_000);
});
