// Snapshot of a git commit: one `git ls-tree` for the listing, one long-lived `git cat-file --batch` for contents.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { posix } from 'node:path';
import { hold } from '../runtime/interrupt.js';
import { runGit, spawnGit } from './git.js';
import { filePathsOf, folderDigestOf, type Snapshot, type SnapshotEntry } from './snapshot.js';
import { type UnsafeEntry, unsafePathReason } from './tree-path.js';

interface TreeEntry extends SnapshotEntry {
  object: string;
}

interface Listing {
  files: Map<string, TreeEntry>;
  unsafe: UnsafeEntry[];
}

/** Bytes of blobs kept for a second read. */
const RECENT_BLOB_BYTES = 32 * 1024 * 1024;

/** The blobs read last, up to RECENT_BLOB_BYTES, by object id (the oldest go first). */
class RecentBlobs {
  readonly #blobs = new Map<string, Promise<Buffer>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;

  read(object: string, load: (object: string) => Promise<Buffer>): Promise<Buffer> {
    const kept = this.#blobs.get(object);
    if (kept) return kept;
    const blob = load(object);
    this.#blobs.set(object, blob);
    blob.then(
      (buffer) => {
        if (this.#blobs.get(object) !== blob) return;
        this.#sizes.set(object, buffer.length);
        this.#bytes += buffer.length;
        for (const [oldest] of this.#blobs) {
          if (this.#bytes <= RECENT_BLOB_BYTES || oldest === object) break;
          this.#forget(oldest);
        }
      },
      () => this.#forget(object), // a failed read is tried again next time
    );
    return blob;
  }

  #forget(object: string): void {
    this.#blobs.delete(object);
    this.#bytes -= this.#sizes.get(object) ?? 0;
    this.#sizes.delete(object);
  }
}

export class GitSnapshot implements Snapshot {
  private listing?: Promise<Listing>;
  private fileList?: Promise<readonly string[]>;
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
    this.listing ??= runGit(this.repoDir, [
      'ls-tree',
      '-r',
      '-t',
      '-z',
      '--full-tree',
      '--end-of-options',
      this.sha,
    ]).then((out) => {
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

  filePaths(): Promise<readonly string[]> {
    this.fileList ??= this.entries().then(filePathsOf);
    return this.fileList;
  }

  async unsafeEntries(): Promise<UnsafeEntry[]> {
    return (await this.tree()).unsafe;
  }

  async readBuffer(path: string): Promise<Buffer | undefined> {
    const entry = (await this.tree()).files.get(path);
    if (entry?.kind !== 'file') return undefined;
    return this.recent.read(entry.object, (object) => this.blobs().read(object));
  }

  /**
   * The blobs read last: a chart's files are read by its loading and again when its folder is written for helm
   * (render/chart-folders.ts, at the same time); the second read comes from here, not from git.
   */
  private readonly recent = new RecentBlobs();

  async readLink(path: string): Promise<string | undefined> {
    const entry = (await this.tree()).files.get(path);
    if (entry?.kind !== 'symlink') return undefined;
    return (await this.blobs().read(entry.object)).toString('utf8');
  }

  /** Folder digests by folder: a chart's is asked for by its loading and by each of its renders. */
  private readonly digests = new Map<string, Promise<string | undefined>>();

  /** From the listing's object ids: nothing is read (a render cache hit never starts cat-file). */
  folderDigest(dir: string): Promise<string | undefined> {
    let digest = this.digests.get(dir);
    if (!digest) {
      digest = this.digestOf(dir);
      this.digests.set(dir, digest);
    }
    return digest;
  }

  private async digestOf(dir: string): Promise<string | undefined> {
    const { files, unsafe } = await this.tree();
    const prefix = folderPrefix(dir);
    // a refused folder is never rendered, so never cached
    if (unsafe.some((e) => e.path.startsWith(prefix) || `${e.path}/` === prefix)) return undefined;
    const entries = [];
    for (const { path, kind, object } of files.values()) {
      if (path.startsWith(prefix)) entries.push({ path: path.slice(prefix.length), kind, object });
    }
    return folderDigestOf(entries);
  }

  private blobs(): BlobReader {
    this.reader ??= new BlobReader(this.repoDir);
    return this.reader;
  }

  /** Ends the cat-file process and waits until it has exited; reads after close start a new one. */
  close(): Promise<void> {
    const reader = this.reader;
    this.reader = undefined;
    return reader?.close() ?? Promise.resolve();
  }
}

function folderPrefix(dir: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? '' : `${trimmed}/`;
}

/** How long a closed cat-file may take to exit before it is killed. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Serialised reads over one `git cat-file --batch` process (far cheaper than a process per file). Output chunks are
 * kept in a list and joined once per object, so reading a blob costs time linear in its size (joining every chunk
 * onto a growing buffer made a 100 MB blob take over a minute).
 */
class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private exited?: Promise<void>;
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body size of the object whose header was read and whose body (plus its newline) is awaited. */
  private bodySize?: number;
  private queue: { object: string; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly repoDir: string) {}

  /** Object ids asked for since the last write: a chart folder's hundreds of reads go to git in one write. */
  private unsent: string[] = [];

  read(object: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ object, resolve, reject });
      if (this.unsent.push(object) === 1) queueMicrotask(() => this.send());
    });
  }

  private send(): void {
    const objects = this.unsent;
    this.unsent = [];
    if (objects.length) this.process().stdin.write(`${objects.join('\n')}\n`);
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawnGit(this.repoDir, ['cat-file', '--batch'], { stdio: 'pipe' }) as ChildProcessWithoutNullStreams;
    // an interrupted run (SIGTERM, Ctrl-C) ends it at once
    const release = hold(() => child.kill('SIGKILL'));
    this.exited = new Promise((resolve) => child.on('close', () => resolve()));
    child.stdout.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.buffered += d.length;
      this.drain();
    });
    child.stdin.on('error', () => {}); // a dead cat-file is reported by 'close' below, not as EPIPE
    child.on('error', (e) => this.failAll(e));
    child.on('close', () => {
      release();
      if (this.queue.length) this.failAll(new Error('git cat-file exited early'));
      if (this.child === child) this.child = undefined;
    });
    // Unreferenced: a caller that forgets close() does not keep node alive; close() still waits for the exit.
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    this.child = child;
    return child;
  }

  /** The first `n` buffered bytes, removed from the buffer; one copy of the chunks at most. */
  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, n);
  }

  private drain(): void {
    while (this.queue.length) {
      if (this.bodySize === undefined) {
        // headers are short: joining the chunks to find one costs little, and leaves one chunk for the body
        if (this.chunks.length > 1) this.chunks = [this.take(this.buffered)];
        const newline = this.chunks[0]?.indexOf(10) ?? -1;
        if (newline < 0) return;
        const parts = this.take(newline + 1)
          .toString('utf8', 0, newline)
          .split(' ');
        if (parts[1] === 'missing' || parts.length < 3) {
          this.queue.shift()!.reject(new Error(`git object ${parts[0]} is missing`));
          continue;
        }
        this.bodySize = Number(parts[2]);
      }
      if (this.buffered < this.bodySize + 1) return;
      const body = this.take(this.bodySize + 1).subarray(0, this.bodySize);
      this.bodySize = undefined;
      // a small file must not pin the large chunk it arrived in
      this.queue.shift()!.resolve(body.length * 2 < body.buffer.byteLength ? Buffer.from(body) : body);
    }
  }

  private failAll(error: Error): void {
    for (const item of this.queue.splice(0)) item.reject(error);
  }

  /** Ends cat-file's input and resolves once it has exited (killed if it does not within a few seconds). */
  close(): Promise<void> {
    const { child, exited } = this;
    this.child = undefined;
    if (!child || !exited) return Promise.resolve();
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_GRACE_MS);
    return exited.then(() => clearTimeout(timer));
  }
}
