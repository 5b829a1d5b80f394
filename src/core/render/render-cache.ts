// A folder of render outcomes keyed by everything `helm template` reads: helm's version, the chart folder's content,
// the values, release, namespace, Kubernetes version and API versions. The key is content-addressed, so an entry can
// never be stale: a changed input is another key. A hit skips writing the chart folder and helm entirely.
//
// The folder may be shared (two runs, a restored actions/cache): entries are written to a temp file and renamed
// (atomic within a file system); anything unreadable, truncated or of another format is a miss and is overwritten.
// The cache never fails a review: an unusable folder means renders without it, said once on the progress lines.
//
// The folder's content is untrusted (docs: conventions, "Untrusted input"): a folder inside the checkout (where a
// pull request can commit entries) or one that is a symlink is refused; no symlink in it is ever followed (entries
// are opened with O_NOFOLLOW, prune lstats and removes a link as a link); every entry read is checked against its
// schema (cache-entry-schema.ts) and one that does not match is a miss.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  validateEntry,
  validateHelmVersionMemo,
  validateLoadedChart,
  validateStoredOutcome,
} from '../generated/cache-entry-validators.js';
import { SchemaCheck } from '../input/schema-check.js';
import type { LoadedChart } from '../model/model.js';
import { writeFileAtomicInBackground } from '../runtime/atomic-write.js';
import { readOwnBytes } from '../runtime/read-own-file.js';
import { stableJson } from '../runtime/stable-json.js';
import {
  chartEntry,
  chartOf,
  decodeEntry,
  type Entry,
  encodeEntry,
  outcomeEntry,
  outcomeOf,
} from './cache-entry-file.js';
import {
  ENTRY_SCHEMA,
  HELM_VERSION_MEMO_SCHEMA,
  LOADED_CHART_SCHEMA,
  STORED_OUTCOME_SCHEMA,
} from './cache-entry-schema.js';
import {
  type RenderFailureKind,
  type RenderJob,
  type RenderOutcome,
  renderInputs,
  type StoredOutcome,
} from './render-job.js';

/**
 * Bump when what is stored changes meaning: the Manifest shape, manifest parsing, RenderOutcome's stored fields,
 * or how helm is invoked (templateArgs). Entries of another format are misses.
 */
export const RENDER_CACHE_FORMAT = 4;

/**
 * Bump when a loaded chart's stored form changes meaning: LoadedChart's shape, or how chart-loader.ts reads a chart
 * folder (values, template reads, problems). Entries of another format are misses.
 */
export const CHART_CACHE_FORMAT = 4;

const MiB = 1024 * 1024;
export const DEFAULT_CACHE_MAX_BYTES = 1024 * MiB;

/** A temp file older than this is a crashed writer's: removed when the cache is pruned. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface RenderCacheOptions {
  /** The cache folder (created when missing). */
  dir: string;
  /** Size bound: after a run, least recently used entries are removed until the folder is under it. Default 1 GiB. */
  maxBytes?: number;
}

/** The options for a cache folder and a size bound in MiB, as the CLI (--cache-max-mb) and the Action take it. */
export function renderCacheOptions(dir: string, maxMb?: number): RenderCacheOptions {
  return maxMb === undefined ? { dir } : { dir, maxBytes: maxMb * MiB };
}

/** Failures that depend on the machine or the moment, not on the inputs: never stored. */
const UNCACHED_FAILURES: ReadonlySet<RenderFailureKind | undefined> = new Set(['timeout', 'too-large', 'materialise']);

