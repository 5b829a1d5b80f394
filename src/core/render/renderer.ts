// Renders chart versions with the real helm: each identical job once, each (snapshot, chart folder) written to a
// temp folder once, at most `concurrency` helm processes at a time, temp folders removed afterwards.
import { constants, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, statfs, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snapshot } from '../repo/snapshot.js';
import { createLimiter, type Limiter } from '../runtime/concurrency.js';
import { hold } from '../runtime/interrupt.js';
import { stableJson } from '../runtime/stable-json.js';
import { ChartFolders, chartFolderKey, type MaterialisedFolder } from './chart-folders.js';
import { DocumentMemo } from './document-identity.js';
import {
  commandLine,
  HELM_NOT_FOUND,
  type HelmBinary,
  helmTemplate,
  isKubeVersionFailure,
  MAX_HELM_OUTPUT_BYTES,
  templateArgs,
  templateFlags,
  trimHelmError,
} from './helm.js';
import { parseManifests } from './manifests.js';
import type { SideRefusedSymlink } from './materialise.js';
import { type OwnCrds, withOwnCrds } from './own-crds.js';
import type { RenderCache } from './render-cache.js';
import {
  type RenderFailureKind,
  type RenderJob,
  type RenderOutcome,
  renderInputs,
  type StoredOutcome,
} from './render-job.js';

export type { RenderFailureKind, RenderJob, RenderOutcome } from './render-job.js';

export interface RenderAllOptions {
  /** undefined: every job is skipped. */
  helm?: HelmBinary;
  /** Reason given for skipped jobs; default "helm not found on PATH; ...". */
  skipReason?: string;
  /** Parallel helm processes; default os.availableParallelism(). */
  concurrency?: number;
  /** A helm-slot limiter shared with other renderAll calls (a review renders chart by chart): overrides concurrency. */
  helmSlots?: Limiter;
  /** Where the temp folder is made; default a RAM-backed /dev/shm when it has room, else os.tmpdir(). */
  tmpRoot?: string;
  /** Per helm run (config render.timeoutSeconds); default 120 s. */
  timeoutSeconds?: number;
  progress?: (message: string) => void;
  /** Render outcomes of earlier runs (render-cache.ts): a hit writes no chart folder and runs no helm. */
  cache?: RenderCache;
  /** Chart folders written ahead (chart-folders.ts), the run's; default folders of this call. */
  folders?: ChartFolders;
  /** Documents already parsed for this chart (document-identity.ts); default one (eager) memo per renderAll call. */
  documents?: DocumentMemo;
}

interface UniqueRender {
  id: number;
  job: RenderJob;
  chartKey: string;
  jobs: RenderJob[];
}

export async function renderAll(
  jobs: RenderJob[],
  options: RenderAllOptions = {},
): Promise<Map<string, RenderOutcome>> {
  const renders = dedupe(jobs);
  const outcomes = new Map<string, RenderOutcome>();
  const { helm } = options;
  if (!helm) {
    const reason = options.skipReason ?? HELM_NOT_FOUND;
    for (const render of renders) assign(outcomes, render, skipped(render.job, reason));
    return outcomes;
  }

  let done = 0;
  const report = (render: UniqueRender, outcome: RenderOutcome) => {
    assign(outcomes, render, outcome);
    done++;
    const took = outcome.result.cached ? 'from the cache' : `${outcome.result.durationMs ?? 0} ms`;
    options.progress?.(
      `rendered ${render.job.chartDir} at ${render.job.snapshot.ref} (${done}/${renders.length}): ${outcome.result.status}, ${took}`,
    );
  };
  const documents = options.documents ?? new DocumentMemo();
  const keys = options.cache
    ? await lookUp(renders, options.cache, helm, documents, report)
    : new Map<UniqueRender, string>();
  const pending = renders.filter((render) => !outcomes.has(render.job.key));
  if (pending.length === 0) return outcomes;

  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  let workDir: string;
  try {
    workDir = await mkdtemp(join(options.tmpRoot ?? (await renderTmpRoot()), 'chart-guard-render-'));
  } catch (e) {
    // no temp space at all: every chart fails its render (render-failed), the review itself goes on
    const reason = `could not create a temp folder for the renders: ${(e as Error).message}`;
    for (const render of pending) assign(outcomes, render, writeFailed(render.job, reason));
    return outcomes;
  }
  // the folder holds chart files and the override values: an interrupted run removes it too
  const release = hold(() => rmSync(workDir, { recursive: true, force: true }));
  // Every chart folder is written once, in the order renders need them, a little ahead of helm (or earlier: the run's
  // folders, chart-folders.ts)
  const ownFolders = options.folders ? undefined : new ChartFolders(async () => workDir, concurrency);
  try {
    const folders = options.folders ?? ownFolders!;
    const folderOf = ({ job }: UniqueRender) => folders.folder(job.snapshot, job.chartDir);
    for (const render of pending) void folderOf(render);

    const helmQueue = options.helmSlots ?? createLimiter(concurrency);
    await Promise.all(
      pending.map(async (render) => {
        const folder = await folderOf(render);
        const outcome = folder.error
          ? materialiseFailed(render.job, folder)
          : withManifests(await renderOne(helm, render, folder, workDir, options, helmQueue), documents);
        const key = keys.get(render);
        if (key) options.cache?.put(key, outcome);
        if (outcome.read) delete outcome.read.bytes; // (no key: nothing stores them)
        report(render, outcome);
      }),
    );
  } finally {
    await ownFolders?.close();
    release();
    // Synchronous: a chart folder is many small files, and rmSync's loop of system calls costs a few times less CPU
    // than a promise round trip per file (Node 20: 22 against 61 ms for 1,600 files; Node 24: 6 against 55).
    rmSync(workDir, { recursive: true, force: true });
  }
  return outcomes;
}

