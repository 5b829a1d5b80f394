// What a rule declares about its findings for the modules that present, plan, accept, combine and merge them
// (the rule's hooks), so that none of those modules branches on a rule id. The rules declare them (rules/*.ts);
// the modules that use them (runbook/, acceptances, format/) are handed the registry's lookup.
import type { ChartReport, Finding, ResourceRef, RuleId, Severity } from '../report/report.js';

/** How a finding's before and after are put in words (format/describe.ts); without one, a before → after line. */
export type ChangeShape =
  | 'statefulset-successor'
  | 'crd-versions-and-schema'
  | 'served-versions'
  /** Several fields in one finding: before and after map each field (the first is the path) to its value. */
  | 'per-field';

/** The upgrade runbook's steps (runbook/upgrade-plan.ts) a finding calls for. */
export type RunbookAction =
  /** Apply the chart's crds/ CRD by hand before the upgrade: helm upgrade never does. */
  | 'apply-crd'
  /** Migrate the stored objects of a removed CRD version before the upgrade (the commands of the remedy). */
  | 'migrate-stored-objects'
  /** Back up the StatefulSet's volumes and delete it without its pods: the successor starts with empty PVCs. */
  | 'back-up-and-replace'
  /** Delete the object (workloads without their pods) so the upgrade re-creates it with the unchangeable field. */
  | 'delete-and-recreate'
  /** Rewrite the deployed release's stored manifest (helm mapkubeapis) before the cluster's Kubernetes upgrade. */
  | 'map-kube-apis'
  /** A chart of the lockfile no environment deploys: the runbook says so, and installs nothing (format/plan.ts). */
  | 'not-deployed'
  /** The upgrade deletes a StatefulSet (its PVCs, `before.claims`, stay orphaned or go with it) or a PVC: back them up. */
  | 'back-up-claims';

/** Why a finding's object is re-created: immutable fields (grouped per object with the others), or a sentence. */
export type ReinstallCause = { immutableField: string | readonly string[] | undefined } | { sentence: string };

/** A sharded run put back together (shards/merge-reports.ts): every shard's findings, and the charts of every shard. */
export interface ShardedRun {
  findings: readonly Finding[];
  charts: readonly ChartReport[];
}

/**
 * What other modules do with the rule's findings, declared on the rule so that none of them branches on its id
 * (they look the rule up with ruleHooks, rules/index.ts, or are handed that lookup: HooksOf). Each is optional: without it, the general treatment.
 */
export interface RuleHooks {
  change?: ChangeShape;
  /** Its findings are rows of the override-key table (format/markdown.ts); withoutChange: the cell when no default changed. */
  keyTable?: { withoutChange?: string };
  /** Why a finding with needsReinstall needs it (runbook/reinstall-reason.ts); without it, "Kind name: rule-id". */
  reinstall?(finding: Pick<Finding, 'path' | 'after'> & { resource: ResourceRef }): ReinstallCause;
  runbook?: readonly RunbookAction[];
  /** apply-crd: the CRDs a finding has applied, by name (one finding may list several); without it, its resource. */
  appliedCrds?(finding: Finding): string[];
  /**
   * Its findings about crds/ CRDs that another chart of the environment renders as templates (that release owns them:
   * rules/analysis/crd-owners.ts): what the finding, of one environment, says instead; `owners`: CRD name -> owner.
   */
  ownedCrds?(
    finding: Finding,
    owners: ReadonlyMap<
      string,
      { chart: string; from: string | null; to: string | null; release: string; namespace: string }
    >,
    chart: Pick<ChartReport, 'name' | 'from' | 'to'>,
  ): Finding[];
  /**
   * A check of Kubernetes upgrade readiness (pipeline/readiness.ts): in an environment whose target the change
   * raises, its findings are rows of the readiness table, at least `severity` (the config's `off` still turns it off).
   */
  readiness?: { severity?: Severity };
  /** false: findings about the gate itself (its policy, its files), which a pull request must not accept (acceptances.ts). */
  acceptable?: false;
  /** A finding about the run rather than the chart (a skipped render, a crashed rule): never "already there" (preexisting.ts). */
  runCondition?: true;
  /**
   * What a finding is when compared with the base-only run's (preexisting.ts), instead of its identity
   * (finding-identity.ts): a render failure of either side is already there when the base fails for the same cause.
   */
  preexistingKey?(finding: Pick<Finding, 'message'>): string;
  /** Shards merged: this rule's findings of every shard, once each, become the whole run's; by default kept as they are. */
  mergeShards?(own: readonly Finding[], run: ShardedRun): Finding[];
  /**
   * A review with the lint of the untouched charts (combine.ts): the review's and the lint's findings of this rule
   * become the report's; by default the review's, then the lint's not already there (same key).
   */
  combineHalves?(review: readonly Finding[], lint: readonly Finding[], key: (finding: Finding) => string): Finding[];
}

/** The registry's lookup (rules/index.ts ruleHooks), handed to the modules that cannot import the rules. */
export type HooksOf = (id: RuleId) => RuleHooks;
