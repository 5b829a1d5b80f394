// The analysis entry point: two snapshots and a config in, one report out. Knows nothing of GitHub or terminals.
import { availableParallelism } from 'node:os';
import { analyseChart, buildChartReport, type ChartAnalysis, renderJobsFor, withRenders } from './chart-analysis.js';
import { createLimiter } from './concurrency.js';
import { withIgnoredKeyProof } from './ignored-key-proof.js';
import { diffLockfiles } from './lockfile/changes.js';
import { entryProblems, fileProblems } from './lockfile/validate.js';
import type { ChartChange, LockEntry } from './model.js';
import { type Redactor, redactChartReport, redactFindings, reportRedactor } from './redact.js';
import { findHelm, type HelmBinary } from './render/helm.js';
import { type RenderJob, renderAll } from './render/renderer.js';
import { changedFiles } from './repo/changed-files.js';
import type { Snapshot } from './repo/snapshot.js';
import {
  type FailOn,
  type Finding,
  type Report,
  type ReportStats,
  SCHEMA_VERSION,
  summarise,
  verdictOf,
} from './report.js';
import { chartRules, repoRules } from './rules/index.js';
import { runChartRules, runRepoRules } from './rules/run.js';
import { loadWorkspace, type Workspace } from './workspace.js';

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
  /** Target Kubernetes version "1.31"; overrides the config's. */
  kubernetesVersion?: string;
  failOn?: FailOn;
  /** helm binary: a path, undefined to look on PATH, null to disable rendering. */
  helm?: string | null;
  /** Parallel renders; default: CPU count. */
  concurrency?: number;
  /** Progress lines for long runs (the CLI prints them on stderr). */
  progress?: (message: string) => void;
  toolVersion?: string;
}

export interface ReviewOptions extends AnalysisOptions {
  base: Snapshot;
}

export async function review(options: ReviewOptions): Promise<Report> {
  const progress = options.progress ?? (() => {});
  const { base, head } = options;
  // `helm version` runs while the workspaces load when the helm path is given (no config needed to find it)
  const explicitHelm = typeof options.helm === 'string' ? settled(findHelm(options.helm)) : undefined;
  const [headSpace, changed] = await Promise.all([
    loadWorkspace(head, options),
    changedFiles(options.repoDir, base, head),
  ]);
  const baseSpace = await loadWorkspace(base, {
    ...options,
    lockfile: headSpace.lockfilePath,
    configOverride: headSpace.config,
    lockfileOptional: true,
    templateContextFallback: headSpace,
  });

  const diagnostics: string[] = [];
  // An unreadable lockfile has no entries: diffing it would report every chart as added or removed.
  const unreadable = [baseSpace, headSpace].find((space) => space.lockfile.unreadable);
  if (unreadable) {
    diagnostics.push(
      `charts were not compared: ${unreadable.lockfilePath} cannot be read at ${unreadable.snapshot.ref}`,
    );
  }
  const changes = unreadable
    ? []
    : diffLockfiles(baseSpace.lockfile, headSpace.lockfile, changed, (entry: LockEntry) =>
        overridesChanged(headSpace, baseSpace, entry, changed),
      );
  progress(`${changes.length} changed chart(s) in ${headSpace.lockfilePath}`);

  // each chart's renders start as soon as it is analysed: helm runs while the next charts load
  // Charts are analysed `concurrency` at a time, in lockfile order, so the first renders start early instead of
  // after every chart's files have been read (they all share one git reader).
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const lookup = helmLookup(headSpace, options, progress, explicitHelm);
  const renderChart = chartRenderer(headSpace, options, progress, lookup);
  const analyse = createLimiter(concurrency);
  // helm is found before the charts are read: values files are read the way its major version reads them
  const helmMajor = changes.length > 0 ? (await lookup()).helm?.major : undefined;
  const rendered = await Promise.all(
    changes.map((change) => analyse(() => analyseChart(change, baseSpace, headSpace, helmMajor)).then(renderChart)),
  );

  const charts = rendered.map((analysis) => {
    const run = runChartRules(chartRules, analysis.context);
    return buildChartReport(analysis, run.findings);
  });

  const repoRun = runRepoRules(repoRules, {
    config: withTemplateProblems(headSpace),
    base: baseSpace.lockfile,
    head: { ...headSpace.lockfile, problems: problemsOfChangedEntries(headSpace, changes, changed) },
  });

  return assembleReport({
    mode: 'review',
    options,
    space: headSpace,
    charts,
    findings: repoRun.findings,
    diagnostics,
    redactor: reportRedactor(
      rendered.map((analysis) => analysis.context),
      headSpace.config,
    ),
    stats: renderStats(rendered),
  });
}

/** The config with the problems of its template context files (read while the charts were analysed). */
export function withTemplateProblems(space: Workspace): Workspace['config'] {
  if (space.templateProblems.length === 0) return space.config;
  return { ...space.config, problems: [...space.config.problems, ...space.templateProblems] };
}

/** An entry's override files changed when a file mapped to it at either side is in the changed set. */
function overridesChanged(headSpace: Workspace, baseSpace: Workspace, entry: LockEntry, changed: Set<string>): boolean {
  const files = [...(headSpace.overrideFiles.get(entry.dir) ?? []), ...(baseSpace.overrideFiles.get(entry.dir) ?? [])];
  return files.some((f) => changed.has(f));
}

