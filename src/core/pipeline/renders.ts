// Steps 4 and 5, renders and proof: one render policy per run (helm looked up once, one pool of helm slots, the
// shared cache), each chart's renders in every environment, then each environment's ignored-key proof.
import { availableParallelism } from 'node:os';
import { ChartFolders } from '../render/chart-folders.js';
import { DocumentMemo } from '../render/document-identity.js';
import type { HelmBinary } from '../render/helm.js';
import { helmVersionMemo } from '../render/helm-version-memo.js';
import { settleManifests } from '../render/manifests.js';
import type { RenderCache } from '../render/render-cache.js';
import { type RenderJob, renderAll, renderTmpRoot } from '../render/renderer.js';
import type { RenderResult } from '../render/types.js';
import type { ReportStats } from '../report/report.js';
import { createLimiter, type Limiter } from '../runtime/concurrency.js';
import { stableJson } from '../runtime/stable-json.js';
import { type ChartAnalysis, renderJobsFor, withRenders } from './chart-analysis.js';
import { RENDER_DISABLED, usableHelm } from './helm-choice.js';
import { withIgnoredKeyProof } from './ignored-key-proof.js';
import type { AnalysisOptions } from './options.js';
import type { Workspace } from './workspace.js';

/** How every render of a run is made: helm looked up once (when first needed), one pool of helm slots. */
/** Parallel renders (and chart analyses) of a run: the option, else the CPU count; at least one. */
export function runConcurrency(options: Pick<AnalysisOptions, 'concurrency'>): number {
  return Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
}

export interface RenderPolicy {
  helm(space: Workspace): Promise<{ helm?: HelmBinary; skipReason?: string }>;
  slots: Limiter;
  cache?: RenderCache;
  /** The run's chart folders for helm, written ahead of the renders (chart-folders.ts); closed when the run ends. */
  folders: ChartFolders;
  /** Whether the run renders at all (helm not turned off by the options or the base config). */
  renders(space: Workspace): boolean;
}

export function renderPolicy(
  options: AnalysisOptions,
  progress: (m: string) => void,
  cache?: RenderCache,
): RenderPolicy {
  // with a cache folder, `helm version` is remembered there for the very binary: a warm run spawns no helm at all
  const memo = cache ? helmVersionMemo(cache.dir, cache.entries) : undefined;
  // `helm version` runs while the workspaces load when the helm path is given (no config needed to find it)
  // (a path that is not a runnable helm rejects: the run stops, naming the path)
  const explicit = typeof options.helm === 'string' ? usableHelm(options.helm, memo) : undefined;
  explicit?.catch(() => {}); // awaited later; not an unhandled rejection meanwhile
  let lookup: Promise<{ helm?: HelmBinary; skipReason?: string }> | undefined;
  const renders = (space: Workspace) => options.helm !== null && space.config.render.enabled;
  return {
    slots: createLimiter(runConcurrency(options)),
    cache,
    folders: new ChartFolders(renderTmpRoot, runConcurrency(options)),
    renders,
    helm(space) {
      lookup ??= (async () => {
        // (no helm where rendering is on stops the run: usableHelm rejects, naming the reason)
        if (!renders(space)) {
          progress(`render skipped: ${RENDER_DISABLED}`);
          return { skipReason: RENDER_DISABLED };
        }
        const helm = await (explicit ?? usableHelm(options.helm ?? space.config.render.helm, memo));
        progress(`rendering charts with helm ${helm.version}`);
        return { helm };
      })();
      return lookup;
    },
  };
}

/**
 * One chart's renders in every environment, in one renderAll call so identical inputs (two environments with the
 * same files, target and APIs) run helm once; then each environment's ignored-key proof, in the same helm slots,
 * once per distinct set of inputs too.
 */
