// Per changed chart: load both sides once, read each environment's overrides, plan the renders of every
// environment, and turn rule findings into a ChartReport.
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { chartConfigFor, chartConfigIn, mergeSetKeys } from '../config/config.js';
import type { ChartInputs } from '../model/chart-context.js';
import type {
  ChartChange,
  ChartConfig,
  Environment,
  LoadedChart,
  LockEntry,
  OverrideFile,
  TemplateSettings,
} from '../model/model.js';
import { renderNamesProblem } from '../render/release-names.js';
import type { RenderCache } from '../render/render-cache.js';
import { renderedDiff } from '../render/rendered-diff.js';
import { type RenderJob, type RenderOutcome, refusedSymlinksBySide } from '../render/renderer.js';
import { servedApiVersions } from '../render/served-apis.js';
import type { RenderPair, RenderResult } from '../render/types.js';
import { loadChart } from '../repo/chart-loader.js';
import type { ParsedYaml } from '../repo/chart-yaml.js';
import type { Snapshot } from '../repo/snapshot.js';
import { extractUpgradeNotes, parseArtifactHubChanges } from '../repo/upgrade-notes.js';
import {
  type ChartEnvironmentReport,
  type ChartReport,
  type Finding,
  type RenderStatus,
  type UpgradeNote,
  worstRenderStatus,
} from '../report/report.js';
import { ruleHooks } from '../rules/index.js';
import { reinstallReason } from '../runbook/reinstall-reason.js';
import { diffDefaults } from '../values/defaults-diff.js';
import { getAt, isMap, type KeyPath, type KeySegment, ownValue, setOwn } from '../values/key-path.js';
import { withPlaceholders } from '../values/template-placeholders.js';
import { keysFromSetList } from '../values/values-file.js';
import { deployedSide } from './readiness.js';
import { DEFAULT_CONFIG_PATH, type Workspace } from './workspace.js';

/** One chart in one environment. */
export interface ChartAnalysis {
  context: ChartInputs;
  /** Where each side's chart folder is read from (kept off ChartInputs so rules stay pure). */
  snapshots: { base: Snapshot; head: Snapshot };
  /** The environment's resolved settings (its set values and API versions go into the renders). */
  environment: Environment;
}

/** What the run shares among the charts it loads: its render cache and its memo of parsed YAML texts. */
export interface ChartLoading {
  cache?: RenderCache;
  parsedYaml?: ParsedYaml;
}

/**
 * The chart's analyses, one per environment of the run, in config order; both sides are loaded once.
 * @param helmMajor the major version of the helm that renders (3 or 4; undefined when rendering is off): values
 * files are read the way that helm reads them.
 * @param only the environments to analyse it in (a shard's); default every one
 */
export async function analyseChart(
  change: ChartChange,
  baseSpace: Workspace,
  headSpace: Workspace,
  helmMajor?: number,
  loading: ChartLoading = {},
  only: (environment: Environment) => boolean = () => true,
): Promise<ChartAnalysis[]> {
  // indices into the environments (the base is read with the head's config: the same environments, same order)
  const chosen = headSpace.environments.flatMap((environment, i) => (only(environment) ? [i] : []));
  const entry = change.head ?? change.base!;
  const [base, head, overrides, baseOverrides] = await Promise.all([
    change.base ? loadChartOnce(baseSpace.snapshot, change.base.dir, helmMajor, loading) : undefined,
    change.head ? loadChartOnce(headSpace.snapshot, change.head.dir, helmMajor, loading) : undefined,
    Promise.all(
      chosen.map((i) =>
        readOverrides(headSpace, headSpace.environmentFiles[i], entry, headSpace.environments[i], helmMajor),
      ),
    ),
    Promise.all(
      chosen.map((i) =>
        change.base && baseSpace.environments[i]
          ? readOverrides(baseSpace, baseSpace.environmentFiles[i], change.base, baseSpace.environments[i], helmMajor)
          : Promise.resolve([]),
      ),
    ),
  ]);
  const upgradeNotes = upgradeNotesOf(change, head);
  const analysis = (environment: Environment, i: number): ChartAnalysis => {
    // the chart's settings there: its release, namespace and set keys as the environment overrides them
    const chartConfig = chartConfigIn(headSpace.config, entry, environment);
    const codeSet = keysFromSetList(chartConfig.set, headSpace.config.path ?? DEFAULT_CONFIG_PATH);
    return {
      context: {
        change,
        ...(environment.name !== undefined ? { environment: environment.name } : {}),
        base,
        head,
        upgradeNotes,
        overrides: overrides[i],
        baseOverrides: baseOverrides[i] ?? [],
        codeSet,
        chartConfig,
        config: headSpace.config,
        kube: environment.kube,
        headLockfile: headSpace.lockfile,
      },
      snapshots: { base: baseSpace.snapshot, head: headSpace.snapshot },
      environment,
    };
  };
  return chosen.map((index, i) => analysis(headSpace.environments[index], i));
}