/** In a review, lockfile problems count where they touch a changed entry, or the whole file when the PR edits it. */
function problemsOfChangedEntries(space: Workspace, changes: ChartChange[], changed: Set<string>) {
  const entries = changes.flatMap((c) => (c.head ? [c.head] : []));
  const own = entries.flatMap((entry) => entryProblems(space.lockfile, entry));
  const whole = changed.has(space.lockfilePath) ? fileProblems(space.lockfile) : [];
  return [...new Set([...whole, ...own])];
}

/** A promise that never rejects: an early lookup nobody awaits must not become an unhandled rejection. */
function settled<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.catch(() => undefined);
}

type HelmLookup = () => Promise<{ helm?: HelmBinary; skipReason?: string }>;

/** Finds helm once, on first call (or says why renders are skipped). */
function helmLookup(
  space: Workspace,
  options: ReviewOptions,
  progress: (m: string) => void,
  explicitHelm: Promise<HelmBinary | undefined> | undefined,
): HelmLookup {
  const renderEnabled = options.helm !== null && space.config.render.enabled;
  let found: ReturnType<HelmLookup> | undefined;
  return () => {
    found ??= (async () => {
      const helm = renderEnabled
        ? await (explicitHelm ?? findHelm(options.helm ?? space.config.render.helm))
        : undefined;
      const skipReason = !renderEnabled
        ? 'rendering is disabled (--no-render or render.enabled: false)'
        : !helm
          ? 'helm was not found on PATH; install it or pass --helm / the helm input'
          : undefined;
      progress(helm ? `rendering changed charts with helm ${helm.version}` : `render skipped: ${skipReason}`);
      return { helm, skipReason };
    })();
    return found;
  };
}

/**
 * Renders each chart as soon as its analysis finishes, with its own renderAll call; all calls share one pool of
 * `concurrency` helm slots, so at most that many helm processes run at once.
 */
function chartRenderer(
  space: Workspace,
  options: ReviewOptions,
  progress: (m: string) => void,
  lookup: HelmLookup,
): (analysis: ChartAnalysis) => Promise<ChartAnalysis> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  // One pool of helm slots for the whole review: a chart's two sides render in parallel when slots are free.
  const helmSlots = createLimiter(concurrency);
  return async (analysis) => {
    const jobs: RenderJob[] = renderJobsFor(analysis);
    if (jobs.length === 0) return analysis;
    const { helm, skipReason } = await lookup();
    const renderOptions = { helm, skipReason, helmSlots, timeoutSeconds: space.config.render.timeoutSeconds };
    const outcomes = await renderAll(jobs, { ...renderOptions, progress });
    // The extra renders of the ignored-key proof start once this chart's head rendered, in the same helm slots.
    const proofRenders = space.config.render.proofRenders;
    return withIgnoredKeyProof(
      withRenders(analysis, outcomes),
      jobs,
      outcomes,
      (proofJobs) => renderAll(proofJobs, renderOptions),
      proofRenders,
    );
  };
}

/** Counts and wall time of the helm renders, and of the ignored-key proof's extra renders, over every chart. */
export function renderStats(analyses: readonly ChartAnalysis[]): ReportStats {
  const stats: ReportStats = { renders: 0, renderMs: 0, proofRenders: 0, proofRenderMs: 0 };
  for (const { context } of analyses) {
    const { renders, ignoredKeyProof: proof } = context;
    for (const result of [renders?.base, renders?.head, renders?.headAtMin]) {
      if (result?.status !== 'ok' && result?.status !== 'failed') continue;
      stats.renders++;
      stats.renderMs += result.durationMs ?? 0;
    }
    stats.proofRenders += proof?.renders ?? 0;
    stats.proofRenderMs += proof?.durationMs ?? 0;
  }
  return stats;
}

export interface AssembleInput {
  mode: 'review' | 'lint';
  options: Pick<ReviewOptions, 'head' | 'failOn' | 'toolVersion'> & { base?: Snapshot };
  space: Workspace;
  charts: Report['charts'];
  findings: Finding[];
  diagnostics: string[];
  /** Hides the run's credentials: applied here, to everything the report says, so no format can show one. */
  redactor: Redactor;
  stats?: ReportStats;
}

export function assembleReport(input: AssembleInput): Report {
  const { mode, options, space, redactor, stats } = input;
  const charts = input.charts.map((chart) => redactChartReport(chart, redactor));
  const findings = redactFindings(input.findings, redactor);
  const diagnostics = input.diagnostics.map(redactor.text);
  const partial = { charts, findings };
  const summary = summarise(partial);
  const kube = space.kube;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chart-guard', version: options.toolVersion ?? '0.0.0' },
    mode,
    base: options.base ? { ref: options.base.ref, sha: options.base.sha } : null,
    head: { ref: options.head.ref, sha: options.head.sha },
    lockfile: space.lockfilePath,
    kubernetesVersion: kube ? (kube.min === kube.max ? kube.max : `${kube.min}-${kube.max}`) : null,
    verdict: verdictOf(summary, options.failOn ?? 'error'),
    summary,
    charts,
    findings,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(stats ? { stats } : {}),
  };
}
