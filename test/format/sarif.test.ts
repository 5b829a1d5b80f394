import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, RuleId } from '../../src/core/report/report.js';
import { ruleDescriptions } from '../../src/core/rules/index.js';
import { renderSarif, ruleAnchor } from '../../src/format/sarif.js';
import { PROJECT_DIR } from '../support/git-repo.js';
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

  it('links each rule to its README row when the README is known, and names the run chart-guard/', () => {
    const readmeUrl = 'https://github.com/o/chart-guard/blob/v1/README.md';
    const { run, rules: linked } = parse(renderSarif(sampleReport(), { readmeUrl }));
    // with the Kubernetes version its checks ran against (issue 20)
    expect(run.automationDetails).toEqual({ id: 'chart-guard/', description: { text: 'Kubernetes 1.31' } });
    for (const rule of linked as { id: string; helpUri: string }[]) {
      expect(rule.helpUri).toBe(`${readmeUrl}#rule-${rule.id}`);
    }
    expect(rules.every((r) => !('helpUri' in r))).toBe(true);
  });

  it('has an anchor in the README rule table for every rule id it links to', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    for (const id of Object.keys(ruleDescriptions()) as RuleId[]) {
      expect(readme, id).toContain(`<a id="${ruleAnchor(id)}"></a>\`${id}\``);
    }
  });

  it('splits findings into one run per environment, environment-free ones in chart-guard/', () => {
    const base = sampleReport();
    const [chart] = base.charts;
    const finding = (message: string, environments?: string[]): Finding => ({
      rule: 'resource-removed',
      severity: 'notice',
      message,
      ...(environments ? { environments } : {}),
    });
    const report = withTotals({
      ...base,
      environments: ['aws', 'gcp'].map((name) => ({
        name,
        values: [],
        kubernetesVersion: null,
        apiVersions: [],
        set: [],
      })),
      charts: [
        { ...chart, findings: [finding('both', ['aws', 'gcp']), finding('aws only', ['aws']), finding('none')] },
      ],
      findings: [],
    });
    const runs = JSON.parse(renderSarif(report)).runs as {
      automationDetails: { id: string };
      results: SarifResult[];
    }[];
    expect(runs.map((r) => [r.automationDetails.id, r.results.map((x) => x.message.text)])).toEqual([
      ['chart-guard/', ['none']],
      ['chart-guard/aws/', ['both', 'aws only']],
      ['chart-guard/gcp/', ['both']],
    ]);
  });

  it('marks introduced findings new and pre-existing ones unchanged, and says nothing without the marking', () => {
    const base = sampleReport();
    const [chart] = base.charts;
    const marked = (message: string, introduced?: boolean) =>
      ({
        rule: 'api-removed',
        severity: 'error',
        message,
        ...(introduced === undefined ? {} : { introduced }),
      }) as Finding;
    const report = withTotals({
      ...base,
      charts: [{ ...chart, findings: [marked('bump', true), marked('old', false), marked('unmarked')] }],
      findings: [],
    });
    const states = parse(renderSarif(report)).results.map((r) => [
      r.message.text,
      (r as SarifResult & { baselineState?: string }).baselineState,
    ]);
    expect(states).toEqual([
      ['bump', 'new'],
      ['old', 'unchanged'],
      ['unmarked', undefined],
    ]);
  });
});
