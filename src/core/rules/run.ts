// Runs rules and applies the configuration: `off` drops a rule, a severity re-grades it (per chart wins over global).
// A rule that throws is a bug, but its silence must not read as a pass: the crash becomes a rule-crashed error
// finding naming the rule and the chart, and the other rules still run.
import type { ChartConfig, Config } from '../model/model.js';
import type { Finding, RuleId, Severity } from '../report/report.js';
import type { ChartContext, ChartRule, FindingDraft, RepoContext, RepoRule } from './rule.js';
import { crashFinding, ruleCrashed } from './rule-crashed.js';

export interface RuleRun {
  findings: Finding[];
}

function settingFor(id: RuleId, config: Config, chartConfig?: ChartConfig) {
  return chartConfig?.rules[id] ?? config.rules[id];
}

const SEVERITY_RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

function finish(
  run: RuleRun,
  rule: ChartRule | RepoRule,
  drafts: FindingDraft[],
  configured: Severity | 'off' | undefined,
  chart?: string,
  /** A readiness review's floor (the rule's readiness hook): a raise is a fact of base and head, no config lowers it. */
  floor?: Severity,
): void {
  const raised = (severity: Severity) => (floor && SEVERITY_RANK[floor] > SEVERITY_RANK[severity] ? floor : severity);
  // a loop, not push(...spread): a rule may return more findings than a call has room for arguments
  for (const { severity, ...draft } of drafts) {
    run.findings.push({
      rule: rule.id,
      severity: raised(configured && configured !== 'off' ? configured : (severity ?? rule.severity)),
      ...(chart ? { chart } : {}),
      ...draft,
    });
  }
}

function crashed(
  run: RuleRun,
  rule: ChartRule | RepoRule,
  error: unknown,
  config: Config,
  chartConfig?: ChartConfig,
  chart?: { name: string; dir: string },
): void {
  const configured = settingFor(ruleCrashed.id, config, chartConfig);
  if (configured === 'off') return;
  run.findings.push(crashFinding(rule, error, configured ?? ruleCrashed.severity, chart));
}

export function runChartRules(rules: readonly ChartRule[], ctx: ChartContext): RuleRun {
  const run: RuleRun = { findings: [] };
  for (const rule of rules) {
    const configured = settingFor(rule.id, ctx.config, ctx.chartConfig);
    if (configured === 'off') continue;
    try {
      const floor = ctx.readiness ? rule.readiness?.severity : undefined;
      finish(run, rule, rule.check(ctx), configured, ctx.change.name, floor);
    } catch (error) {
      crashed(run, rule, error, ctx.config, ctx.chartConfig, { name: ctx.change.name, dir: ctx.change.dir });
    }
  }
  return run;
}

export function runRepoRules(rules: readonly RepoRule[], ctx: RepoContext): RuleRun {
  const run: RuleRun = { findings: [] };
  for (const rule of rules) {
    const configured = settingFor(rule.id, ctx.config);
    if (configured === 'off') continue;
    try {
      finish(run, rule, rule.check(ctx), configured);
    } catch (error) {
      crashed(run, rule, error, ctx.config);
    }
  }
  return run;
}