/**
 * Looks every render up in the cache; hits are reported at once, and the keys of the misses returned (for storing
 * their outcomes). Each chart folder is digested once, from the snapshot's listing where it can (no file is written).
 */
async function lookUp(
  renders: UniqueRender[],
  cache: RenderCache,
  helm: HelmBinary,
  documents: DocumentMemo,
  report: (render: UniqueRender, outcome: RenderOutcome) => void,
): Promise<Map<UniqueRender, string>> {
  const digests = new Map<string, Promise<string | undefined>>();
  const digestOf = (render: UniqueRender) => {
    let digest = digests.get(render.chartKey);
    if (!digest) {
      const { snapshot, chartDir } = render.job;
      digest = (snapshot.folderDigest?.(chartDir) ?? Promise.resolve(undefined)).catch(() => undefined);
      digests.set(render.chartKey, digest);
    }
    return digest;
  };
  const keys = new Map<UniqueRender, string>();
  await Promise.all(
    renders.map(async (render) => {
      const key = cache.keyOf(render.job, helm.version, await digestOf(render));
      const stored = await cache.get(key);
      if (stored) report(render, fromCache(render.job, stored, documents));
      else if (key) keys.set(render, key);
    }),
  );
  return keys;
}

/** A stored outcome for this job: the command and names are the job's own, never another run's. */
function fromCache(job: RenderJob, stored: StoredOutcome, documents: DocumentMemo): RenderOutcome {
  // a render whose --kube-version helm refused was made again without it (renderOne), and its command says so
  const rendered = stored.kubeVersionRefused === undefined ? job : { ...job, kubeVersion: undefined };
  return withManifests(
    {
      result: {
        status: stored.status,
        ...(stored.reason === undefined ? {} : { reason: stored.reason }),
        manifests: [],
        releaseName: job.releaseName,
        namespace: job.namespace,
        command: reproductionCommand(rendered),
        durationMs: 0,
        cached: true,
      },
      ...(stored.failureKind ? { failureKind: stored.failureKind } : {}),
      refusedSymlinks: stored.refusedSymlinks,
      parseProblems: [],
      ...(stored.output === undefined ? {} : { read: { output: stored.output, chartName: job.chartName } }),
      sharedBy: 1,
      materialiseMs: 0,
      ...(stored.kubeVersionRefused === undefined ? {} : { kubeVersionRefused: stored.kubeVersionRefused }),
    },
    documents,
  );
}

/** The manifests of helm's output, a fresh render's or a cached one's alike: read lazily when the memo does. */
function withManifests(outcome: RenderOutcome, documents: DocumentMemo): RenderOutcome {
  if (!outcome.read || outcome.result.status !== 'ok') return outcome;
  const parsed = parseManifests(outcome.read.output, outcome.read.chartName, documents);
  outcome.result.manifests = parsed.manifests;
  outcome.parseProblems = parsed.problems;
  return outcome;
}