/**
 * A chart folder as chart-loader.ts reads it, from the cache folder when this content was read before (a pull
 * request's base is its base branch's head): no file read, no YAML parsed. The digest is the folder's git object ids.
 */
async function loadChartOnce(
  snapshot: Snapshot,
  dir: string,
  helmMajor: number | undefined,
  { cache, parsedYaml }: ChartLoading,
): Promise<LoadedChart | undefined> {
  if (!cache || !snapshot.folderDigest) return loadChart(snapshot, dir, { helmMajor, parsedYaml });
  const key = cache.chartKeyOf(dir, await snapshot.folderDigest(dir), helmMajor);
  const stored = await cache.getChart(key);
  if (stored) return stored;
  const chart = await loadChart(snapshot, dir, { helmMajor, parsedYaml });
  if (chart && key) cache.putChart(key, chart);
  return chart;
}

/** README notes for the versions a bump crosses, read once per chart (the report and major-upgrade-notes share them). */
function upgradeNotesOf(change: ChartChange, head: LoadedChart | undefined): UpgradeNote[] {
  const from = semver.coerce(change.base?.version);
  const to = semver.coerce(change.head?.version);
  if (change.change !== 'bumped' || !head?.readme || !from || !to) return [];
  return extractUpgradeNotes(head.readme, from.version, to.version);
}

async function readOverrides(
  space: Workspace,
  files: Map<string, string[]>,
  entry: LockEntry,
  environment: Environment,
  helmMajor?: number,
): Promise<OverrideFile[]> {
  const templates: TemplateSettings | undefined =
    chartConfigFor(space.config, entry).templates ?? environment.templates;
  return Promise.all((files.get(entry.dir) ?? []).map((path) => space.readOverride(path, templates, helmMajor)));
}

type Side = 'base' | 'head' | 'headAtMin' | 'deployed';
const renderKey = (side: Side, context: ChartInputs, dir: string) => `${side}:${context.environment ?? ''}:${dir}`;

/** A job of renderJobsFor that renders the head (for the target version or, in a fleet, the oldest cluster). */
export function isHeadRender(jobKey: string, context: ChartInputs): boolean {
  if (!context.head) return false;
  return (
    jobKey === renderKey('head', context, context.head.dir) ||
    jobKey === renderKey('headAtMin', context, context.head.dir)
  );
}

