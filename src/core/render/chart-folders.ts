// The chart folders a run writes for helm, written ahead (issue 23, "spawn helm before anything that does not need
// to happen first"): a chart's head folder is written from git while the chart is still being read and analysed, so
// its helm run starts as soon as the analysis is done. The folders live under one temp folder of the run, removed
// chart by chart once its renders are done, and whole at the end or on an interrupt.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Snapshot } from '../repo/snapshot.js';
import { createLimiter, type Limiter } from '../runtime/concurrency.js';
import { hold } from '../runtime/interrupt.js';
import { materialiseChart, type RefusedSymlink } from './materialise.js';
import type { OwnCrds } from './own-crds.js';

export interface MaterialisedFolder {
  path: string;
  refusedSymlinks: RefusedSymlink[];
  durationMs: number;
  error?: string;
  /** The chart's crds/ files as helm prints them, when chart-guard prints them instead (own-crds.ts). */
  ownCrds?: OwnCrds;
}

export class ChartFolders {
  readonly #folders = new Map<string, Promise<MaterialisedFolder>>();
  readonly #anonymous = new Map<Snapshot, number>();
  readonly #writers: Limiter;
  #root: Promise<string> | undefined;
  #release: (() => void) | undefined;
  #count = 0;
  readonly #removing = new Set<Promise<void>>();

  /**
   * @param tmpRoot where the run's temp folder is made (renderer.ts, renderTmpRoot)
   * @param writers folders written at once: enough to keep git and the disk busy ahead of helm
   */
  constructor(
    private readonly tmpRoot: () => Promise<string>,
    writers = 2,
  ) {
    this.#writers = createLimiter(Math.max(2, writers));
  }

  /** The folder of `chartDir` in `snapshot`: the one written ahead, or written now. */
  folder(snapshot: Snapshot, chartDir: string): Promise<MaterialisedFolder> {
    const key = chartFolderKey(snapshot, chartDir, this.#anonymous);
    let folder = this.#folders.get(key);
    if (!folder) {
      folder = this.#writers(() => this.#write(snapshot, chartDir));
      this.#folders.set(key, folder);
    }
    return folder;
  }

  /** Starts writing the folder for a render that will come. */
  ahead(snapshot: Snapshot, chartDir: string): void {
    void this.folder(snapshot, chartDir);
  }

  /** Removes the folder once its renders are done (a later render writes it again). */
  async done(snapshot: Snapshot, chartDir: string): Promise<void> {
    const key = chartFolderKey(snapshot, chartDir, this.#anonymous);
    const folder = this.#folders.get(key);
    if (!folder) return;
    this.#folders.delete(key);
    const { path } = await folder;
    // in the background: the main thread schedules the unlinks while it waits for helm anyway (removed synchronously,
    // ten charts' folders took 36 ms of it); close() waits for them
    if (!path) return;
    const removed = rm(posix.dirname(path), { recursive: true, force: true }).catch(() => {});
    this.#removing.add(removed);
    void removed.then(() => this.#removing.delete(removed));
  }

  /**
   * Waits for the folders being written (a chart written ahead may never be rendered: its render names were refused),
   * then removes them all: nothing reads the run's snapshots after it.
   */
  async close(): Promise<void> {
    const writing = [...this.#folders.values()];
    this.#folders.clear();
    await Promise.allSettled([...writing, ...this.#removing]);
    const root = this.#root;
    this.#root = undefined;
    const dir = await root?.catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
    this.#release?.();
    this.#release = undefined;
  }

  async #write(snapshot: Snapshot, chartDir: string): Promise<MaterialisedFolder> {
    const started = performance.now();
    let path = '';
    try {
      const root = await this.#rootFolder();
      path = join(root, String(this.#count++), folderName(chartDir));
      const { refusedSymlinks, ownCrds } = await materialiseChart(snapshot, chartDir, path);
      return {
        path,
        refusedSymlinks,
        durationMs: Math.round(performance.now() - started),
        ...(ownCrds ? { ownCrds } : {}),
      };
    } catch (e) {
      // name the chart folder, not the temp path, as helm's own errors are shown
      const reason = path ? (e as Error).message.replaceAll(path, chartDir) : (e as Error).message;
      const error = `could not write ${chartDir} at ${snapshot.ref} to a temp folder: ${reason}`;
      return { path, refusedSymlinks: [], durationMs: Math.round(performance.now() - started), error };
    }
  }

  #rootFolder(): Promise<string> {
    this.#root ??= this.tmpRoot()
      .then((tmp) => mkdtemp(join(tmp, 'chart-guard-charts-')))
      .then((dir) => {
        // an interrupted run removes it too
        this.#release = hold(() => rmSync(dir, { recursive: true, force: true }));
        return dir;
      });
    return this.#root;
  }
}

/** The temp folder's name for a chart folder: its last segment, never "." or ".." (helm reads the name from Chart.yaml). */
function folderName(chartDir: string): string {
  const name = posix.basename(chartDir);
  return name === '' || name === '.' || name === '..' ? 'chart' : name;
}

/**
 * The key of a chart folder of a snapshot. A commit is identified by its sha; the working tree by its folder; anything
 * else by object identity, numbered in `anonymous`.
 */
export function chartFolderKey(snapshot: Snapshot, chartDir: string, anonymous: Map<Snapshot, number>): string {
  return `${snapshotId(snapshot, anonymous)}\0${chartDir.replace(/\/+$/, '')}`;
}

function snapshotId(snapshot: Snapshot, anonymous: Map<Snapshot, number>): string {
  if (snapshot.sha) return `commit:${snapshot.sha}`;
  const repoDir = (snapshot as { repoDir?: unknown }).repoDir;
  if (typeof repoDir === 'string') return `worktree:${repoDir}`;
  if (!anonymous.has(snapshot)) anonymous.set(snapshot, anonymous.size + 1);
  return `snapshot:${anonymous.get(snapshot)}`;
}
