// A rule is a small named check, like an ESLint rule or a kube-linter check:
// an id, a default severity, a one-line description and a pure check() returning findings.
import type {
  ChartChange,
  ChartConfig,
  Config,
  KubeTarget,
  LoadedChart,
  Lockfile,
  OverrideFile,
  OverrideKey,
} from '../model.js';
import type { SideRefusedSymlink } from '../render/materialise.js';
import type { RenderPair } from '../render/types.js';
import type { Finding, RuleId, Severity, UpgradeNote } from '../report.js';
import type { IgnoredKeyProof } from '../values/ignored-key-search.js';

/** What a rule returns; the runner adds rule, severity (after config re-grading) and chart. */
export type FindingDraft = Omit<Finding, 'rule' | 'severity' | 'chart'> & { severity?: Severity };

/** Everything known about one changed chart. */
export interface ChartContext {
  change: ChartChange;
  /** The chart at base / head; undefined when the entry is absent on that side or its folder is missing. */
  base?: LoadedChart;
  head?: LoadedChart;
  /** Override files mapped to this chart, read at head (at base for a removed chart). */
  overrides: OverrideFile[];
  /** The same override files read at base (for overrides-changed). */
  baseOverrides: OverrideFile[];
  /** The new chart README's upgrade notes for every version a bump crosses (from, to], newest first. */
  upgradeNotes?: UpgradeNote[];
  /** Keys the config says are set from code. */
  codeSet: OverrideKey[];
  chartConfig: ChartConfig;
  config: Config;
  kube?: KubeTarget;
  /** Present when render-based checks ran for this chart. */
  renders?: RenderPair;
  /** Present when the head was rendered again without the weakly accepted override keys (ignored-key-proof.ts). */
  ignoredKeyProof?: IgnoredKeyProof;
  /** Symlinks leading out of the chart folder, refused (never followed) when the chart was materialised. */
  refusedSymlinks?: SideRefusedSymlink[];
  headLockfile?: Lockfile;
}

export interface RepoContext {
  config: Config;
  base?: Lockfile;
  head: Lockfile;
  /** Lint only: every file path of the snapshot, and override files that map to no chart. */
  files?: string[];
  orphanOverrideFiles?: string[];
}

export interface ChartRule {
  id: RuleId;
  scope: 'chart';
  severity: Severity;
  description: string;
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
