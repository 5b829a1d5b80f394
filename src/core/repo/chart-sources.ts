// Where a chart's files come from: a folder of the snapshot (Snapshot.filePaths: listed once per snapshot, sorted, so
// a folder is a range of the list) or a .tgz archive in a charts/ folder, read through one interface by the loader.

import type { Snapshot } from './snapshot.js';
import { readTgz } from './tgz.js';

export interface ChartSource {
  /** Chart-relative paths of regular files, sorted. */
  files: readonly string[];
  read(path: string): Promise<Buffer | undefined>;
  /** How a chart-relative path is shown to users (repo-relative; "archive.tgz#inner/path" inside archives). */
  display(path: string): string;
}

export async function snapshotSource(snapshot: Snapshot, dir: string): Promise<ChartSource> {
  const index = await snapshot.filePaths();
  const prefix = dir === '' ? '' : `${dir}/`;
  let lo = lowerBound(index, prefix);
  const files: string[] = [];
  for (; lo < index.length && index[lo].startsWith(prefix); lo++) files.push(index[lo].slice(prefix.length));
  return {
    files,
    read: (path) => snapshot.readBuffer(prefix + path),
    display: (path) => prefix + path,
  };
}

export function subSource(parent: ChartSource, dir: string): ChartSource {
  const prefix = `${dir}/`;
  return {
    files: parent.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
    read: (path) => parent.read(prefix + path),
    display: (path) => parent.display(prefix + path),
  };
}

/** A packaged chart: files sit under one top folder named after the chart. */
export async function archiveSource(archivePath: string, content: Buffer): Promise<ChartSource> {
  const byPath = new Map<string, Buffer>();
  let top: string | undefined;
  for (const file of await readTgz(content)) {
    const slash = file.path.indexOf('/');
    if (slash < 0) continue;
    top ??= file.path.slice(0, slash);
    if (file.path.slice(0, slash) !== top) continue;
    byPath.set(file.path.slice(slash + 1), file.content);
  }
  return {
    files: [...byPath.keys()].sort(compareStrings),
    read: async (path) => byPath.get(path),
    display: (path) => `${archivePath}#${top}/${path}`,
  };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
