import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { renderJson } from '../../src/format/json.js';
import { lintReport, sampleReport } from './fixtures.js';

/** The same report with every model object's keys in reverse order (opaque before/after values untouched). */
function reversed(report: Report): Report {
  const flip = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
  return flip({
    ...report,
    summary: flip(report.summary),
    findings: report.findings.map(flip),
    charts: report.charts.map((chart) =>
      flip({
        ...chart,
        render: flip(chart.render),
        valuesDiff: flip(chart.valuesDiff),
        findings: chart.findings.map(flip),
      }),
    ),
  });
}

describe('renderJson', () => {
  const json = renderJson(sampleReport());

  it('starts with schemaVersion 1', () => {
    expect(json.startsWith('{\n  "schemaVersion": 1,\n  "tool": {')).toBe(true);
  });

  it('is indented with two spaces and ends with a newline', () => {
    expect(json).toContain('\n  "charts": [\n    {\n      "name": "zookeeper",');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('round-trips to the report model', () => {
    expect(JSON.parse(json)).toEqual(sampleReport());
  });

  it('gives the same text whatever order the fields were set in', () => {
    expect(renderJson(reversed(sampleReport()))).toBe(json);
  });

  it('leaves out fields without a value', () => {
    const report = sampleReport();
    report.charts[1].findings[0] = { ...report.charts[1].findings[0], line: undefined, remedy: undefined };
    const finding = JSON.parse(renderJson(report)).charts[1].findings[0];
    expect(Object.keys(finding)).toEqual([
      'rule',
      'severity',
      'message',
      'chart',
      'file',
      'path',
      'suggestion',
      'before',
    ]);
  });

  it('keeps a null base in lint mode', () => {
    expect(JSON.parse(renderJson(lintReport())).base).toBeNull();
  });

  it('keeps a field added after schemaVersion 1, after the known ones', () => {
    const report = { ...sampleReport(), timing: { ms: 12 } } as Report;
    const keys = Object.keys(JSON.parse(renderJson(report)));
    expect(keys.at(-1)).toBe('timing');
    expect(keys[0]).toBe('schemaVersion');
  });
});
