// A snapshot is one state of the chart repository: a git commit, or the working tree.
// The analysis core reads only through this interface, so a review never checks anything out.
import { createHash } from 'node:crypto';
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
  /** Regular files' paths in code-unit order (filePathsOf), listed once: a repo may hold hundreds of charts. */
  filePaths(): Promise<readonly string[]>;
  /** File content, or undefined when there is no such regular file. */
  readBuffer(path: string): Promise<Buffer | undefined>;
  /** The target of a symlink as stored, or undefined. */
  readLink(path: string): Promise<string | undefined>;
  /** Paths left out of entries() because their names are not safe path segments (crafted git trees). */
  unsafeEntries(): Promise<UnsafeEntry[]>;
  /**
   * A digest of a folder's content (each file's and symlink's path, kind and content) without writing it out, for
   * the render cache; undefined when there is none (an empty folder, unsafe names).
   */
  folderDigest?(dir: string): Promise<string | undefined>;
}

/** A folder entry as folderDigestOf hashes it: `object` is the git object id of its content (a symlink's target). */
export interface DigestEntry {
  /** Relative to the folder. */
  path: string;
  kind: EntryKind;
  object: string;
}

/**
 * The digest of a folder from its entries' git object ids, so a commit's folder is hashed from the ls-tree listing
 * alone, and a working tree folder with the same files (hashed like git hashes a blob) gets the same digest.
 */
export function folderDigestOf(entries: readonly DigestEntry[]): string | undefined {
  if (entries.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.kind} ${entry.object} ${entry.path}\0`);
  return hash.digest('hex');
}

/** The git blob id of content: sha1 over "blob <size>\0" and the bytes (git's object format). */
export function gitBlobId(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export async function readText(snapshot: Snapshot, path: string): Promise<string | undefined> {
  const buffer = await snapshot.readBuffer(path);
  return buffer?.toString('utf8');
}

/** The regular files of a listing, sorted by code unit so that a folder is a range of the list (chart-sources.ts). */
export function filePathsOf(entries: readonly SnapshotEntry[]): string[] {
  return entries
    .filter((e) => e.kind === 'file')
    .map((e) => e.path)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
