// A snapshot is one state of the chart repository: a git commit, or the working tree.
// The analysis core reads only through this interface, so a review never checks anything out.
import type { UnsafeEntry } from './tree-path.js';

export type EntryKind = 'file' | 'symlink';

export interface SnapshotEntry {
  path: string;
  kind: EntryKind;
}

export interface Snapshot {
  /** What the user named (a ref, "WORKTREE"). */
  readonly ref: string;
  /** Commit sha, or null for the working tree. */
  readonly sha: string | null;
  /** Every file in the snapshot, repo-relative posix paths, sorted. */
  entries(): Promise<SnapshotEntry[]>;
  /** File content, or undefined when there is no such regular file. */
  readBuffer(path: string): Promise<Buffer | undefined>;
  /** The target of a symlink as stored, or undefined. */
  readLink(path: string): Promise<string | undefined>;
  /** Paths left out of entries() because their names are not safe path segments (crafted git trees). */
  unsafeEntries(): Promise<UnsafeEntry[]>;
}

export async function readText(snapshot: Snapshot, path: string): Promise<string | undefined> {
  const buffer = await snapshot.readBuffer(path);
  return buffer?.toString('utf8');
}

/** Unsafe paths at or below a folder: a chart folder holding one is refused. */
export async function unsafeEntriesUnder(snapshot: Snapshot, dir: string): Promise<UnsafeEntry[]> {
  const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return (await snapshot.unsafeEntries()).filter((e) => e.path.startsWith(prefix) || `${e.path}/` === prefix);
}

/** Files below a folder (recursively), as repo-relative paths. */
export async function entriesUnder(snapshot: Snapshot, dir: string): Promise<SnapshotEntry[]> {
  const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return (await snapshot.entries()).filter((e) => e.path.startsWith(prefix));
}
