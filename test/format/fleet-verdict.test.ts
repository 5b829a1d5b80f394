// The fleet verdict of a release gate: changed charts × environments, each cell pass / warn / fail / needs reinstall
// with accepted findings counted apart, at the end of the comment, the job summary and the text output.
import { describe, expect, it } from 'vitest';
import { fleetMatrix } from '../../src/core/report/fleet-verdict.js';
import type { ChartReport, Finding, Report, UpgradeActions } from '../../src/core/report/report.js';
import { commentMarker, renderComment, renderSummary } from '../../src/format/markdown.js';
import { renderText } from '../../src/format/text.js';
import { mariadbChart, nodeExporterChart, sampleReport, withTotals, zookeeperOverridesChart } from './fixtures.js';

const accepted = (finding: Finding): Finding =>
  ({ ...finding, accepted: { reason: 'reviewed', expires: '2027-01-31', file: 'a.yaml', line: 1 } }) as Finding;

const actions = (environment: string | undefined, reinstall: boolean): UpgradeActions => ({
  ...(environment ? { environment } : {}),
  release: 'rel',
  namespace: 'demo',
  order: 1,
  dependsOn: [],
  reinstall,
  crdsToApply: [],
  orphanDeletes: [],
  backups: [],
  upgrade: 'helm upgrade rel charts/x --namespace demo',
  steps: [],
});

function gate(charts: ChartReport[]): Report {
  return withTotals({
    schemaVersion: 1,
    tool: { name: 'chart-guard', version: '0.1.0' },
    mode: 'review',
    base: { ref: 'v1.4.0', sha: null },
    head: { ref: 'release/1.5', sha: null },
    lockfile: 'helm-freeze.yaml',
    kubernetesVersion: null,
    charts,
    findings: [],
  });
}

describe('fleetMatrix', () => {
  it('puts the environments in rollout order: by ring, lowest first (config order otherwise)', () => {
    const chart = { ...mariadbChart(), upgradeActions: ['prod', 'test', 'dev'].map((env) => actions(env, false)) };
    const report = gate([chart]);
    expect(fleetMatrix(report, 'error').environments).toEqual(['prod', 'test', 'dev']);
    const readiness = {
      soakDays: 7,
      environments: [
        { name: 'prod', ring: 2 },
        { name: 'test', ring: 0, from: '1.29', to: '1.30' },
        { name: 'dev', ring: 1 },
      ],
    };
    expect(fleetMatrix({ ...report, readiness }, 'error').environments).toEqual(['test', 'dev', 'prod']);
  });

  it('leaves a cell empty where the chart does not run (issue 20): no verdict for a cluster that never runs it', () => {
    const everywhere = { ...mariadbChart(), upgradeActions: ['aws', 'gcp'].map((env) => actions(env, false)) };
    const awsOnly = {
      ...zookeeperOverridesChart(),
      name: 'karpenter',
      environments: [{ name: 'aws', overrideFiles: [], render: { status: 'ok' as const } }],
      upgradeActions: [actions('aws', false)],
    };
    const report = gate([everywhere, awsOnly]);
    const matrix = fleetMatrix(report, 'error');
    expect(matrix.rows[1].cells.map((c) => c.status)).toEqual(['pass', 'not-run']);
    expect(renderSummary(report)).toMatch(/\| karpenter \| ✅ pass \| {2}\|\n/);
    expect(renderText(report, { color: false })).toMatch(/\n {4}karpenter +pass\n/);
  });

  it('has one row per changed chart and one column without environments', () => {
    const matrix = fleetMatrix(sampleReport(), 'error');
    expect(matrix.environments).toEqual([undefined]);
    expect(matrix.rows.map((r) => [r.chart, r.cells.map((c) => c.status)])).toEqual([
      ['zookeeper', ['pass']],
      ['mariadb', ['fail']],
      ['prometheus-node-exporter', ['fail']],
    ]);
  });

  it('follows fail-on: warnings fail with fail-on warning, errors only warn with never', () => {
    const status = (failOn: 'error' | 'warning' | 'never') =>
      fleetMatrix(sampleReport(), failOn).rows.map((r) => r.cells[0].status);
    // nothing blocks: the replaced StatefulSet and the immutable field still need the runbook
    expect(status('never')).toEqual(['pass', 'needs-reinstall', 'needs-reinstall']);
    // mariadb's errors accepted, its warning left: it blocks only with fail-on warning
    const chart = mariadbChart();
    chart.findings = chart.findings.map((f) => (f.severity === 'error' ? accepted(f) : f));
    const cell = (failOn: 'error' | 'warning') => fleetMatrix(gate([chart]), failOn).rows[0].cells[0];
    expect(cell('error')).toMatchObject({ status: 'needs-reinstall', warnings: 1 });
    expect(cell('warning')).toMatchObject({ status: 'fail', warnings: 1 });
  });

  it('does not let accepted findings block, counts them apart, and keeps needs reinstall', () => {
    const chart = mariadbChart();
    chart.findings = chart.findings.map((f) => (f.severity === 'error' ? accepted(f) : f));
    const errors = mariadbChart().findings.filter((f) => f.severity === 'error').length;
    const [cell] = fleetMatrix(gate([chart]), 'error').rows[0].cells;
    expect(cell).toMatchObject({ status: 'needs-reinstall', errors: 0, accepted: errors });
  });

  it('judges each environment by the findings that hold there', () => {
    const chart: ChartReport = {
      ...zookeeperOverridesChart(),
      findings: [
        { rule: 'override-key-removed', severity: 'error', chart: 'zookeeper', message: 'gone', environments: ['aws'] },
        { rule: 'chart-deprecated', severity: 'warning', chart: 'zookeeper', message: 'deprecated' },
      ] as Finding[],
      upgradeActions: [actions('aws', false), actions('gcp', false)],
    };
    const matrix = fleetMatrix(gate([chart]), 'error');
    expect(matrix.environments).toEqual(['aws', 'gcp']);
    expect(matrix.rows[0].cells.map((c) => [c.status, c.errors, c.warnings])).toEqual([
      ['fail', 1, 1],
      ['warn', 0, 1],
    ]);
  });
});

