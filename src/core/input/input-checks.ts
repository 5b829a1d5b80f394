// Inputs that would weaken a review without a word: a values pattern that matches nothing (every override check of
// its charts silently drops), and a `charts:` key of the config that names no chart (its settings never apply).
// Both are found on the head workspace before the rules run; the rules (values-pattern-unmatched, config-invalid)
// only report them.
import type { Config, InputProblem, LockEntry, Lockfile } from '../model/model.js';
import { matchOverrideFiles, resolveOverridePatterns } from '../values/override-files.js';
import { editDistance, nearest } from './nearest.js';

export interface UnmatchedPattern {
  pattern: string;
  /** Where it was given: the config file's `values`, a chart's `charts.<key>.values`, or the --values flag / input. */
  source: string;
  /** The config file, when the pattern is written there. */
  file?: string;
  /** The snapshot's paths most like the pattern as resolved for the charts, closest first. */
  nearest: string[];
}

/** How many charts' resolutions of one pattern are compared with the snapshot's paths for "nearest". */
const NEAREST_ENTRIES = 10;

/**
 * The override patterns that match no file for any chart they apply to. `flagPatterns` are the --values flags (or
 * the Action's values input), which apply to every chart like the config's `values`.
 */
export function unmatchedValuesPatterns(
  config: Config,
  flagPatterns: readonly string[],
  lockfile: Lockfile,
  paths: readonly string[],
): UnmatchedPattern[] {
  if (lockfile.unreadable || lockfile.charts.length === 0) return [];
  const candidates = paths.filter((p) => /\.ya?ml$/i.test(p));
  const out: UnmatchedPattern[] = [];
  const check = (pattern: string, entries: LockEntry[], source: string, file?: string) => {
    if (entries.length === 0) return;
    const resolved = entries.map((entry) => resolveOverridePatterns([pattern], entry, lockfile)[0]);
    if (resolved.some((glob) => matchOverrideFiles([glob], [...paths]).length > 0)) return;
    out.push({ pattern, source, ...(file ? { file } : {}), nearest: nearestPaths(resolved, candidates) });
  };
  for (const pattern of config.values) check(pattern, lockfile.charts, 'values', config.path);
  for (const pattern of flagPatterns) check(pattern, lockfile.charts, '--values');
  for (const [key, chart] of Object.entries(config.charts)) {
    const entries = lockfile.charts.filter((entry) => entry.name === key || entry.dir === key);
    for (const pattern of chart.values) check(pattern, entries, `charts.${key}.values`, config.path);
  }
  // a chart's own patterns in one environment replace the shared ones there: one that matches nothing leaves it bare
  for (const environment of config.environments) {
    for (const [key, chart] of Object.entries(environment.charts ?? {})) {
      const entries = lockfile.charts.filter((entry) => entry.name === key || entry.dir === key);
      const where = `environments.${environment.name}.charts.${key}.values`;
      for (const pattern of chart.values ?? []) check(pattern, entries, where, config.path);
    }
  }
  return out;
}

function nearestPaths(resolved: string[], paths: string[]): string[] {
  const best = new Map<string, number>();
  for (const glob of [...new Set(resolved)].slice(0, NEAREST_ENTRIES)) {
    // compare with the literal part of the pattern: `values/*.yml` is closest to files under values/
    const literal = glob.replace(/[*?[\]{}!]/g, '');
    for (const path of paths) {
      const distance = editDistance(literal, path);
      if (distance < (best.get(path) ?? Number.POSITIVE_INFINITY)) best.set(path, distance);
    }
  }
  return [...best]
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .slice(0, 3)
    .map(([path]) => path);
}

/**
 * `charts:` keys that are neither a lockfile entry name nor a chart folder (a folder with a Chart.yaml): their
 * settings (set keys, release name, values, rules) apply to nothing. Problems for config-invalid, with a guess.
 */
export function unknownChartKeys(config: Config, lockfile: Lockfile, paths: readonly string[]): InputProblem[] {
  if (lockfile.unreadable) return [];
  const known = chartKeysKnown(lockfile, paths);
  const problems: InputProblem[] = [];
  for (const [key, chart] of Object.entries(config.charts)) {
    if (known.has(key)) continue;
    const [guess] = nearest(key, known);
    problems.push({
      file: config.path ?? '.github/chart-guard.yaml',
      ...(chart.line ? { line: chart.line } : {}),
      message: `charts.${key} names no chart: it is neither a lockfile entry of ${lockfile.path} nor a chart folder, so its settings apply to nothing${guess ? ` (did you mean "${guess}"?)` : ''}`,
    });
  }
  return problems;
}

/** What a `charts:` key may name: a lockfile entry's name or folder, or a chart folder (one with a Chart.yaml). */
export function chartKeysKnown(lockfile: Lockfile, paths: readonly string[]): Set<string> {
  const folders = paths.filter((p) => p.endsWith('/Chart.yaml')).map((p) => p.slice(0, -'/Chart.yaml'.length));
  return new Set([...lockfile.charts.flatMap((e) => [e.name, e.dir]), ...folders]);
}