export async function rendersAndProof(
  analyses: ChartAnalysis[],
  space: Workspace,
  policy: RenderPolicy,
): Promise<ChartAnalysis[]> {
  const jobsOf = analyses.map(renderJobsFor);
  const jobs: RenderJob[] = jobsOf.flat();
  if (jobs.length === 0) return analyses;
  const { helm, skipReason } = await policy.helm(space);
  const { timeoutSeconds, proofRenders } = space.config.render;
  // one memo for the chart's renders and its proof's: a document printed alike is parsed once (document-identity.ts);
  // a chart rendered more than once reads its documents by their facts first and parses those no other render
  // printed alike (settleManifests): a bump leaves most documents as they were
  const documents = new DocumentMemo(new Set(jobs.map(({ snapshot }) => snapshot)).size > 1);
  const renderOptions = {
    helm,
    skipReason,
    helmSlots: policy.slots,
    timeoutSeconds,
    cache: policy.cache,
    documents,
    folders: policy.folders,
  };
  const outcomes = await renderAll(jobs, renderOptions);
  settleManifests([...outcomes.values()], documents);
  const render = async (proofJobs: RenderJob[]) => {
    const proof = await renderAll(proofJobs, renderOptions);
    settleManifests([...outcomes.values(), ...proof.values()], documents);
    return proof;
  };
  const proofs = new Map<string, Promise<ChartAnalysis>>();
  const proven = await Promise.all(
    analyses.map(async (analysis, i) => {
      const rendered = withRenders(analysis, outcomes);
      // (one environment: no other proof to share; its inputs are not even keyed)
      const key = analyses.length > 1 ? proofInputs(rendered, jobsOf[i]) : '';
      const same = proofs.get(key);
      if (same) {
        const proof = (await same).context.ignoredKeyProof;
        return proof ? { ...rendered, context: { ...rendered.context, ignoredKeyProof: proof } } : rendered;
      }
      const proof = withIgnoredKeyProof(rendered, jobsOf[i], outcomes, render, proofRenders);
      proofs.set(key, proof);
      return proof;
    }),
  );
  // the chart's renders are done: its folders go
  await Promise.all(jobs.map(({ snapshot, chartDir }) => policy.folders.done(snapshot, chartDir)));
  return proven;
}

/**
 * Once a chart's rules ran, an unchanged chart (a lint) needs nothing of its renders but their status and times (the
 * run's stats and render-skipped): the objects are dropped, so a 300-chart lint does not hold its 600 renders until
 * the report. A changed chart keeps them for the upgrade runbook. The results are emptied in place: environments
 * share them, and the stats count each once by identity.
 */
export function withoutUnneededManifests(analyses: ChartAnalysis[]): ChartAnalysis[] {
  for (const { context } of analyses) {
    if (context.change.change !== 'unchanged') continue;
    const { base, head, headAtMin, deployed } = context.renders ?? {};
    for (const result of [base, head, headAtMin, deployed]) {
      if (result) result.manifests = [];
    }
  }
  return analyses;
}

/** What the ignored-key proof of an environment depends on: its renders' inputs and its override keys. */
function proofInputs(analysis: ChartAnalysis, jobs: readonly RenderJob[]): string {
  const { overrides, codeSet } = analysis.context;
  return stableJson([
    jobs.map(({ key: _, snapshot: __, ...inputs }) => inputs),
    overrides.map((file) => file.path),
    codeSet.map((key) => key.path),
  ]);
}

/**
 * Counts and wall time of the helm renders (each shared render once; cache hits are not helm renders), and of the
 * ignored-key proof's renders.
 */
function renderStats(analyses: readonly ChartAnalysis[]): ReportStats {
  const stats: ReportStats = { renders: 0, renderMs: 0, proofRenders: 0, proofRenderMs: 0 };
  const counted = new Set<RenderResult>();
  const proofs = new Set<unknown>();
  for (const { context } of analyses) {
    const { renders, ignoredKeyProof: proof } = context;
    for (const result of [renders?.base, renders?.head, renders?.headAtMin, renders?.deployed]) {
      if (result?.status !== 'ok' && result?.status !== 'failed') continue;
      if (counted.has(result) || result.cached) continue;
      counted.add(result);
      stats.renders++;
      stats.renderMs += result.durationMs ?? 0;
    }
    // environments with identical inputs share one proof
    if (!proof || proofs.has(proof)) continue;
    proofs.add(proof);
    stats.proofRenders += proof.renders;
    stats.proofRenderMs += proof.durationMs;
  }
  return stats;
}

/** The run's render figures, with the cache's hits and misses; the cache is then pruned. */
export async function runStats(
  analyses: readonly ChartAnalysis[],
  cache: RenderCache | undefined,
  progress: (message: string) => void,
): Promise<ReportStats> {
  const stats = renderStats(analyses);
  if (cache) {
    Object.assign(stats, { cacheHits: cache.hits, cacheMisses: cache.misses });
    await pruneCache(cache, progress);
  }
  return stats;
}

/** The run's cache figures on the progress lines, then the folder brought under its size bound. */
async function pruneCache(cache: RenderCache, progress: (m: string) => void): Promise<void> {
  progress(cache.summary());
  progress(cache.chartSummary());
  const pruned = await cache.prune();
  if (pruned.removed > 0) {
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    progress(
      `cache: removed ${pruned.removed} least recently used entries (${mib(pruned.freed)}) to stay under ${mib(cache.maxBytes)}`,
    );
  }
}
