// What the pipeline takes: a plan (review.ts, lint.ts) and the options a review and a lint share.
import type { NewAcceptances } from '../acceptances/acceptance-approval.js';
import type { RenderCacheOptions } from '../render/render-cache.js';
import type { Snapshot } from '../repo/snapshot.js';
import type { FailOn } from '../report/report.js';
import type { Shard } from '../shards/shard.js';

/** What a review and a lint both take: where the repository is, how to read it, how to judge it. */
export interface AnalysisOptions {
  /** Repository root (for git and for resolving the config file). */
  repoDir: string;
  head: Snapshot;
  /** Repo-relative lockfile path; overrides the config; default helm-freeze.yaml. */
  lockfile?: string;
  /** Extra override file patterns ({chart}, {dir}, {dest} placeholders), added to the config's. */
  values?: string[];
  /** Repo-relative config path; default .github/chart-guard.yaml (absent is fine for the default). */
  configPath?: string;
  /**
   * A config the caller vouches for, read outside the snapshots (the CLI's `--config FILE`, from anywhere): the config
   * and the policy of every side, instead of the snapshots' own. `path` is how findings name it.
   */
  trustedConfig?: { path: string; text: string };
  /** Target Kubernetes version "1.31"; overrides the config's (and every environment's). */
  kubernetesVersion?: string;
  failOn?: FailOn;
  /** Findings that already held on the base fail the review too; overrides the policy's failOnExisting. */
  failOnExisting?: boolean;
  /** helm binary: a path, undefined to look on PATH, null to disable rendering. */
  helm?: string | null;
  /** Parallel renders; default: CPU count. */
  concurrency?: number;
  /**
   * A folder of render outcomes shared between runs (render-cache.ts): renders (proof renders too) whose inputs did
   * not change are read from it instead of running helm. An unusable folder means renders without it.
   */
  cache?: RenderCacheOptions;
  /** Progress lines for long runs (the CLI prints them on stderr). */
  progress?: (message: string) => void;
  toolVersion?: string;
  /** The day acceptances are judged on (their expiry); default today. */
  today?: Date;
  /**
   * Only the chart × environment pairs of this shard (shard.ts); the report says which (Report.shard) and
   * `chart-guard merge` puts the shards' reports back together.
   */
  shard?: Shard;
  /**
   * Whether acceptances the change adds or renews count (acceptance-approval.ts): the adapter's word, `trusted` when
   * absent (the CLI and the Action always say; a library caller vouches for its own acceptances).
   */
  newAcceptances?: NewAcceptances;
  /**
   * Whose policy applies (rule severities, failOn, failOnExisting, free-form keys, render switches, acceptances): a
   * review's base. Without it (a lint), the snapshot's own config is its policy.
   */
  policyBase?: Snapshot;
}

export interface ReviewOptions extends AnalysisOptions {
  base: Snapshot;
}

/** What a plan chooses; the pipeline does the rest. */
export interface Plan {
  mode: 'review' | 'lint';
  /** Review: the base to compare with (only changed charts are analysed). Lint: none, every chart is. */
  base?: Snapshot;
  /** Lint: leave out these chart folders (review-with-lint lints only the charts the review did not look at). */
  skipCharts?: ReadonlySet<string>;
  /**
   * Review: false leaves the charts the change does not touch to the lint of `review --lint`, which checks them in
   * the raised environments as readiness does (readiness.ts). Default: a raise checks them in the review.
   */
  readinessCharts?: false;
}
