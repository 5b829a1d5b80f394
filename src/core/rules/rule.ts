// A rule is a small named check, like an ESLint rule or a kube-linter check:
// an id, a default severity, a one-line description and a pure check() returning findings.
import type { AcceptanceOutcome } from '../acceptances.js';
import type { ChartContext } from '../chart-context.js';
import type { Config, Lockfile } from '../model.js';
import type { PolicyChange } from '../policy.js';
import type { Finding, RuleId, Severity } from '../report.js';

export type { ChartContext } from '../chart-context.js';

/** What a rule returns; the runner adds rule, severity (after config re-grading) and chart. */
export type FindingDraft = Omit<Finding, 'rule' | 'severity' | 'chart'> & { severity?: Severity };

export interface RepoContext {
  config: Config;
  base?: Lockfile;
  head: Lockfile;
  /** Lint only: every file path of the snapshot, and override files that map to no chart. */
  files?: string[];
  orphanOverrideFiles?: string[];
  /** Review only: how the head's config changes the base's policy (policy.ts). */
  policyChanges?: PolicyChange[];
  /** After the acceptance step: expired and stale acceptances (acceptances.ts). */
  acceptances?: AcceptanceOutcome;
}

export interface ChartRule {
  id: RuleId;
  scope: 'chart';
  severity: Severity;
  description: string;
  /**
   * false: the rule reads only the chart's own files and the lockfile, so it runs once per chart and its findings
   * name no environment. Default true: it runs in every environment and each finding names the ones it holds in.
   */
  dependsOnEnvironment?: false;
  check(ctx: ChartContext): FindingDraft[];
}

export interface RepoRule {
  id: RuleId;
  scope: 'repo';
  severity: Severity;
  description: string;
  check(ctx: RepoContext): FindingDraft[];
}

export type Rule = ChartRule | RepoRule;
