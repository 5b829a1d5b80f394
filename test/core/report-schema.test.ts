// docs/reference/report.schema.json against what chart-guard writes: every report the format tests build (hostile
// texts, a lint, a fleet) is valid as JSON, and a report that breaks it is named by the field that breaks it.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.js';
import { reportCheck, reportSchemaProblem } from '../../src/core/report/report-schema.js';
import { renderJson } from '../../src/format/json.js';
import { hostileReport, hugeReport, lintReport, sampleReport } from '../format/fixtures.js';

const reports = reportCheck();
const asWritten = (report: Report) => JSON.parse(renderJson(report)) as Record<string, unknown>;

describe('the report schema', () => {
  it.each([
    ['a review', sampleReport],
    ['a lint', lintReport],
    ['a report of hostile texts', hostileReport],
    ['a fleet', () => hugeReport(3, 4)],
  ])('holds %s as chart-guard writes it', (_name, build) => {
    expect(reportSchemaProblem(asWritten(build()), reports)).toBeUndefined();
  });

  it('names the field that breaks it as a JSON pointer, and says what is wrong there', () => {
    const report = asWritten(hostileReport());
    const charts = report.charts as Record<string, unknown>[];
    const finding = (charts[0].findings as Record<string, unknown>[])[0];
    expect(reportSchemaProblem({ ...report, verdict: 'ok' }, reports)).toBe('/verdict must be one of pass, warn, fail');
    finding.line = 0;
    expect(reportSchemaProblem(report, reports)).toBe('/charts/0/findings/0/line must be >= 1');
    finding.line = 3;
    delete finding.severity;
    expect(reportSchemaProblem(report, reports)).toBe('/charts/0/findings/0/severity is missing');
    finding.severity = 'error';
    charts[0]['inject/<b>'] = true;
    expect(reportSchemaProblem(report, reports)).toBe('/charts/0/inject~1<b> is not a field of the report');
    delete charts[0]['inject/<b>'];
    expect(reportSchemaProblem({ ...report, base: { ref: 'main' } }, reports)).toBe('/base/sha is missing');
    expect(reportSchemaProblem(report, reports)).toBeUndefined();
  });
});