describe('the fleet verdict in the outputs', () => {
  it('ends the comment and the job summary with the matrix, before the footer', () => {
    const report = sampleReport();
    for (const markdown of [
      renderComment(report, { marker: commentMarker(report.lockfile), failOn: 'error' }),
      renderSummary(report, { failOn: 'error' }),
    ]) {
      const tail = markdown.slice(markdown.indexOf('#### Fleet verdict'));
      expect(tail.split('\n').slice(0, 7)).toEqual([
        '#### Fleet verdict',
        '',
        '| chart | verdict |',
        '| --- | --- |',
        '| zookeeper | ✅ pass |',
        '| mariadb | ❌ fail (3 errors, 1 warning) |',
        expect.stringMatching(/^\| prometheus-node-exporter \| ❌ fail/),
      ]);
      expect(tail).toMatch(/\n\n<sub>chart-guard 0\.1\.0/);
    }
  });

  it('prints the matrix in the text output, one column per environment', () => {
    const chart: ChartReport = {
      ...nodeExporterChart(),
      upgradeActions: [actions('aws', true), actions('scaleway', true)],
    };
    const text = renderText(gate([chart]), { color: false });
    const block = text.slice(text.indexOf('fleet verdict\n')).split('\n').slice(0, 3);
    expect(block[1]).toMatch(/^ {4}chart\s+aws\s+scaleway$/);
    expect(block[2]).toMatch(/^ {4}prometheus-node-exporter\s+fail \(\d+ errors?.*\)\s+fail/);
  });

  it('names a chart frozen in several destinations by folder, as the summary table does', () => {
    const inFolder = (dir: string): ChartReport => ({ ...mariadbChart(), dir });
    const report = gate([inFolder('team-a/mariadb'), inFolder('team-b/mariadb')]);
    const comment = renderComment(report, { marker: commentMarker(report.lockfile) });
    const matrix = comment.slice(comment.indexOf('#### Fleet verdict'));
    expect(matrix).toMatch(/^\| team-a\/mariadb \| /m);
    expect(matrix).toMatch(/^\| team-b\/mariadb \| /m);
    const text = renderText(report, { color: false });
    const rows = text.slice(text.indexOf('fleet verdict\n')).split('\n').slice(2, 4);
    expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(['team-a/mariadb', 'team-b/mariadb']);
  });

  it('leaves the matrix out of a lint', () => {
    const report = { ...sampleReport(), mode: 'lint' as const };
    expect(renderText(report, { color: false })).not.toContain('fleet verdict');
    expect(renderSummary(report)).not.toContain('Fleet verdict');
  });
});
