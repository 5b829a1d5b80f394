// Which override values files belong to which chart. Patterns are repo-relative globs (picomatch, dot files
// included) with placeholders filled per lockfile entry:
//   {chart}    the entry name                        values/{chart}.yaml
//   {dir}      the chart folder, repo-relative       {dir}/../values/prod.yaml
//   {dest}     the destination folder, repo-relative {dest}/../chart_values/{chart}.yaml
//   {lockdir}  the lockfile's folder                 {lockdir}/values/{chart}.yaml
// ".." is resolved after substitution. A chart's files keep pattern order (then path order within a glob): the
// order Helm would merge them with repeated -f, later files winning.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { LockEntry, Lockfile } from '../model/model.js';

export const PLACEHOLDERS = ['chart', 'dir', 'dest', 'lockdir'] as const;
const PLACEHOLDER = /\{(chart|dir|dest|lockdir)\}/g;
const HAS_PLACEHOLDER = /\{(chart|dir|dest|lockdir)\}/;
const GLOB_OPTIONS = { dot: true };

/** Fills the placeholders of each pattern for one entry and normalises the result. */
export function resolveOverridePatterns(patterns: string[], entry: LockEntry, lockfile: Lockfile): string[] {
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    chart: entry.name,
    dir: entry.dir,
    dest: entry.destDir,
    lockdir: posix.dirname(lockfile.path),
  };
  return patterns.map((pattern) =>
    normalisePattern(pattern.replace(PLACEHOLDER, (_, name: keyof typeof values) => escapeGlob(values[name]))),
  );
}

/** The files (from `paths`) that any of the resolved patterns matches, in pattern order. */
export function matchOverrideFiles(resolvedPatterns: string[], paths: string[]): string[] {
  return new PathIndex(paths).matchAll(resolvedPatterns);
}

/** Override files per chart folder, for every lockfile entry. Compiles each distinct glob once. */
export function mapOverrideFiles(
  lockfile: Lockfile,
  patternsFor: (entry: LockEntry) => string[],
  paths: string[],
): Map<string, string[]> {
  const index = new PathIndex(paths);
  const mapping = new Map<string, string[]>();
  for (const entry of lockfile.charts) {
    const files = index.matchAll(resolveOverridePatterns(patternsFor(entry), entry, lockfile));
    const known = mapping.get(entry.dir); // two entries with one folder (a lockfile error): keep both lists
    mapping.set(entry.dir, known ? [...new Set([...known, ...files])] : files);
  }
  return mapping;
}

/**
 * Files that look like override files but belong to no chart: they match a placeholder pattern shared by every
 * entry once its placeholders are widened ({chart} -> *, {dir} -> <destination>/*, {dest} -> each destination),
 * yet no entry maps them (e.g. values/mariadb.yaml left behind after the mariadb entry was removed or renamed).
 */
export function orphanOverrideFiles(
  lockfile: Lockfile,
  patternsFor: (entry: LockEntry) => string[],
  paths: string[],
  mapped: Map<string, string[]> = mapOverrideFiles(lockfile, patternsFor, paths),
): string[] {
  if (lockfile.charts.length === 0) return [];
  // Per-chart patterns ({chart} inside charts.mariadb.values) would make every other chart's file look orphaned.
  const patternSets = lockfile.charts.map((entry) => new Set(patternsFor(entry)));
  const templates = [...patternSets[0]].filter(
    (p) => HAS_PLACEHOLDER.test(p) && patternSets.every((set) => set.has(p)),
  );
  if (templates.length === 0) return [];
  const destinations = [
    ...new Set([...lockfile.destinations.map((d) => d.repoPath), ...lockfile.charts.map((e) => e.destDir)]),
  ];
  const lockdir = escapeGlob(posix.dirname(lockfile.path));
  const shapes = new Set<string>();
  for (const template of templates) {
    const perDestination = /\{(dir|dest)\}/.test(template) ? destinations : ['.'];
    for (const dest of perDestination) {
      const d = escapeGlob(dest);
      shapes.add(
        normalisePattern(
          template
            .replace(/\{chart\}/g, '*')
            .replace(/\{dir\}/g, `${d}/*`)
            .replace(/\{dest\}/g, d)
            .replace(/\{lockdir\}/g, lockdir),
        ),
      );
    }
  }
  const owned = new Set([...mapped.values()].flat());
  return new PathIndex(paths)
    .matchAll([...shapes])
    .filter((path) => !owned.has(path))
    .sort();
}

function normalisePattern(pattern: string): string {
  const normal = posix.normalize(pattern).replace(/^\/+/, '');
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/** A placeholder value is a literal path, not a glob. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

function unescapeGlob(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * The repository's files indexed for pattern matching: literal patterns are set lookups, globs whose last segment
 * is literal (envs/* /mariadb.yaml) test only files of that name, other globs only files below their static base.
 */
class PathIndex {
  private readonly sorted: string[];
  private readonly all: Set<string>;
  private readonly byBasename = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();

  constructor(paths: string[]) {
    this.sorted = [...paths].sort();
    this.all = new Set(this.sorted);
    for (const path of this.sorted) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const list = this.byBasename.get(name);
      if (list) list.push(path);
      else this.byBasename.set(name, [path]);
    }
  }

  matchAll(patterns: string[]): string[] {
    const out = new Set<string>();
    for (const pattern of patterns) for (const path of this.match(pattern)) out.add(path);
    return [...out];
  }

  match(pattern: string): string[] {
    let result = this.cache.get(pattern);
    if (result) return result;
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) {
      const literal = unescapeGlob(pattern);
      result = this.all.has(literal) ? [literal] : [];
    } else {
      const isMatch = picomatch(pattern, GLOB_OPTIONS);
      const lastSegment = pattern.slice(pattern.lastIndexOf('/') + 1);
      const candidates = picomatch.scan(lastSegment).isGlob
        ? this.below(unescapeGlob(scan.base))
        : (this.byBasename.get(unescapeGlob(lastSegment)) ?? []);
      result = candidates.filter((path) => isMatch(path));
    }
    this.cache.set(pattern, result);
    return result;
  }

  /** Files below a folder, by binary search over the sorted paths. */
  private below(base: string): string[] {
    if (base === '') return this.sorted;
    const prefix = `${base}/`;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.sorted.length && this.sorted[end].startsWith(prefix)) end++;
    return this.sorted.slice(lo, end);
  }
}
