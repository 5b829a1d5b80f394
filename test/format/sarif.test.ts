import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/report.js';
import { renderSarif } from '../../src/format/sarif.js';
import { mariadbChart, sampleReport, withTotals } from './fixtures.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}

function parse(text: string) {
  const sarif = JSON.parse(text);
  const run = sarif.runs[0];
  return { sarif, run, rules: run.tool.driver.rules as { id: string }[], results: run.results as SarifResult[] };
}

describe('renderSarif', () => {
  const { sarif, rules, results } = parse(renderSarif(sampleReport()));

  it('is SARIF 2.1.0 from chart-guard', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'chart-guard', version: '0.1.0' });
  });

  it('has one rule per finding id and one result per finding, each pointing at its rule', () => {
    expect(rules.map((r) => r.id)).toEqual([
      'chart-dir-orphan',
      'immutable-field-changed',
      'major-upgrade-notes',
      'override-key-removed',
      'override-key-unknown',
      'resource-removed',
      'statefulset-replaced',
    ]);
    const { errors, warnings, notices } = sampleReport().summary;
    expect(results).toHaveLength(errors + warnings + notices);
    for (const result of results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('maps notices to the SARIF level note', () => {
    expect(new Set(results.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'note']));
  });

  it('locates a finding at its file and line, a chart finding without a file at its lockfile line', () => {
    const removed = results.find((r) => r.ruleId === 'override-key-removed' && r.message.text.startsWith('`master'));
    expect(removed?.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'values/mariadb.yaml' },
      region: { startLine: 12 },
    });
    const replaced = results.find((r) => r.ruleId === 'statefulset-replaced');
    expect(replaced?.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'helm-freeze.yaml' },
      region: { startLine: 14 },
    });
  });

  it('fingerprints a finding by what it is, not by its line', () => {
    const moved = sampleReport();
    moved.charts[1].findings[0] = { ...moved.charts[1].findings[0], line: 40 };
    const before = results.find((r) => r.message.text.startsWith('`master'))!;
    const after = parse(renderSarif(moved)).results.find((r) => r.message.text.startsWith('`master'))!;
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  it('keeps errors first when it has to cut at the result limit, and says how many were left out', () => {
    const chart = mariadbChart();
    chart.findings = [
      ...Array.from(
        { length: 5 },
        (_, i): Finding => ({ rule: 'resource-removed', severity: 'notice', message: `n${i}` }),
      ),
      ...Array.from(
        { length: 3 },
        (_, i): Finding => ({ rule: 'override-key-removed', severity: 'error', message: `e${i}` }),
      ),
    ];
    const { run, results: cut } = parse(
      renderSarif(withTotals({ ...sampleReport(), charts: [chart], findings: [] }), { maxResults: 4 }),
    );
    expect(cut.map((r) => r.message.text)).toEqual(['e0', 'e1', 'e2', 'n0']);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      '4 findings left out: SARIF runs hold at most 4 results.',
    );
  });
});
