// Writes one chart folder of a snapshot into a temp folder for helm, without checking anything out.
// Symlinks are recreated only when they stay inside the chart folder: helm's loader follows symlinks
// (pkg/chart/loader, sympath.Walk: "found symbolic link in path ... Contents of linked file included and used"),
// so a link out of the chart (or an absolute one) would let a pull request make chart-guard read any file on the
// runner. Such links are refused, never followed, and reported; the render runs without them.
// A folder holding a git tree entry whose name is not one safe path segment ("..", "", "a/b") is refused whole:
// nothing of it is written (repo/tree-path.ts), and every path written is checked to stay inside the target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, realpath, symlink, unlink } from 'node:fs/promises';
import { posix, sep } from 'node:path';
import { entriesUnder, type Snapshot, unsafeEntriesUnder } from '../repo/snapshot.js';
import { describeUnsafeEntries, resolveInside, type UnsafeEntry } from '../repo/tree-path.js';
import { type OwnCrds, ownCrds } from './own-crds.js';

export type SymlinkRefusal = 'absolute' | 'outside-chart';

export interface RefusedSymlink {
  /** Repo-relative path of the link. */
  path: string;
  /** The link target as stored. */
  target: string;
  reason: SymlinkRefusal;
}

export interface MaterialisedChart {
  refusedSymlinks: RefusedSymlink[];
  /** Regular files written. */
  files: number;
  /** The chart's crds/ files as helm prints them, when chart-guard prints them instead (own-crds.ts). */
  ownCrds?: OwnCrds;
}

/** Reads in flight at once: enough to keep git (or the disk) busy, few enough to stay far from EMFILE. */
const IO_PARALLELISM = 64;

/** Writes the files of `dir` (repo-relative) from `snapshot` into `target` (created). */
export async function materialiseChart(snapshot: Snapshot, dir: string, target: string): Promise<MaterialisedChart> {
  const chartDir = dir.replace(/\/+$/, '');
  const prefix = chartDir === '' || chartDir === '.' ? '' : `${chartDir}/`;
  const unsafe = await unsafeEntriesUnder(snapshot, chartDir);
  if (unsafe.length > 0) throw new UnsafeFolderError(chartDir, unsafe);
  const entries = await entriesUnder(snapshot, chartDir);
  const files = entries.filter((e) => e.kind === 'file').map((e) => e.path.slice(prefix.length));
  const links = entries.filter((e) => e.kind === 'symlink').map((e) => e.path.slice(prefix.length));

  await mkdir(target, { recursive: true });
  const folders = new Set<string>();
  for (const rel of [...files, ...links]) {
    const parent = posix.dirname(rel);
    if (parent !== '.') folders.add(parent);
  }
  // GitSnapshot serves every read over one `git cat-file --batch` process, so queueing them all is cheap
  const contents = await mapLimited(files, (rel) => snapshot.readBuffer(prefix + rel));
  // Synchronous writes: for many small files they cost less CPU than a thread-pool round trip each, and nothing
  // else waits on this event loop meanwhile (helm runs in its own process).
  for (const folder of folders) mkdirSync(resolveInside(target, folder), { recursive: true });
  files.forEach((rel, i) => {
    const content = contents[i];
    if (content) writeFileSync(resolveInside(target, rel), content);
  });

  const refusedSymlinks = await recreateSymlinks(snapshot, prefix, links, target);
  const index = new Map(files.map((rel, i) => [rel, i]));
  const crds = ownCrds(files, links, (rel) => {
    const i = index.get(rel);
    return i === undefined ? undefined : contents[i];
  });
  return { refusedSymlinks, files: files.length, ...(crds ? { ownCrds: crds } : {}) };
}

async function recreateSymlinks(
  snapshot: Snapshot,
  prefix: string,
  links: string[],
  target: string,
): Promise<RefusedSymlink[]> {
  const refused: RefusedSymlink[] = [];
  const refusedPaths = new Set<string>();
  const created: { rel: string; linkTarget: string }[] = [];
  for (const rel of links) {
    const linkTarget = (await snapshot.readLink(prefix + rel)) ?? '';
    const refusal = lexicalRefusal(rel, linkTarget);
    if (refusal) {
      refused.push({ path: prefix + rel, target: linkTarget, reason: refusal });
      refusedPaths.add(rel);
      continue;
    }
    await symlink(linkTarget, resolveInside(target, rel));
    created.push({ rel, linkTarget });
  }
  if (created.length === 0) return refused;

  // The lexical check cannot see links inside the target path (a/b -> ../x where a links elsewhere):
  // ask the file system where each link really leads, and drop the ones that leave the chart, until stable.
  const root = await realpath(target);
  let pending = created;
  for (let changed = true; changed; ) {
    changed = false;
    const kept: typeof created = [];
    for (const link of pending) {
      const full = resolveInside(target, link.rel);
      const resolved = await realpath(full).catch(() => undefined);
      const escapes = resolved !== undefined && resolved !== root && !resolved.startsWith(root + sep);
      // a link whose target is (or lies below) a refused link leads out of the chart too
      const viaRefused = resolved === undefined && leadsThroughRefused(link.rel, link.linkTarget, refusedPaths);
      if (escapes || viaRefused) {
        await unlink(full);
        refused.push({ path: prefix + link.rel, target: link.linkTarget, reason: 'outside-chart' });
        refusedPaths.add(link.rel);
        changed = true;
      } else {
        kept.push(link);
      }
    }
    pending = kept;
  }
  // Links that dangle for other reasons stay: helm fails on them exactly as it would on the user's checkout.
  return refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A chart folder holding tree entries with unsafe names: nothing of it is written. */
export class UnsafeFolderError extends Error {
  constructor(
    readonly dir: string,
    readonly entries: UnsafeEntry[],
  ) {
    super(`${dir} was refused: ${describeUnsafeEntries(entries)}`);
  }
}

function lexicalRefusal(rel: string, linkTarget: string): SymlinkRefusal | undefined {
  if (
    linkTarget === '' ||
    posix.isAbsolute(linkTarget) ||
    /^[A-Za-z]:[\\/]/.test(linkTarget) ||
    linkTarget.startsWith('\\')
  ) {
    return 'absolute';
  }
  const resolved = posix.normalize(posix.join(posix.dirname(rel), linkTarget));
  if (resolved === '..' || resolved.startsWith('../')) return 'outside-chart';
  return undefined;
}

function leadsThroughRefused(rel: string, linkTarget: string, refusedPaths: Set<string>): boolean {
  const resolved = posix.normalize(posix.join(posix.dirname(rel), linkTarget));
  for (const refused of refusedPaths) {
    if (resolved === refused || resolved.startsWith(`${refused}/`)) return true;
  }
  return false;
}

async function mapLimited<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_PARALLELISM, items.length) }, worker));
  return results;
}

/** A refused symlink with the side (base/head) whose chart folder held it. */
export interface SideRefusedSymlink extends RefusedSymlink {
  side: 'base' | 'head';
}
