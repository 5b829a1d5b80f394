// Snapshot of the working tree (tracked and untracked-but-not-ignored files), so a review works before a commit.
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from './git.js';
import {
  type DigestEntry,
  entriesUnder,
  filePathsOf,
  folderDigestOf,
  gitBlobId,
  type Snapshot,
  type SnapshotEntry,
} from './snapshot.js';
import type { UnsafeEntry } from './tree-path.js';

export class WorktreeSnapshot implements Snapshot {
  readonly sha = null;
  private listing?: Promise<Map<string, SnapshotEntry>>;
  private fileList?: Promise<readonly string[]>;

  constructor(
    readonly repoDir: string,
    readonly ref = 'WORKTREE',
  ) {}

  private files(): Promise<Map<string, SnapshotEntry>> {
    this.listing ??= runGit(this.repoDir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).then(
      async (out) => {
        const paths = [...new Set(out.toString('utf8').split('\0').filter(Boolean))].sort();
        const map = new Map<string, SnapshotEntry>();
        await Promise.all(
          paths.map(async (path) => {
            const stat = await lstat(join(this.repoDir, path)).catch(() => undefined);
            if (!stat) return; // deleted in the working tree
            if (stat.isSymbolicLink()) map.set(path, { path, kind: 'symlink' });
            else if (stat.isFile()) map.set(path, { path, kind: 'file' });
          }),
        );
        return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      },
    );
    return this.listing;
  }

  async entries(): Promise<SnapshotEntry[]> {
    return [...(await this.files()).values()];
  }

  filePaths(): Promise<readonly string[]> {
    this.fileList ??= this.entries().then(filePathsOf);
    return this.fileList;
  }

  /** Paths come from the file system (git ls-files of a checkout): names are real, safe segments. */
  async unsafeEntries(): Promise<UnsafeEntry[]> {
    return [];
  }

  async readBuffer(path: string): Promise<Buffer | undefined> {
    const entry = (await this.files()).get(path);
    if (entry?.kind !== 'file') return undefined;
    return readFile(join(this.repoDir, path));
  }

  async readLink(path: string): Promise<string | undefined> {
    const entry = (await this.files()).get(path);
    if (entry?.kind !== 'symlink') return undefined;
    return readlink(join(this.repoDir, path));
  }

  /** Each file and symlink target hashed as git hashes a blob: the same files give a commit's digest. */
  async folderDigest(dir: string): Promise<string | undefined> {
    const trimmed = dir.replace(/\/+$/, '');
    const prefix = trimmed === '' || trimmed === '.' ? '' : `${trimmed}/`;
    const entries = await entriesUnder(this, dir);
    const digested = await Promise.all(
      entries.map(async (entry): Promise<DigestEntry | undefined> => {
        const content = entry.kind === 'file' ? await this.readBuffer(entry.path) : await this.readLink(entry.path);
        return content === undefined
          ? undefined
          : { path: entry.path.slice(prefix.length), kind: entry.kind, object: gitBlobId(content) };
      }),
    );
    // a file deleted meanwhile: no digest rather than a wrong one
    if (digested.some((entry) => entry === undefined)) return undefined;
    return folderDigestOf(digested as DigestEntry[]);
  }
}
