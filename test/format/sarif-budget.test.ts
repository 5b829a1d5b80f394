// The SARIF log has a size budget like every other output: past it, the least severe results are left out, and
// each run that lost results says how many and why.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/report/report.js';
import { renderSarif } from '../../src/format/sarif.js';
import { SARIF_MAX_CHARS } from '../../src/format/sarif-budget.js';
import { hugeReport, mariadbChart, sampleReport, withTotals } from './fixtures.js';

interface Log {
  runs: {
    results: { level: string; message: { text: string } }[];
    invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

/** A report of one chart with `count` findings of each severity, each message `size` characters long. */
function reportOf(count: number, size: number) {
  const chart = mariadbChart();
  chart.findings = (['notice', 'warning', 'error'] as const).flatMap((severity) =>
    Array.from(
      { length: count },
      (_, i): Finding => ({ rule: 'override-key-unknown', severity, message: `${severity} ${i} ${'x'.repeat(size)}` }),
    ),
  );
  return withTotals({ ...sampleReport(), charts: [chart], findings: [] });
}

describe('the SARIF size budget', () => {
  it('leaves a log within its budget as it is', () => {
    const report = reportOf(10, 100);
    expect(renderSarif(report, { maxChars: 1_000_000 })).toBe(renderSarif(report));
    expect(SARIF_MAX_CHARS).toBe(8 * 1024 * 1024);
  });

  it('leaves out notices first, then warnings, keeps the errors, and names the cut in the run', () => {
    const text = renderSarif(reportOf(100, 1000), { maxChars: 250_000 });
    expect(text.length).toBeLessThanOrEqual(250_000);
    const log = JSON.parse(text) as Log;
    const levels = log.runs[0].results.map((r) => r.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(100);
    expect(levels).not.toContain('note');
    const leftOut = 300 - levels.length;
    expect(leftOut).toBeGreaterThan(100);
    expect(log.runs[0].invocations?.[0].toolExecutionNotifications.map((n) => n.message.text)).toEqual([
      `${leftOut} findings left out: the SARIF file holds at most 250,000 characters (least severe first); the JSON report has them all.`,
    ]);
    // what stays keeps the report's order
    const warnings = log.runs[0].results.filter((r) => r.level === 'warning').map((r) => r.message.text.split(' ')[1]);
    expect(warnings).toEqual(warnings.map((_, i) => String(i)));
  });

  it('holds for a fleet-sized report, next to the results limit', () => {
    const text = renderSarif(hugeReport(300, 50), { maxChars: 2_000_000, maxResults: 10_000 });
    expect(text.length).toBeLessThanOrEqual(2_000_000);
    const log = JSON.parse(text) as Log;
    const notes = log.runs[0].invocations?.[0].toolExecutionNotifications.map((n) => n.message.text) ?? [];
    expect(notes[0]).toMatch(/^5,00\d findings left out: SARIF runs hold at most 10,000 results\.$/);
    expect(notes[1]).toMatch(/^[\d,]+ findings left out: the SARIF file holds at most 2,000,000 characters/);
  });

  it('a budget below the log without results leaves every result out and still says so', () => {
    const log = JSON.parse(renderSarif(reportOf(5, 10), { maxChars: 10 })) as Log;
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations?.[0].toolExecutionNotifications[0].message.text).toMatch(/^15 findings left out/);
  });
});
