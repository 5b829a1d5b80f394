// A snapshot is one state of the chart repository: a git commit, or the working tree.
// The analysis core reads only through this interface, so a review never checks anything out.

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
}

export async function readText(snapshot: Snapshot, path: string): Promise<string | undefined> {
  const buffer = await snapshot.readBuffer(path);
  return buffer?.toString('utf8');
}

/** Files below a folder (recursively), as repo-relative paths. */
export async function entriesUnder(snapshot: Snapshot, dir: string): Promise<SnapshotEntry[]> {
  const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return (await snapshot.entries()).filter((e) => e.path.startsWith(prefix));
}
