// What the rules see of one chart in one environment: both sides of the chart, the override files and code-set
// keys that environment applies, its Kubernetes target, and the renders made for it. Built by the pipeline
// (pipeline.ts, chart-analysis.ts); rules read it and never touch git, helm or the file system.
import type {
  ChartChange,
  ChartConfig,
  Config,
  KubeTarget,
  LoadedChart,
  Lockfile,
  OverrideFile,
  OverrideKey,
} from './model.js';
import type { SideRefusedSymlink } from './render/materialise.js';
import type { RenderPair } from './render/types.js';
import type { UpgradeNote } from './report.js';
import type { IgnoredKeyProof } from './values/ignored-key-search.js';

/** Everything known about one changed chart, in one environment. */
export interface ChartContext {
  change: ChartChange;
  /** The environment these overrides, target and renders belong to; undefined for the implicit one (no config). */
  environment?: string;
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
