// What the rules see of one chart in one environment: both sides of the chart, the override files and code-set
// keys that environment applies, its Kubernetes target, and the renders made for it. Built by the pipeline
// (pipeline.ts, chart-analysis.ts); rules read it and never touch git, helm or the file system. The facts several
// rules share (override coverage, matched renders, the schema check) are members worked out on first use, once per
// context: the context of each environment, and the one completed by the ignored-key proof, has its own.

import { matchRenders, type RenderMatch } from '../render/match.js';
import type { SideRefusedSymlink } from '../render/materialise.js';
import { type TemplateObjects, templateObjects } from '../render/template-lines.js';
import type { RenderPair } from '../render/types.js';
import type { UpgradeNote } from '../report/report.js';
import { type CoverageMemo, coverageMemo, type KeyCoverage, overrideCoverage } from '../values/coverage.js';
import { renameSuggestions } from '../values/did-you-mean.js';
import type { IgnoredKeyProof } from '../values/ignored-key-search.js';
import type { KeyPath } from '../values/key-path.js';
import { ChartSchemas, checkSchema, type SchemaCheck } from '../values/schema.js';
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

/** Everything the pipeline gathered about one changed chart, in one environment: plain data. */
export interface ChartInputs {
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
  /**
   * A readiness review of this environment: the change raises its Kubernetes target from `from` to `to` (or the run's
   * --kube-version does), so the chart is checked at the new version and its drain blockers count as errors.
   */
  readiness?: { from: KubeTarget; to: KubeTarget };
  /** Present when the head was rendered again without the weakly accepted override keys (ignored-key-proof.ts). */
  ignoredKeyProof?: IgnoredKeyProof;
  /** Symlinks leading out of the chart folder, refused (never followed) when the chart was materialised. */
  refusedSymlinks?: SideRefusedSymlink[];
  headLockfile?: Lockfile;
}

/** What rules read: the inputs, and the facts several rules share, each worked out once when first asked for. */
export interface ChartContext extends ChartInputs {
  /**
   * Coverage of every head-side override key and code-set key (override-key-removed, override-key-unknown,
   * override-type-changed, override-proof-incomplete); with the ignored-key proof applied. Empty without a head chart.
   */
  coverage(): KeyCoverage[];
  /** The objects both successful renders hold, matched by identity; undefined unless both sides rendered. */
  matchedRenders(): RenderMatch | undefined;
  /**
   * The head's values.schema.json against the merged overrides and code-set keys; undefined without a head, without a
   * schema, or without a single override value (then the merged values are the chart's defaults, its own concern).
   */
  schemaCheck(): SchemaCheck | undefined;
  /**
   * Removed default key (formatted) -> its likely new key (values/did-you-mean.ts); empty without both sides. A fact
   * of the bump, the same in every environment: shared by the contexts of one chart (BumpFacts).
   */
  renameSuggestions(): ReadonlyMap<string, KeyPath>;
  /** The objects each template file of either side declares, read once (render/template-lines.ts); BumpFacts'. */
  templateObjects: TemplateObjects;
  /** The run's compiled values.schema.json validators (values/schema.ts); BumpFacts'. */
  chartSchemas: ChartSchemas;
}

/** What one chart's bump gives every environment alike, worked out once on first use and shared by its contexts. */
export interface BumpFacts {
  renameSuggestions(): ReadonlyMap<string, KeyPath>;
  /** Both sides' template-read indexes and compiled schema patterns, for the coverage of every environment. */
  coverage: CoverageMemo;
  templateObjects: TemplateObjects;
  /** Not the bump's own: the run's, handed in (a fresh one when the caller has no run). */
  chartSchemas: ChartSchemas;
}

/**
 * The facts of the bump from `base` to `head` (both sides' LoadedChart, the same objects in every environment);
 * `chartSchemas`: the run's compiled schemas.
 */
export function bumpFacts(
  { base, head }: Pick<ChartInputs, 'base' | 'head'>,
  chartSchemas: ChartSchemas = new ChartSchemas(),
): BumpFacts {
  return {
    renameSuggestions: once(() => (base && head ? renameSuggestions(base.defaults, head.defaults) : new Map())),
    coverage: coverageMemo(),
    templateObjects: templateObjects(),
    chartSchemas,
  };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * The rules' view of one chart in one environment; build it once and hand the same object to every rule. `bump`:
 * the facts its chart's other environments share (bumpFacts of the same sides); default its own.
 */
export function chartContext(inputs: ChartInputs, bump: BumpFacts = bumpFacts(inputs)): ChartContext {
  const facts: Omit<ChartContext, keyof ChartInputs> = {
    renameSuggestions: bump.renameSuggestions,
    templateObjects: bump.templateObjects,
    chartSchemas: bump.chartSchemas,
    coverage: once(() => overrideCoverage(inputs, bump.coverage)),
    matchedRenders: once(() => {
      const { base, head } = inputs.renders ?? {};
      return base?.status === 'ok' && head?.status === 'ok' ? matchRenders(base, head) : undefined;
    }),
    schemaCheck: once(() => {
      const { head, overrides, codeSet } = inputs;
      if (!head || head.schema === undefined) return undefined;
      // compiling a large schema is the costliest step of a review after helm and YAML parsing: skip it when no
      // override or code-set value could break it
      if (codeSet.length === 0 && overrides.every((o) => o.keys.length === 0 && Object.keys(o.values).length === 0)) {
        return undefined;
      }
      return checkSchema(head.schema, head.defaults, overrides, codeSet, bump.chartSchemas);
    }),
  };
  // Not enumerable: a spread copy (`{ ...ctx, renders }`) is plain inputs again, never carrying facts worked out
  // from other inputs; pass it through chartContext() to give it its own.
  const context = { ...inputs } as ChartContext;
  for (const [name, value] of Object.entries(facts)) Object.defineProperty(context, name, { value, enumerable: false });
  return context;
}
