// The analysis entry point: two snapshots and a config in, one report out. Knows nothing of GitHub or terminals.
import type { Snapshot } from './repo/snapshot.js';
import type { FailOn, Report } from './report.js';

export interface ReviewOptions {
  /** Repository root (for git and for resolving the config file). */
  repoDir: string;
  base: Snapshot;
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

export async function review(_options: ReviewOptions): Promise<Report> {
  throw new Error('not implemented yet');
}