/** The helm command a reader can run in the repository: its paths, not the temp copies. */
function reproductionCommand(job: RenderJob): string {
  const shownValues = job.values.map((_, i) => job.valuesSources?.[i] ?? `values-${i + 1}.yaml`);
  const flags = templateFlags({ namespace: job.namespace, kubeVersion: job.kubeVersion, valuesFiles: shownValues });
  // the API version list (80-odd entries) goes on a continuation line of its own, after the flags a reader checks;
  // the names come last, after `--`, as helm is run (templateArgs)
  const apis = job.apiVersions?.length
    ? ` \\\n  ${commandLine(['--api-versions', job.apiVersions.join(',')])} \\\n `
    : '';
  return `helm ${commandLine(['template', ...flags])}${apis} ${commandLine(['--', job.releaseName, job.chartDir])}`;
}

function assign(outcomes: Map<string, RenderOutcome>, render: UniqueRender, outcome: RenderOutcome): void {
  outcome.sharedBy = render.jobs.length;
  for (const job of render.jobs) outcomes.set(job.key, outcome);
}

/** Identical jobs (same snapshot, folder and renderInputs) share one render. */
function dedupe(jobs: RenderJob[]): UniqueRender[] {
  const byKey = new Map<string, UniqueRender>();
  // chart keys live as long as one renderAll call (its folders and digests): so do the numbers of its snapshots
  const anonymous = new Map<Snapshot, number>();
  for (const job of jobs) {
    const chartKey = chartFolderKey(job.snapshot, job.chartDir, anonymous);
    const key = `${chartKey}\0${stableJson(renderInputs(job))}`;
    const existing = byKey.get(key);
    if (existing) existing.jobs.push(job);
    else byKey.set(key, { id: byKey.size, job, chartKey, jobs: [job] });
  }
  return [...byKey.values()];
}

async function renderOne(
  helm: HelmBinary,
  render: UniqueRender,
  folder: MaterialisedFolder,
  workDir: string,
  options: RenderAllOptions,
  helmQueue: Limiter,
): Promise<RenderOutcome> {
  const { job } = render;
  const valuesDir = join(workDir, 'values', String(render.id));
  const valuesFiles = job.values.map((_, i) => join(valuesDir, `values-${i + 1}.yaml`));
  if (valuesFiles.length) {
    try {
      await mkdir(valuesDir, { recursive: true });
      // JSON is YAML that helm's YAML 1.1 parser reads without surprises (yes/no/on stay strings, all keys quoted)
      await Promise.all(job.values.map((values, i) => writeFile(valuesFiles[i], JSON.stringify(values ?? {}))));
    } catch (e) {
      // a full or read-only temp folder fails this chart's render, not the whole review
      return writeFailed(
        job,
        `could not write the values of ${job.chartDir} to a temp folder: ${(e as Error).message}`,
      );
    }
  }
  const helmHome = join(workDir, 'helm-home');
  const timeoutMs = options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000;
  const invocation = {
    releaseName: job.releaseName,
    namespace: job.namespace,
    kubeVersion: job.kubeVersion,
    apiVersions: job.apiVersions,
  };
  const shownValues = job.values.map((_, i) => job.valuesSources?.[i] ?? `values-${i + 1}.yaml`);
  const command = reproductionCommand(job);
  // the chart's crds/ files printed by chart-guard, as helm would print them (own-crds.ts)
  const own = ownCrdsFor(job, folder);
  const template = (crds?: OwnCrds) => {
    const args = templateArgs({ ...invocation, chartPath: folder.path, valuesFiles, includeCrds: !crds });
    const bytesPrintedBefore = crds?.printed.length;
    // only helm holds a slot: parsing its output below overlaps with the next helm run
    return helmQueue(() => {
      const running = helmTemplate(helm, args, { timeoutMs, helmHome, bytesPrintedBefore });
      // while helm works, the cache entries made so far are written (render-cache.ts)
      setImmediate(() => options.cache?.writeQueued());
      return running;
    });
  };
  let run = await template(own);
  if (own && run.ok) {
    // (not certain what helm would print: helm prints the CRDs after all)
    const printed = withOwnCrds(own, run.stdoutBytes);
    run = printed ? { ...run, stdoutBytes: printed, stdout: printed.toString('utf8') } : await template();
  }
  const base = {
    releaseName: job.releaseName,
    namespace: job.namespace,
    command,
    durationMs: run.durationMs,
  };
  const common = { refusedSymlinks: folder.refusedSymlinks, sharedBy: 1, materialiseMs: folder.durationMs };
  if (!run.ok) {
    // helm names temp paths in some errors (symlinks, missing Chart.yaml): show the repository's paths instead
    let reason = trimHelmError(run.stderr).replaceAll(folder.path, job.chartDir);
    valuesFiles.forEach((file, i) => {
      reason = reason.replaceAll(file, shownValues[i]);
    });
    const failureKind: RenderFailureKind = run.timedOut
      ? 'timeout'
      : run.outputTooLarge
        ? 'too-large'
        : isKubeVersionFailure(reason)
          ? 'kube-version'
          : 'helm';
    if (failureKind === 'kube-version' && job.kubeVersion) {
      // The chart's kubeVersion excludes the target: kube-version-unsupported reports that from Chart.yaml. Render
      // again without --kube-version so the other render-based checks (immutable fields, StatefulSets) still run.
      const again = await renderOne(
        helm,
        { ...render, job: { ...job, kubeVersion: undefined } },
        folder,
        workDir,
        options,
        helmQueue,
      );
      return { ...again, kubeVersionRefused: reason };
    }
    return {
      result: { status: 'failed', reason: reason || `helm exited with ${run.exitCode}`, manifests: [], ...base },
      failureKind,
      parseProblems: [],
      ...common,
      ...(run.exitCode === null ? { transient: true as const } : {}),
    };
  }
  // read by withManifests, after helm's slot is free
  const read = {
    output: run.stdout,
    chartName: job.chartName,
    // the render cache stores them as they are (render-cache.ts), and then lets go of them
    ...(options.cache ? { bytes: run.stdoutBytes } : {}),
  };
  return { result: { status: 'ok', manifests: [], ...base }, parseProblems: [], read, ...common };
}

