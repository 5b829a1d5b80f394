// A rule that throws has checked nothing: the runner reports rule-crashed (an error naming the rule and the chart),
// so the verdict fails instead of passing on the rule's silence.
import { describe, expect, it } from 'vitest';
import { summarise, verdictOf } from '../../src/core/report/report.js';
import { ruleDescriptions } from '../../src/core/rules/index.js';
import type { ChartRule, RepoRule } from '../../src/core/rules/rule.js';
import { runChartRules, runRepoRules } from '../../src/core/rules/run.js';
import { bumpContext, testConfig } from '../values/helpers.js';

const throwing: ChartRule = {
  id: 'override-key-removed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true },
  severity: 'error',
  description: 'stand-in that fails like a bug would',
  check() {
    throw new RangeError('Maximum call stack size exceeded');
  },
};

const context = (config = testConfig()) =>
  bumpContext({ name: 'app', base: undefined, head: undefined }, [], [], config);

describe('a rule that throws', () => {
  it('becomes a rule-crashed error naming the rule and the chart; the other rules still run', () => {
    const ctx = { ...context(), change: { ...context().change, dir: 'charts/app' } };
    const after: ChartRule = { ...throwing, id: 'chart-deprecated', check: () => [{ message: 'ran after the crash' }] };
    const { findings } = runChartRules([throwing, after], ctx);
    const crashed = findings.filter((f) => f.rule === 'rule-crashed');
    expect(crashed).toEqual([
      expect.objectContaining({
        severity: 'error',
        chart: 'app',
        message: expect.stringMatching(
          /^rule override-key-removed crashed on chart app \(charts\/app\): Maximum call stack size exceeded\. /,
        ),
      }),
    ]);
    expect(findings.filter((f) => f.rule === 'chart-deprecated').map((f) => f.message)).toEqual([
      'ran after the crash',
    ]);
  });

  it('fails the verdict', () => {
    const { findings } = runChartRules([throwing], context());
    const summary = summarise({ charts: [{ findings } as never], findings: [] });
    expect(verdictOf(summary, 'error')).toBe('fail');
  });

  it('follows the config for rule-crashed itself', () => {
    const off = runChartRules([throwing], context(testConfig({ rules: { 'rule-crashed': 'off' } })));
    expect(off.findings).toEqual([]);
    const warning = runChartRules([throwing], context(testConfig({ rules: { 'rule-crashed': 'warning' } })));
    expect(warning.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('in a repository rule names no chart', () => {
    const repoRule: RepoRule = { ...throwing, scope: 'repo', check: () => JSON.parse('{') };
    const { findings } = runRepoRules([repoRule], { config: testConfig(), head: {} as never });
    expect(findings).toHaveLength(1);
    expect(findings[0].chart).toBeUndefined();
    expect(findings[0].message).toMatch(/^rule override-key-removed crashed on the repository: /);
  });

  it('has a description for SARIF and help', () => {
    expect(ruleDescriptions()['rule-crashed']).toMatch(/internal error/);
  });
});