/** Bumped, moved and override-changed charts are rendered on both sides; added charts only at head. */
export function renderJobsFor(analysis: ChartAnalysis): RenderJob[] {
  const { context, snapshots } = analysis;
  const { change, chartConfig } = context;
  if (change.change === 'removed') return [];
  // helm never gets a name it would refuse or misread: config-invalid / lockfile-invalid report it at its line
  if (renderNamesProblem(chartConfig.releaseName ?? change.name, chartConfig.namespace ?? 'default')) return [];
  const codeValues = exampleValues(analysis);
  // Template expressions left in override files become neutral placeholders typed by the chart's defaults (head
  // first, so both sides see the same placeholder); code-set examples come last and win, like --set over -f.
  const slotDefault = (path: KeyPath) => getAt(context.head?.defaults, path) ?? getAt(context.base?.defaults, path);
  const renderValues = (overrides: OverrideFile[]) =>
    overrides.filter((o) => !o.error).map((o) => withPlaceholders(o.values, slotDefault));
  const job = (
    side: Side,
    chart: LoadedChart,
    overrides: OverrideFile[],
    kubeVersion = context.kube?.max,
  ): RenderJob => ({
    key: renderKey(side, context, chart.dir),
    snapshot: snapshots[side === 'base' ? 'base' : 'head'],
    chartDir: chart.dir,
    chartName: chart.metadata.name ?? change.name,
    releaseName: chartConfig.releaseName ?? change.name,
    namespace: chartConfig.namespace ?? 'default',
    values: [...renderValues(overrides), ...(codeValues ? [codeValues] : [])],
    // the real file names in the reproduction command a remedy shows (`-f values/db.yaml`), not the temp copies
    valuesSources: [
      ...overrides.filter((o) => !o.error).map((o) => o.path),
      // the config's `set:` examples stand for what the deploy code passes with --set
      ...(codeValues ? ['<deploy code --set values>'] : []),
    ],
    kubeVersion,
    apiVersions: clusterApiVersions(analysis, kubeVersion),
  });
  const jobs: RenderJob[] = [];
  if (context.head) jobs.push(job('head', context.head, context.overrides));
  if (context.head && context.kube && context.kube.min !== context.kube.max) {
    jobs.push(job('headAtMin', context.head, context.overrides, context.kube.min));
  }
  if (context.base && change.change !== 'added') jobs.push(job('base', context.base, context.baseOverrides));
  // a readiness review: the release as deployed, for the version its clusters run now (readiness.ts)
  const deployed = deployedSide(context);
  if (deployed) {
    const { chart, overrides, kubeVersion, side } = deployed;
    jobs.push({ ...job('deployed', chart, overrides, kubeVersion), snapshot: snapshots[side] });
  }
  return jobs;
}

/**
 * What a cluster of `kubeVersion` advertises to the chart: the config's API versions (installed CRDs), then the
 * built-in ones that minor serves. Without a target version only the config's: helm's own default list applies.
 */
function clusterApiVersions(analysis: ChartAnalysis, kubeVersion: string | undefined): string[] | undefined {
  const installed = [...analysis.environment.apiVersions, ...(analysis.context.chartConfig.apiVersions ?? [])];
  const all = [...new Set([...installed, ...(kubeVersion ? servedApiVersions(kubeVersion) : [])])];
  return all.length ? all : undefined;
}

/**
 * The code-set keys that carry example values, as a values tree for rendering: the environment's shared ones
 * (top-level `set`, then the environment's), then the chart's own, which win on the same key like a later --set.
 */
function exampleValues(analysis: ChartAnalysis): Record<string, unknown> | undefined {
  const keys = mergeSetKeys(analysis.environment.set, analysis.context.chartConfig.set);
  const withExample = keys.filter((s) => s.example !== undefined);
  if (withExample.length === 0) return undefined;
  const tree: Record<string, unknown> = {};
  for (const { path, example } of withExample) setAt(tree, path, example);
  return tree;
}

function setAt(tree: Record<string, unknown>, path: KeySegment[], value: unknown): void {
  let node: Record<string, unknown> = tree;
  path.forEach((segment, i) => {
    const key = String(segment);
    if (i === path.length - 1) setOwn(node, key, value);
    else {
      if (!isMap(ownValue(node, key))) setOwn(node, key, {});
      node = ownValue(node, key) as Record<string, unknown>;
    }
  });
}

