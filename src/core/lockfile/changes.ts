// Base -> head chart changes of a lockfile. Entries are keyed by chart folder, not by name: one chart may be
// frozen twice in different destinations (e.g. aws-load-balancer-controller for two cluster flavours).
//
// Kinds:
//   bumped             same folder, version differs (semverChange says how)
//   added / removed    folder only at head / only at base
//   moved              same name and version, folder changed (the removed and added entries are paired)
//   overrides-changed  entry unchanged, but one of its override files changed
//   unchanged          entry unchanged and no override file changed, but files under the chart folder changed
//                      (a hand edit of a vendored chart, or a re-sync): its templates still reach the cluster.
// Entries with nothing changed are left out. An entry whose folder changes is paired with its base entry when it
// is the same release (the caller's `releaseOf`: a rename that keeps the release name is `helm upgrade` of the same
// release), or when its chart name is unique on both sides: `bumped` (base.dir and head.dir then differ), or
// `moved` when the version stays.
import semver from 'semver';
import type { ChartChange, LockEntry, Lockfile } from '../model/model.js';
import type { SemverChange } from '../report/report.js';

/**
 * @param changedPaths repo-relative files that differ between base and head
 * @param overridesChanged says whether an override file of this (unchanged) entry changed; the caller owns the
 *   mapping of override files (at both sides) to entries
 */
export function diffLockfiles(
  base: Lockfile | undefined,
  head: Lockfile,
  changedPaths: Set<string>,
  overridesChanged: (entry: LockEntry) => boolean = () => false,
  /** The release an entry deploys ("namespace/name"), the same function on both sides. */
  releaseOf?: (entry: LockEntry) => string,
): ChartChange[] {
  const baseByDir = new Map((base?.charts ?? []).map((e) => [e.dir, e] as const));
  const headDirs = new Set(head.charts.map((e) => e.dir));
  const changedDirs = ancestorDirs(changedPaths);
  const changes: ChartChange[] = [];
  const added: LockEntry[] = [];

  for (const entry of head.charts) {
    const before = baseByDir.get(entry.dir);
    if (!before) {
      added.push(entry);
      continue;
    }
    if (before.version !== entry.version) {
      changes.push(change(entry, 'bumped', before, entry));
    } else if (overridesChanged(entry)) {
      changes.push(change(entry, 'overrides-changed', before, entry));
    } else if (changedDirs.has(entry.dir)) {
      changes.push(change(entry, 'modified', before, entry));
    }
  }
  const removed = (base?.charts ?? []).filter((e) => !headDirs.has(e.dir));

  // Pair a removed and an added entry: first exact (name, version) matches as moves, then a name that is unique
  // among both the removed and the added entries as a bump across folders.
  const pairedRemoved = new Set<LockEntry>();
  const pairedAdded = new Set<LockEntry>();
  for (const after of added) {
    const before = removed.find((r) => !pairedRemoved.has(r) && r.name === after.name && r.version === after.version);
    if (!before) continue;
    pairedRemoved.add(before);
    pairedAdded.add(after);
    changes.push(change(after, 'moved', before, after));
  }
  // then a key (the release, then the chart name) unique among the entries left on both sides
  const pairBy = (key: (entry: LockEntry) => string) => {
    const countBy = (entries: LockEntry[], paired: Set<LockEntry>) => {
      const counts = new Map<string, number>();
      for (const e of entries) if (!paired.has(e)) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
      return counts;
    };
    const removedKeys = countBy(removed, pairedRemoved);
    const addedKeys = countBy(added, pairedAdded);
    for (const after of added) {
      const k = key(after);
      if (pairedAdded.has(after) || addedKeys.get(k) !== 1 || removedKeys.get(k) !== 1) continue;
      const before = removed.find((r) => !pairedRemoved.has(r) && key(r) === k)!;
      pairedRemoved.add(before);
      pairedAdded.add(after);
      changes.push(change(after, before.version === after.version ? 'moved' : 'bumped', before, after));
    }
  };
  if (releaseOf) pairBy(releaseOf);
  pairBy((entry) => entry.name);

  for (const after of added) if (!pairedAdded.has(after)) changes.push(change(after, 'added', undefined, after));
  for (const before of removed)
    if (!pairedRemoved.has(before)) changes.push(change(before, 'removed', before, undefined));
  return changes;
}

function change(
  entry: LockEntry,
  kind: ChartChange['change'],
  base: LockEntry | undefined,
  head: LockEntry | undefined,
): ChartChange {
  const semverKind = kind === 'bumped' ? (semverChange(base!.version, head!.version) ?? 'other') : null;
  return { name: entry.name, dir: entry.dir, change: kind, base, head, semverChange: semverKind };
}

/** Every folder that holds a changed path, at any depth ("a/b/c.yaml" -> "a", "a/b"). */
function ancestorDirs(paths: Set<string>): Set<string> {
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const dir = path.slice(0, slash);
      if (dirs.has(dir)) break; // its ancestors are in already
      dirs.add(dir);
    }
  }
  return dirs;
}

// "1.2.3", "v1.2.3", "1.2", "1.2.3-rc.1+build": Helm chart versions are SemVer 2, often written with a leading v.
// Anything else (a git sha for a chart_path chart, a date) is not compared: semver.coerce would read a number
// out of a sha ("3f2a9c1" -> 3.0.0), so only whole version strings are accepted.
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Parses a chart version, or undefined when it is not a (possibly shortened, v-prefixed) SemVer version. */
export function parseChartVersion(version: string): semver.SemVer | undefined {
  const m = VERSION.exec(version.trim());
  if (!m) return undefined;
  return semver.parse(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}${m[5] ?? ''}`) ?? undefined;
}

/**
 * How a version string changed: major/minor/patch by the first differing number, prerelease when only the
 * pre-release part differs, downgrade when the new version sorts lower, other when either side is not SemVer or
 * the two differ only in spelling (a leading v, build metadata). null when the strings are equal.
 */
export function semverChange(from: string, to: string): SemverChange | null {
  if (from === to) return null;
  const a = parseChartVersion(from);
  const b = parseChartVersion(to);
  if (!a || !b) return 'other';
  const order = semver.compare(a, b);
  if (order > 0) return 'downgrade';
  if (order === 0) return 'other';
  if (a.major !== b.major) return 'major';
  if (a.minor !== b.minor) return 'minor';
  if (a.patch !== b.patch) return 'patch';
  return 'prerelease';
}
