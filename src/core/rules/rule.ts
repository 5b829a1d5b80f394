// A rule is a small named check, like an ESLint rule or a kube-linter check:
// an id, a default severity, a one-line description and a pure check() returning findings.
import type { AcceptanceOutcome } from '../acceptances/acceptances.js';
import type { PolicyChange } from '../config/policy-changes.js';
import type { UnmatchedPattern } from '../input/input-checks.js';
import type { ChartContext } from '../model/chart-context.js';
import type { Config, KubeTarget, Lockfile } from '../model/model.js';
import type { RuleHooks } from '../registry/rule-hooks.js';
import type { Finding, RuleId, Severity } from '../report/report.js';

export type { ChartContext } from '../model/chart-context.js';
export type { RuleHooks } from '../registry/rule-hooks.js';

/** What a rule returns; the runner adds rule, severity (after config re-grading) and chart. */
export type FindingDraft = Omit<Finding, 'rule' | 'severity' | 'chart'> & { severity?: Severity };

export interface RepoContext {
  config: Config;
  base?: Lockfile;
  head: Lockfile;
  /** Lint only: every file path of the snapshot, and override files that map to no chart. */
  files?: string[];
  orphanOverrideFiles?: string[];
  /** Review only: how the head's config changes the base's policy (config/policy-changes.ts). */
  policyChanges?: PolicyChange[];
  /** After the acceptance step: expired and stale acceptances (acceptances.ts). */
  acceptances?: AcceptanceOutcome;
  /** Values patterns that match no file for any chart they apply to (input-checks.ts). */
  unmatchedPatterns?: UnmatchedPattern[];
  /** The run's Kubernetes target (flag, input or config); undefined when none was given anywhere. */
  kube?: KubeTarget;
  /** The environments without a Kubernetes target where others have one: their API checks did not run. */
  kubeUnsetIn?: string[];
  /**
   * Renders skipped for the whole run (rendering off): why, the charts it left unchecked, and the ids of the run's
   * rules that read renders (render-skipped.ts renderSkippedOf).
   */
  renderSkipped?: { reason: string; charts: string[]; checks?: string[] };
}

/** A review compares base with head; a lint reads one snapshot. */
export type RuleMode = 'review' | 'lint';

/** What a rule reads beyond the head's files; the pipeline plans by it (pipeline.ts rulesFor). */
export interface RuleNeeds {
  /** It compares with the base side: a lint has none, so such a rule runs in reviews only. */
  base?: boolean;
  /** It reads helm renders (render-failed and render-skipped report on the renders themselves). */
  renders?: boolean;
  /**
   * Chart rules. false: the rule reads only the chart's own files and the lockfile, so it runs once per chart and
   * its findings name no environment. Default true: it runs in every environment and each finding names the ones
   * it holds in.
   */
  environment?: boolean;
  /** Repo rules: it reads the acceptance step's outcome, so it runs after every other rule. */
  acceptances?: boolean;
  /**
   * Chart rules that read renders: the kinds of documents printed alike by both sides whose objects it reads (a
   * PodDisruptionBudget's selector against unchanged workloads). Default none: it reads the objects of documents that
   * changed, and of any document only the facts its text shows (render/document-facts.ts), so in a bump the rest is
   * never parsed (test/review/document-reads.test.ts holds each rule to its word).
   */
  documents?: readonly string[];
}

export interface RuleDeclaration extends RuleHooks {
  id: RuleId;
  severity: Severity;
  description: string;
  /** The plans it runs in. */
  modes: readonly RuleMode[];
  needs: RuleNeeds;
}

export interface ChartRule extends RuleDeclaration {
  scope: 'chart';
  check(ctx: ChartContext): FindingDraft[];
}

export interface RepoRule extends RuleDeclaration {
  scope: 'repo';
  check(ctx: RepoContext): FindingDraft[];
}

export type Rule = ChartRule | RepoRule;