export function withRenders(analysis: ChartAnalysis, outcomes: Map<string, RenderOutcome>): ChartAnalysis {
  const { base, head } = analysis.context;
  const outcome = (side: Side, chart?: LoadedChart) =>
    chart ? outcomes.get(renderKey(side, analysis.context, chart.dir)) : undefined;
  const pair = { base: outcome('base', base), head: outcome('head', head) };
  if (!pair.base && !pair.head) return analysis;
  const atMin = outcome('headAtMin', head)?.result;
  const deployed = outcome('deployed', deployedSide(analysis.context)?.chart)?.result;
  const renders: RenderPair = {
    base: pair.base?.result,
    head: pair.head?.result,
    ...(atMin ? { headAtMin: atMin } : {}),
    ...(deployed ? { deployed } : {}),
  };
  const refusedSymlinks = refusedSymlinksBySide(pair);
  return { ...analysis, context: { ...analysis.context, renders, refusedSymlinks } };
}

/** The chart's report from its analyses in every environment (the first one stands for environment-free facts). */
export function buildChartReport(analyses: readonly ChartAnalysis[], findings: Finding[]): ChartReport {
  const { change, base, head, upgradeNotes: notes = [] } = analyses[0].context;
  const overrideFiles = [...new Set(analyses.flatMap((a) => a.context.overrides.map((o) => o.path)))];
  const statuses = analyses.map((a) => renderStatus(a.context.renders, change, a.context.chartConfig));
  const environments: ChartEnvironmentReport[] = analyses.flatMap((a, i) =>
    a.context.environment === undefined
      ? []
      : [
          {
            name: a.context.environment,
            overrideFiles: a.context.overrides.map((o) => o.path),
            render: statuses[i],
          },
        ],
  );
  const reinstall = findings.filter((f) => f.needsReinstall);
  const from = change.base?.version ?? null;
  const to = change.head?.version ?? null;
  const changes = parseArtifactHubChanges(head?.metadata.annotations['artifacthub.io/changes'], parseYaml);
  const comment = (change.head ?? change.base)?.comment;
  const diffs = analyses.flatMap((a) => {
    const diff = renderedDiff(a.context);
    return diff && diff.objects.length > 0 ? [diff] : [];
  });
  const diffable = change.change === 'bumped' || change.change === 'moved' || change.change === 'modified';
  return {
    name: change.name,
    dir: change.dir,
    change: change.change,
    from,
    to,
    semverChange: change.semverChange,
    overrideFiles,
    render: worstRenderStatus(statuses),
    valuesDiff:
      diffable && base && head ? diffDefaults(base.defaults, head.defaults) : { added: [], removed: [], changed: [] },
    findings,
    needsReinstall: reinstall.length > 0,
    ...(reinstall.length ? { reinstallReason: reinstallReason(reinstall, ruleHooks) } : {}),
    ...(notes.length ? { upgradeNotes: notes } : {}),
    ...(comment ? { lockfileComment: comment } : {}),
    ...(changes.length ? { artifactHubChanges: changes } : {}),
    ...((change.head ?? change.base) ? { lockfileLine: (change.head ?? change.base)!.versionLine } : {}),
    ...(environments.length ? { environments } : {}),
    ...(diffs.length ? { renderedDiff: diffs } : {}),
  };
}

function renderStatus(renders: RenderPair | undefined, change: ChartChange, config: ChartConfig): RenderStatus {
  if (!renders) {
    const names = renderNamesProblem(config.releaseName ?? change.name, config.namespace ?? 'default');
    return {
      status: 'skipped',
      reason: change.change === 'removed' ? 'chart removed' : (names ?? 'no chart folder to render'),
    };
  }
  const sides = [renders.base, renders.head, renders.headAtMin].filter((r): r is RenderResult => r !== undefined);
  const failed = sides.find((r) => r.status === 'failed');
  if (failed)
    return { status: 'failed', reason: failed.reason, ...(failed.command ? { command: failed.command } : {}) };
  const skipped = sides.find((r) => r.status === 'skipped');
  if (skipped) return { status: 'skipped', reason: skipped.reason };
  return { status: 'ok' };
}
