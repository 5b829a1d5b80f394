// The readiness view of a report (core/report/readiness.ts), what the comment, the terminal and the runbook show:
// environments in ring order, the rows of the readiness checks in each raised environment, a blocked ring holding
// every later one, accepted rows never blocking.
import { describe, expect, it } from 'vitest';
import { readinessView } from '../../src/core/report/readiness.js';
import type { ChartReport, Finding, ReadinessFacts, Report } from '../../src/core/report/report.js';
import { ruleHooks } from '../../src/core/rules/index.js';
import { mariadbChart, withTotals } from '../format/fixtures.js';

const finding = (
  rule: Finding['rule'],
  severity: Finding['severity'],
  environments: string[],
  extra = {},
): Finding => ({
  rule,
  severity,
  chart: 'app',
  message: `${rule} in ${environments.join(', ')}`,
  environments,
  remedy: rule === 'release-api-removed' ? 'Run `helm mapkubeapis app --namespace apps` first.' : 'Fix it.',
  ...extra,
});

function report(findings: Finding[], readiness: ReadinessFacts, failOn: Report['failOn'] = 'error'): Report {
  const chart: ChartReport = { ...mariadbChart(), name: 'app', dir: 'charts/app', findings, upgradeActions: undefined };
  return {
    ...withTotals({
      schemaVersion: 1,
      tool: { name: 'chart-guard', version: '0.1.0' },
      mode: 'review',
      base: { ref: 'main', sha: null },
      head: { ref: 'HEAD', sha: null },
      lockfile: 'helm-freeze.yaml',
      kubernetesVersion: null,
      charts: [chart],
      findings: [],
    }),
    failOn,
    readiness,
  };
}

// config order: prod first, then test, then dev; the rollout goes test (0), dev (1), prod (2)
const RINGS: ReadinessFacts = {
  soakDays: 10,
  environments: [
    { name: 'prod', ring: 2 },
    { name: 'test', ring: 0, from: '1.29', to: '1.30' },
    { name: 'dev', ring: 1 },
  ],
};

describe('the readiness view', () => {
  it('orders the environments by ring, and a blocked ring 0 holds every later ring', () => {
    const view = readinessView(
      report(
        [
          finding('pdb-blocks-drain', 'error', ['test']),
          finding('release-api-removed', 'warning', ['test']),
          finding('api-deprecated', 'warning', ['test']),
          finding('pdb-blocks-drain', 'warning', ['prod']),
        ],
        RINGS,
      ),
      ruleHooks,
    )!;
    expect(view.soakDays).toBe(10);
    expect(view.stages.map((s) => [s.name, s.status, s.blockedBy])).toEqual([
      ['test', 'blocked', undefined],
      ['dev', 'waiting', 0],
      ['prod', 'waiting', 0],
    ]);
    // only the readiness checks, only in the raised environment
    expect(view.stages[0].rows.map((r) => [r.rule, r.severity])).toEqual([
      ['pdb-blocks-drain', 'error'],
      ['release-api-removed', 'warning'],
    ]);
    expect(view.stages[0].beforeClusterUpgrade).toEqual(['helm mapkubeapis app --namespace apps']);
    expect(view.stages[2].rows).toEqual([]);
  });

  it('lets the rollout go when the blockers are accepted or only warn, unless fail-on is warning', () => {
    const accepted = finding('pdb-blocks-drain', 'error', ['test'], {
      accepted: { reason: 'drained by hand', expires: '2030-01-01', file: 'a.yaml', line: 1 },
    });
    const warning = finding('release-api-removed', 'warning', ['test']);
    const stages = (failOn: Report['failOn']) =>
      readinessView(report([accepted, warning], RINGS, failOn), ruleHooks)!.stages.map((s) => s.status);
    expect(stages('error')).toEqual(['ready', 'unchanged', 'unchanged']);
    expect(stages('warning')).toEqual(['blocked', 'waiting', 'waiting']);
  });

  it('is absent without readiness facts', () => {
    const { readiness: _, ...plain } = report([], RINGS);
    expect(readinessView(plain, ruleHooks)).toBeUndefined();
  });
});
