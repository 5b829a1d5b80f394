// Runs rules and applies the configuration: `off` drops a rule, a severity re-grades it (per chart wins over global).
// A rule that throws is a bug, not a user error: it becomes a diagnostic and the other rules still run.
import type { ChartConfig, Config } from '../model.js';
import type { Finding, RuleId, Severity } from '../report.js';
import type { ChartContext, ChartRule, FindingDraft, RepoContext, RepoRule } from './rule.js';

export interface RuleRun {
  findings: Finding[];
  diagnostics: string[];
}

function settingFor(id: RuleId, config: Config, chartConfig?: ChartConfig) {
  return chartConfig?.rules[id] ?? config.rules[id];
}

function finish(
  rule: ChartRule | RepoRule,
  drafts: FindingDraft[],
  configured: Severity | 'off' | undefined,
  chart?: string,
): Finding[] {
  return drafts.map(({ severity, ...draft }) => ({
    rule: rule.id,
    severity: configured && configured !== 'off' ? configured : (severity ?? rule.severity),
    ...(chart ? { chart } : {}),
    ...draft,
  }));
}

export function runChartRules(rules: readonly ChartRule[], ctx: ChartContext): RuleRun {
  const run: RuleRun = { findings: [], diagnostics: [] };
  for (const rule of rules) {
    const configured = settingFor(rule.id, ctx.config, ctx.chartConfig);
    if (configured === 'off') continue;
    try {
      run.findings.push(...finish(rule, rule.check(ctx), configured, ctx.change.name));
    } catch (error) {
      run.diagnostics.push(`rule ${rule.id} failed on ${ctx.change.dir}: ${(error as Error).message}`);
    }
  }
  return run;
}

export function runRepoRules(rules: readonly RepoRule[], ctx: RepoContext): RuleRun {
  const run: RuleRun = { findings: [], diagnostics: [] };
  for (const rule of rules) {
    const configured = settingFor(rule.id, ctx.config);
    if (configured === 'off') continue;
    try {
      run.findings.push(...finish(rule, rule.check(ctx), configured));
    } catch (error) {
      run.diagnostics.push(`rule ${rule.id} failed: ${(error as Error).message}`);
    }
  }
  return run;
}