/** The folder's crds/ files as helm prints them, when chart-guard prints them for this render (own-crds.ts). */
function ownCrdsFor(job: RenderJob, folder: MaterialisedFolder): OwnCrds | undefined {
  const own = folder.ownCrds;
  return own && own.chartName === job.chartName && own.printed.length < MAX_HELM_OUTPUT_BYTES ? own : undefined;
}

function skipped(job: RenderJob, reason: string): RenderOutcome {
  return {
    result: { status: 'skipped', reason, manifests: [], releaseName: job.releaseName, namespace: job.namespace },
    refusedSymlinks: [],
    parseProblems: [],
    sharedBy: 1,
    materialiseMs: 0,
  };
}

function writeFailed(job: RenderJob, reason: string): RenderOutcome {
  return materialiseFailed(job, { path: '', refusedSymlinks: [], durationMs: 0, error: reason });
}

function materialiseFailed(job: RenderJob, folder: MaterialisedFolder): RenderOutcome {
  return {
    result: {
      status: 'failed',
      reason: folder.error,
      manifests: [],
      releaseName: job.releaseName,
      namespace: job.namespace,
    },
    failureKind: 'materialise',
    refusedSymlinks: folder.refusedSymlinks,
    parseProblems: [],
    sharedBy: 1,
    materialiseMs: folder.durationMs,
  };
}

/** The refused symlinks of a chart's base and head renders, for ChartContext.refusedSymlinks (symlink-refused). */
export function refusedSymlinksBySide(pair: { base?: RenderOutcome; head?: RenderOutcome }): SideRefusedSymlink[] {
  return (['base', 'head'] as const).flatMap((side) =>
    (pair[side]?.refusedSymlinks ?? []).map((link) => ({ ...link, side })),
  );
}

/** RAM-backed temp space wanted before /dev/shm is used (container runtimes often give it only 64 MiB). */
const SHM_MIN_FREE_BYTES = 1024 * 1024 * 1024;

/**
 * Chart folders are hundreds of small files written once and read once by helm: on a tmpfs that costs a tenth of
 * what a journaled disk /tmp does (measured with scripts/bench.mjs). /dev/shm is used only when it is a writable
 * folder with at least 1 GiB free; otherwise os.tmpdir().
 */
export async function renderTmpRoot(): Promise<string> {
  if (process.platform !== 'linux') return tmpdir();
  try {
    const stats = await statfs('/dev/shm');
    if (stats.bavail * stats.bsize < SHM_MIN_FREE_BYTES) return tmpdir();
    await access('/dev/shm', constants.W_OK | constants.X_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
