// Snapshot of a git commit: one `git ls-tree` for the listing, one long-lived `git cat-file --batch` for contents.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { posix } from 'node:path';
import { runGit } from './git.js';
import type { Snapshot, SnapshotEntry } from './snapshot.js';
import { type UnsafeEntry, unsafePathReason } from './tree-path.js';

interface TreeEntry extends SnapshotEntry {
  object: string;
}

interface Listing {
  files: Map<string, TreeEntry>;
  unsafe: UnsafeEntry[];
}

export class GitSnapshot implements Snapshot {
  private listing?: Promise<Listing>;
  private reader?: BlobReader;

  constructor(
    readonly repoDir: string,
    readonly ref: string,
    readonly sha: string,
  ) {}

  /**
   * The listing, trees included (-t) so that every path can be checked: its segments are safe names, its parent is a
   * tree of the listing (a blob named "a/b" has no tree "a" above it), and no path is listed twice. Entries failing
   * a check are left out of the listing and kept as unsafe: the charts holding them are refused.
   */
  private tree(): Promise<Listing> {
    this.listing ??= runGit(this.repoDir, ['ls-tree', '-r', '-t', '-z', '--full-tree', this.sha]).then((out) => {
      const files = new Map<string, TreeEntry>();
      const trees = new Set<string>();
      const unsafe: UnsafeEntry[] = [];
      for (const record of out.toString('utf8').split('\0')) {
        if (!record) continue;
        const tab = record.indexOf('\t');
        const [mode, type, object] = record.slice(0, tab).split(' ');
        const path = record.slice(tab + 1);
        const parent = posix.dirname(path);
        const reason =
          unsafePathReason(path) ??
          (parent !== '.' && !trees.has(parent) ? 'a name holds a slash' : undefined) ??
          (files.has(path) || trees.has(path) ? 'two entries share the name' : undefined);
        if (reason) {
          unsafe.push({ path, reason });
          continue;
        }
        if (type === 'tree') trees.add(path);
        if (type !== 'blob') continue; // submodules (commit) are not chart content
        files.set(path, { path, kind: mode === '120000' ? 'symlink' : 'file', object });
      }
      return { files, unsafe };
    });
    return this.listing;
  }

  async entries(): Promise<SnapshotEntry[]> {
    return [...(await this.tree()).files.values()].map(({ path, kind }) => ({ path, kind }));
  }

  async unsafeEntries(): Promise<UnsafeEntry[]> {
    return (await this.tree()).unsafe;
  }

  async readBuffer(path: string): Promise<Buffer | undefined> {
    const entry = (await this.tree()).files.get(path);
    if (entry?.kind !== 'file') return undefined;
    return this.blobs().read(entry.object);
  }

  async readLink(path: string): Promise<string | undefined> {
    const entry = (await this.tree()).files.get(path);
    if (entry?.kind !== 'symlink') return undefined;
    return (await this.blobs().read(entry.object)).toString('utf8');
  }

  private blobs(): BlobReader {
    this.reader ??= new BlobReader(this.repoDir);
    return this.reader;
  }

  /** Ends the cat-file process; reads after close start a new one. */
  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/** Serialised reads over one `git cat-file --batch` process (far cheaper than a process per file). */
class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private queue: { object: string; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly repoDir: string) {}

  read(object: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ object, resolve, reject });
      this.process().stdin.write(`${object}\n`);
    });
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repoDir });
    child.stdout.on('data', (d: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    child.on('error', (e) => this.failAll(e));
    child.on('close', () => {
      if (this.queue.length) this.failAll(new Error('git cat-file exited early'));
      if (this.child === child) this.child = undefined;
    });
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    this.child = child;
    return child;
  }

  private drain(): void {
    while (this.queue.length) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const parts = header.split(' ');
      if (parts[1] === 'missing') {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift()!.reject(new Error(`git object ${parts[0]} is missing`));
        continue;
      }
      const size = Number(parts[2]);
      if (this.buffer.length < newline + 1 + size + 1) return;
      const body = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift()!.resolve(body);
    }
  }

  private failAll(error: Error): void {
    for (const item of this.queue.splice(0)) item.reject(error);
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }
}
