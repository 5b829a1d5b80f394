import { describe, expect, it } from 'vitest';
import { withLintOfUntouched } from '../../src/core/pipeline/combine.js';
import type { ChartReport, Finding, Report } from '../../src/core/report/report.js';

const finding = (rule: Finding['rule'], severity: Finding['severity'], chart?: string): Finding => ({
  rule,
  severity,
  message: `${rule} on ${chart ?? 'the repository'}`,
  chart,
});

const chart = (name: string, change: ChartReport['change'], findings: Finding[]): ChartReport => ({
  name,
  dir: `charts/${name}`,
  change,
  from: null,
  to: null,
  semverChange: null,
  overrideFiles: [],
  render: { status: 'ok' },
  valuesDiff: { added: [], removed: [], changed: [] },
  findings,
  needsReinstall: false,
});

const report = (mode: Report['mode'], charts: ChartReport[], findings: Finding[]): Report => ({
  schemaVersion: 1,
  tool: { name: 'chart-guard', version: '0.1.0' },
  mode,
  base: mode === 'review' ? { ref: 'main', sha: 'b'.repeat(40) } : null,
  head: { ref: 'HEAD', sha: 'h'.repeat(40) },
  lockfile: 'helm-freeze.yaml',
  kubernetesVersion: null,
  verdict: 'pass',
  summary: { errors: 0, warnings: 0, notices: 0, needsReinstall: false },
  charts,
  findings,
});

describe('review plus lint of the untouched charts', () => {
  const orphan = finding('chart-dir-orphan', 'warning');
  const reviewed = report(
    'review',
    [chart('mariadb', 'bumped', [finding('major-upgrade-notes', 'notice', 'mariadb')])],
    [orphan],
  );
  const linted = report(
    'lint',
    [
      chart('mariadb', 'unchanged', [finding('override-key-unknown', 'warning', 'mariadb')]),
      chart('zookeeper', 'unchanged', [finding('override-key-unknown', 'error', 'zookeeper')]),
    ],
    [orphan, finding('override-file-orphan', 'warning')],
  );

  it('keeps the review of a changed chart and adds the lint of the others', () => {
    const combined = withLintOfUntouched(reviewed, linted, 'error');
    expect(combined.charts.map((c) => `${c.name} ${c.change}`)).toEqual(['mariadb bumped', 'zookeeper unchanged']);
    expect(combined.mode).toBe('review');
    expect(combined.base).toEqual(reviewed.base);
  });

  it('lists a repository finding both found once', () => {
    const combined = withLintOfUntouched(reviewed, linted, 'error');
    expect(combined.findings.map((f) => f.rule)).toEqual(['chart-dir-orphan', 'override-file-orphan']);
  });

  it('recounts and applies fail-on to the combined findings', () => {
    const combined = withLintOfUntouched(reviewed, linted, 'error');
    expect(combined.summary).toEqual({ errors: 1, warnings: 2, notices: 1, needsReinstall: false });
    expect(combined.verdict).toBe('fail');
    expect(withLintOfUntouched(reviewed, linted, 'never').verdict).toBe('warn');
  });

  it('keeps acceptance-stale only for entries stale in both halves: each half sees only its own charts', () => {
    const stale = (line: number): Finding => ({
      ...finding('acceptance-stale', 'notice'),
      file: '.github/chart-guard-accepted.yaml',
      line,
    });
    const accepted = { reason: 'r', expires: '2026-07-01', file: '.github/chart-guard-accepted.yaml', line: 1 };
    const review = report('review', [chart('mariadb', 'bumped', [])], [stale(1), stale(6)]);
    const lint = report(
      'lint',
      [chart('zookeeper', 'unchanged', [{ ...finding('override-key-unknown', 'error', 'zookeeper'), accepted }])],
      [stale(6), stale(11)],
    );
    const combined = withLintOfUntouched(review, lint, 'error');
    expect(combined.findings.map((f) => [f.rule, f.line])).toEqual([['acceptance-stale', 6]]);
    expect(combined.summary).toEqual({ errors: 0, warnings: 0, notices: 1, needsReinstall: false, accepted: 1 });
    expect([combined.verdict, combined.failOn]).toEqual(['pass', 'error']);
  });
});