export class RenderCache {
  hits = 0;
  misses = 0;
  /** Loaded charts (chart-loader.ts's reading of a chart folder) found and not found. */
  chartHits = 0;
  chartMisses = 0;
  private writable = true;
  readonly #writing = new Set<Promise<void>>();
  readonly #queued: (() => void)[] = [];
  /** The schema checks of the entries this run reads. */
  readonly entries = cacheEntryCheck();

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
    /** Part of every key: another chart-guard version parses renders its own way. */
    private readonly salt: string,
    private readonly progress: (message: string) => void,
  ) {}

  /**
   * The cache in options.dir, or undefined (and one progress line) when the folder cannot be made or read, is a
   * symlink, or lies inside `checkout` (the repository the run reviews: a pull request could commit entries there).
   */
  static async open(
    options: RenderCacheOptions,
    progress: (message: string) => void,
    salt = '',
    checkout?: string,
  ): Promise<RenderCache | undefined> {
    const refusal = await refusedFolder(options.dir, checkout).catch((e: Error) => e.message);
    if (refusal) {
      progress(`cache: ${options.dir} is not used: ${refusal}; rendering without a cache`);
      return undefined;
    }
    try {
      await mkdir(options.dir, { recursive: true });
      for (const folder of [rendersDir, chartsDir, helmDir]) await ownFolder(folder(options.dir));
      await readdir(rendersDir(options.dir));
    } catch (e) {
      progress(`cache: ${options.dir} cannot be used (${(e as Error).message}); rendering without a cache`);
      return undefined;
    }
    return new RenderCache(options.dir, options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES, salt, progress);
  }

  /** The entry key of a job: undefined when the chart folder has no digest (nothing is cached for it). */
  keyOf(job: RenderJob, helmVersion: string, chartDigest: string | undefined): string | undefined {
    if (!chartDigest) return undefined;
    // Everything helm reads, and what the stored outcome names: refused symlinks and helm's messages name the chart
    // folder and the values files as the repository has them.
    const inputs = {
      format: RENDER_CACHE_FORMAT,
      salt: this.salt,
      helm: helmVersion,
      chart: chartDigest,
      chartDir: job.chartDir.replace(/\/+$/, ''),
      chartName: job.chartName,
      valuesSources: job.values.map((_, i) => job.valuesSources?.[i] ?? null),
      ...renderInputs(job),
    };
    return createHash('sha256').update(stableJson(inputs)).digest('hex');
  }

  /** The stored outcome for `key`, or undefined (a miss) when there is none, no key, or it cannot be read whole. */
  async get(key: string | undefined): Promise<StoredOutcome | undefined> {
    const entry = key === undefined ? undefined : await this.read(rendersDir(this.dir), key, RENDER_CACHE_FORMAT);
    const stored = entry && outcomeOf(entry);
    if (this.entries.matches<StoredOutcome>(STORED_OUTCOME_SCHEMA, stored)) {
      this.hits++;
      return stored;
    }
    this.misses++;
    return undefined;
  }

  /**
   * Stores a render's outcome when it is deterministic. The output goes as helm printed it (`read.bytes`, which the
   * outcome then lets go: only the queue holds it until it is written).
   */
  put(key: string, outcome: RenderOutcome): void {
    const { read } = outcome;
    const bytes = read?.bytes;
    if (read) delete read.bytes;
    if (!isCacheable(outcome)) return;
    const { result } = outcome;
    const stored: StoredOutcome = {
      status: result.status as 'ok' | 'failed',
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      ...(outcome.failureKind ? { failureKind: outcome.failureKind } : {}),
      refusedSymlinks: outcome.refusedSymlinks,
      ...(outcome.kubeVersionRefused === undefined ? {} : { kubeVersionRefused: outcome.kubeVersionRefused }),
    };
    const output = read ? (bytes ?? Buffer.from(read.output)) : undefined;
    this.write(rendersDir(this.dir), key, RENDER_CACHE_FORMAT, () => outcomeEntry(stored, output));
  }

  /**
   * The key of a chart folder as chart-loader.ts reads it: its content, where it sits (problems and files name
   * repo paths), and the helm major version (helm 4 merges every document of a values file, helm 3 reads the first).
   */
  chartKeyOf(dir: string, chartDigest: string | undefined, helmMajor: number | undefined): string | undefined {
    if (!chartDigest) return undefined;
    const inputs = { format: CHART_CACHE_FORMAT, salt: this.salt, chart: chartDigest, dir, helmMajor: helmMajor ?? 4 };
    return createHash('sha256').update(stableJson(inputs)).digest('hex');
  }

  /** A chart folder as read before, or undefined (a miss). */
  async getChart(key: string | undefined): Promise<LoadedChart | undefined> {
    const entry = key === undefined ? undefined : await this.read(chartsDir(this.dir), key, CHART_CACHE_FORMAT);
    const chart = entry && chartOf(entry);
    if (this.entries.matches<LoadedChart>(LOADED_CHART_SCHEMA, chart)) {
      this.chartHits++;
      return chart;
    }
    this.chartMisses++;
    return undefined;
  }

  /** Stores a chart folder as read; one that JSON cannot hold exactly (.inf in values.yaml) is read every time. */
  putChart(key: string, chart: LoadedChart): void {
    this.write(chartsDir(this.dir), key, CHART_CACHE_FORMAT, () => chartEntry(chart));
  }

  /**
   * An entry's payload and tail when it is a whole entry (a regular file, not a link, its tail as long as its first
   * line says), of `format` and of `key`; undefined otherwise. The payload's own shape is the caller's to check.
   * Refreshes a hit's mtime.
   */
  private async read(dir: string, key: string, format: number): Promise<Entry | undefined> {
    // an entry being written is waited for; one still queued is not written for this read (a miss, made again)
    while (this.#writing.size) await Promise.all([...this.#writing]);
    // least recently used = oldest mtime: a hit keeps the entry
    const bytes = await readOwnBytes(join(dir, `${key}.json`), this.maxBytes, true);
    return bytes && decodeEntry(bytes, format, key, this.entries);
  }

  /**
   * Queues an entry. Encoding it (its first line as JSON, its texts as bytes: cache-entry-file.ts) costs the main
   * thread, so the queue is written while helm renders (writeQueued, called as a render starts, renderer.ts), when
   * the main thread would wait anyway, and at the latest by flush().
   */
  private write(dir: string, key: string, format: number, entry: () => Entry): void {
    if (this.writable) this.#queued.push(() => this.writeNow(dir, key, format, entry));
  }

  /** Writes the queued entries (their files are written in the background: flush waits for them). */
  writeQueued(): void {
    for (let next = this.#queued.shift(); next; next = this.#queued.shift()) next();
  }

  /** Writes an entry atomically; a failed write turns writing off for the run. */
  private writeNow(dir: string, key: string, format: number, entry: () => Entry): void {
    if (!this.writable) return;
    let content: Buffer;
    try {
      content = encodeEntry(format, key, entry());
    } catch {
      return; // a value JSON cannot hold (.inf, .nan): made again every time rather than stored changed
    }
    const failed = (e: Error) => {
      if (!this.writable) return;
      this.writable = false;
      this.progress(`cache: cannot write to ${this.dir} (${e.message}); new entries are not stored`);
    };
    try {
      // the disk works while the run goes on; reads and prune wait for the writes first (flush)
      const written = writeFileAtomicInBackground(join(dir, `${key}.json`), content).catch(failed);
      this.#writing.add(written);
      void written.then(() => this.#writing.delete(written));
    } catch (e) {
      failed(e as Error);
    }
  }

  /** Writes the queued entries and waits until every entry is written. */
  async flush(): Promise<void> {
    this.writeQueued();
    while (this.#writing.size) await Promise.all([...this.#writing]);
  }

  /**
   * Removes least recently used entries until the folder is under maxBytes, and temp files of crashed writers.
   * Another run may remove or replace entries meanwhile: every step tolerates a file that is gone.
   */
  async prune(now = Date.now()): Promise<{ removed: number; bytes: number; freed: number }> {
    await this.flush();
    const entries: { path: string; size: number; mtimeMs: number }[] = [];
    const folders = [rendersDir(this.dir), chartsDir(this.dir)];
    const listed = await Promise.all(
      folders.map(async (dir) =>
        // a folder that became a link since open is not listed: what is behind it is not the cache's
        (await isOwnFolder(dir)) ? (await readdir(dir).catch(() => [] as string[])).map((name) => join(dir, name)) : [],
      ),
    );
    for (const path of listed.flat()) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const info = await lstat(path).catch(() => undefined);
      if (info?.isSymbolicLink()) {
        await rm(path, { force: true }).catch(() => {}); // the link itself (rm never follows the last component)
        continue;
      }
      if (!info?.isFile()) continue;
      if (name.endsWith('.tmp')) {
        if (now - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => {});
        continue;
      }
      entries.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    }
    let bytes = entries.reduce((sum, e) => sum + e.size, 0);
    let removed = 0;
    let freed = 0;
    entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const entry of entries) {
      if (bytes <= this.maxBytes) break;
      try {
        await rm(entry.path);
      } catch {
        continue; // another run removed it, or the folder is read-only
      }
      bytes -= entry.size;
      freed += entry.size;
      removed++;
    }
    return { removed, bytes, freed };
  }

  /** One line for the progress output: "cache: 3 hits, 1 miss". */
  summary(): string {
    return `cache: ${this.hits} hit${this.hits === 1 ? '' : 's'}, ${this.misses} miss${this.misses === 1 ? '' : 'es'}`;
  }

  /** The chart folders' line: "cache: 2 of 2 chart folders read before". */
  chartSummary(): string {
    return `cache: ${this.chartHits} of ${this.chartHits + this.chartMisses} chart folders read before`;
  }
}

/** The checks of the cache's entries (and the helm version memo), by their validators compiled at build time. */
export function cacheEntryCheck(): SchemaCheck {
  return new SchemaCheck(
    new Map<object, ValidateFunction>([
      [ENTRY_SCHEMA, validateEntry],
      [STORED_OUTCOME_SCHEMA, validateStoredOutcome],
      [LOADED_CHART_SCHEMA, validateLoadedChart],
      [HELM_VERSION_MEMO_SCHEMA, validateHelmVersionMemo],
    ]),
  );
}

function rendersDir(dir: string): string {
  return join(dir, 'renders');
}

function chartsDir(dir: string): string {
  return join(dir, 'charts');
}

/** Where helm-version-memo.ts keeps `helm version` per binary. */
export function helmDir(dir: string): string {
  return join(dir, 'helm');
}

/**
 * Why the cache folder `dir` must not be used, or undefined: it is a symlink (what it leads to is not the cache's
 * to prune), or it is in `checkout` or is it, real paths compared (a pull request commits files there).
 */
async function refusedFolder(dir: string, checkout: string | undefined): Promise<string | undefined> {
  const info = await lstat(dir).catch(() => undefined);
  if (info?.isSymbolicLink()) return 'it is a symbolic link';
  if (checkout === undefined) return undefined;
  const [folder, repository] = await Promise.all([realPathOf(resolve(dir)), realpath(checkout)]);
  const inside = relative(repository, folder);
  if (inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))) {
    return `it is inside the repository checkout ${checkout}, where a pull request can commit entries (use a folder outside it, e.g. $RUNNER_TEMP/chart-guard-cache)`;
  }
  return undefined;
}

/** The real path of `path`, which may not exist yet: its nearest existing ancestor's real path and the rest. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

/** Makes `path` a real folder of the cache: a link there is removed (never what it leads to) and a folder made. */
async function ownFolder(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (info?.isDirectory()) return;
  if (info?.isSymbolicLink()) await rm(path);
  else if (info) throw new Error(`${path} is not a folder`);
  await mkdir(path);
}

async function isOwnFolder(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() ?? false;
}

function isCacheable(outcome: RenderOutcome): boolean {
  const { status } = outcome.result;
  return (status === 'ok' || status === 'failed') && !UNCACHED_FAILURES.has(outcome.failureKind) && !outcome.transient;
}
