import { describe, expect, it } from 'vitest';
import type { Finding, Report, Severity } from '../../src/core/report/report.js';
import { selectAnnotations } from '../../src/format/annotations.js';
import { mariadbChart, sampleReport, withTotals } from './fixtures.js';

function reportWith(counts: Record<Severity, number>, messageLength = 40): Report {
  const chart = mariadbChart();
  chart.findings = (['notice', 'warning', 'error'] as const).flatMap((severity) =>
    Array.from(
      { length: counts[severity] },
      (_, i): Finding => ({
        rule: 'override-key-removed',
        severity,
        chart: 'mariadb',
        message: `${severity} ${i} ${'x'.repeat(messageLength)}`,
        file: 'values/mariadb.yaml',
        line: i + 1,
      }),
    ),
  );
  return withTotals({ ...sampleReport(), charts: [chart], findings: [] });
}

describe('selectAnnotations', () => {
  const sample = selectAnnotations(sampleReport());

  it('annotates a finding at its own file and line', () => {
    expect(sample).toContainEqual(
      expect.objectContaining({
        level: 'error',
        title: 'override-key-removed (mariadb)',
        file: 'values/mariadb.yaml',
        startLine: 12,
      }),
    );
  });

  it('annotates a chart finding without a file at the chart line of the lockfile', () => {
    const replaced = sample.find((a) => a.title === 'statefulset-replaced (mariadb)');
    expect(replaced).toMatchObject({ file: 'helm-freeze.yaml', startLine: 14 });
  });

  it('puts a lockfile finding without a line on the chart line of the lockfile', () => {
    const report = sampleReport();
    report.charts[1].findings = [
      {
        rule: 'chart-version-mismatch',
        severity: 'error',
        chart: 'mariadb',
        message: 'Chart.yaml says 7.10.4',
        file: 'helm-freeze.yaml',
      },
    ];
    expect(selectAnnotations(report)).toContainEqual(
      expect.objectContaining({ file: 'helm-freeze.yaml', startLine: 14 }),
    );
  });

  it('annotates a repository finding at its file, without a line when it has none', () => {
    const orphan = sample.find((a) => a.title === 'chart-dir-orphan');
    expect(orphan).toEqual(expect.objectContaining({ level: 'warning', file: 'charts/redis/Chart.yaml' }));
    expect(orphan).not.toHaveProperty('startLine');
  });

  it('leaves out a repository finding that has no place in a file', () => {
    const report = withTotals({
      ...sampleReport(),
      findings: [{ rule: 'render-skipped', severity: 'warning', message: 'helm was not found' }],
    });
    expect(selectAnnotations(report).some((a) => a.title === 'render-skipped')).toBe(false);
  });

  it('carries the resource, the change and the remedy in the message', () => {
    const immutable = sample.find((a) => a.title === 'immutable-field-changed (prometheus-node-exporter)');
    expect(immutable?.message).toContain('Resource: DaemonSet demo/rel-prometheus-node-exporter (apps/v1)');
    expect(immutable?.message).toContain('Field: spec.selector.matchLabels');
    expect(immutable?.message).toContain(
      'Change: app=prometheus-node-exporter, release=rel → app.kubernetes.io/instance=rel, app.kubernetes.io/name=prometheus-node-exporter',
    );
    expect(immutable?.message).toContain('Remedy: Delete the DaemonSet before the upgrade');
  });

  it('ends with a link to the file and line at the head commit when given a link base, and not without one', () => {
    const linked = selectAnnotations(sampleReport(), undefined, 'https://github.com/acme/platform/blob/1206942');
    const immutable = linked.find((a) => a.title === 'immutable-field-changed (prometheus-node-exporter)');
    expect(
      immutable?.message.endsWith('\nAt: https://github.com/acme/platform/blob/1206942/helm-freeze.yaml#L20'),
    ).toBe(true);
    expect(sample.some((a) => a.message.includes('\nAt: '))).toBe(false);
  });

  it('shows at most 10 per level and says on the last one how many more are in the job summary', () => {
    const annotations = selectAnnotations(reportWith({ error: 25, warning: 3, notice: 12 }));
    const errors = annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[9].message.endsWith('\n\n+ 15 more errors in the job summary.')).toBe(true);
    expect(errors.slice(0, 9).every((a) => !a.message.includes('in the job summary'))).toBe(true);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(3);
    const notices = annotations.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(10);
    expect(notices[9].message).toContain('+ 2 more notices in the job summary.');
  });

  it('gives errors the room first, then warnings, then notices, within the per-job limit', () => {
    const annotations = selectAnnotations(reportWith({ error: 12, warning: 12, notice: 12 }), {
      perLevel: 10,
      perJob: 15,
      maxChars: 4096,
    });
    expect(annotations.map((a) => a.level)).toEqual([...Array(10).fill('error'), ...Array(5).fill('warning')]);
    expect(annotations[14].message).toContain('+ 7 more warnings in the job summary.');
  });

  it('keeps each message within 4,096 characters, the note about the rest included', () => {
    const annotations = selectAnnotations(reportWith({ error: 11, warning: 0, notice: 0 }, 10_000));
    expect(annotations.every((a) => a.message.length <= 4096)).toBe(true);
    expect(annotations[9].message.endsWith('+ 1 more error in the job summary.')).toBe(true);
  });

  it('puts an error first even when the report lists it last', () => {
    const annotations = selectAnnotations(reportWith({ error: 1, warning: 1, notice: 1 }));
    expect(annotations.map((a) => a.level)).toEqual(['error', 'warning', 'notice']);
  });
});
