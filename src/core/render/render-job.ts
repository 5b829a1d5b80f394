// What a render is asked and what it gives: the job, its outcome, the inputs helm reads of it (the render's identity,
// shared by renderer.ts and the cache's key) and the part of an outcome the cache stores (render-cache.ts).
import type { Snapshot } from '../repo/snapshot.js';
import type { RefusedSymlink } from './materialise.js';
import type { RenderResult } from './types.js';

export interface RenderJob {
  /** The caller's id for this job; the result map is keyed by it. */
  key: string;
  snapshot: Snapshot;
  /** Repo-relative chart folder. */
  chartDir: string;
  /** Chart.yaml name, as helm prints it in `# Source:` lines. */
  chartName: string;
  releaseName: string;
  namespace: string;
  /** Parsed override values, in order (later wins, like repeated -f). */
  values: Record<string, unknown>[];
  /** "1.31": passed as --kube-version 1.31.0. */
  kubeVersion?: string;
  /** What the target clusters serve, passed as --api-versions (see served-apis.ts and the config's apiVersions). */
  apiVersions?: string[];
  /** Repo-relative names of the values files, used only in the reproduction command; default values-<n>.yaml. */
  valuesSources?: string[];
  /**
   * Another helm run of the same inputs (n > 0): charts that print random or time-based values render differently
   * each time, and the ignored-key proof learns which leaves from a repeat. Never shares a render, nor a cache
   * entry, with the first run.
   */
  repeat?: number;
}

/** Why a render failed: kube-version means the chart's kubeVersion excludes --kube-version (see isKubeVersionFailure). */
export type RenderFailureKind = 'kube-version' | 'timeout' | 'too-large' | 'helm' | 'materialise';

export interface RenderOutcome {
  result: RenderResult;
  failureKind?: RenderFailureKind;
  /** Symlinks of the chart folder that lead out of it: not followed, left out of the render. */
  refusedSymlinks: RefusedSymlink[];
  /** Documents helm printed that are not Kubernetes objects. */
  parseProblems: string[];
  /** helm's output the manifests were read from (manifests.ts, settleManifests reads it again if it must). */
  read?: {
    output: string;
    chartName?: string;
    /** The output as helm printed it, kept for the render cache until it has stored them (render-cache.ts, put). */
    bytes?: Buffer;
  };
  /** How many jobs share this render: identical jobs run helm once. */
  sharedBy: number;
  /** Time spent writing the chart folder (once per snapshot and folder, shared by its renders). */
  materialiseMs: number;
  /** helm's refusal when the chart's kubeVersion excludes --kube-version; the result is then a render without it. */
  kubeVersionRefused?: string;
  /**
   * The outcome depends on this machine or moment although its failure kind says "helm": helm could not be started,
   * or was killed by a signal (no exit code). Never stored in the cache.
   */
  transient?: true;
}

/**
 * What helm reads of a job besides the chart folder, in one canonical form (API versions deduped and sorted, values
 * keyed in any order): identical inputs render identically, so they share a render here and a cache key.
 */
export function renderInputs(job: RenderJob) {
  return {
    release: job.releaseName,
    namespace: job.namespace,
    kubeVersion: job.kubeVersion ?? null,
    apiVersions: [...new Set(job.apiVersions ?? [])].sort(),
    values: job.values,
    // a repeat is rendered and stored apart: two helm runs of one chart, as the ignored-key proof needs
    repeat: job.repeat ?? 0,
  };
}

/** What an entry holds: a render's outcome without what is rebuilt from the job (command, names, times). */
export interface StoredOutcome {
  status: 'ok' | 'failed';
  reason?: string;
  /** helm's output, read again like a fresh render's (a cached object is no cheaper to read than a parsed one). */
  output?: string;
  failureKind?: RenderFailureKind;
  refusedSymlinks: RefusedSymlink[];
  kubeVersionRefused?: string;
}
