// Which repository paths chart-guard may write to disk. A git tree entry name is meant to be one path segment, but a
// crafted tree (git hash-object --literally -t tree) can name an entry "..", ".", "" or "../../tmp/x"; git itself
// refuses to check such trees out (read-cache.c, verify_path; fsck reports hasDot, hasDotdot, emptyName,
// fullPathname). chart-guard writes chart folders from trees without a checkout, so it applies the same rule.
import { isAbsolute, relative, resolve } from 'node:path';

/** A path the snapshot holds but chart-guard refuses to read or write. */
export interface UnsafeEntry {
  /** The repo-relative path as git lists it (may hold "..", empty segments...). */
  path: string;
  /** Why, e.g. 'a name is ".."'. */
  reason: string;
}

/** Why `path` (repo-relative, "/"-separated) is not a sequence of safe segments, or undefined when it is. */
export function unsafePathReason(path: string): string | undefined {
  if (path.includes('\0')) return 'a name holds a NUL byte';
  for (const segment of path.split('/')) {
    if (segment === '') return 'a name is empty (or holds a slash)';
    if (segment === '.' || segment === '..') return `a name is "${segment}"`;
  }
  return undefined;
}

export class PathEscapeError extends Error {}

/** `root` joined with the relative `rel`, refused (PathEscapeError) when the result is not strictly inside root. */
export function resolveInside(root: string, rel: string): string {
  const full = resolve(root, rel);
  const back = relative(root, full);
  if (back === '' || back === '..' || back.startsWith(`..${'/'}`) || back.startsWith('..\\') || isAbsolute(back)) {
    throw new PathEscapeError(`${JSON.stringify(rel)} leads out of the folder it is written to`);
  }
  return full;
}

const SHOWN_UNSAFE_ENTRIES = 3;

/** 'it holds a git tree entry "x/../y" whose name is not a single path segment (a name is ".."), and 2 more'. */
export function describeUnsafeEntries(entries: readonly UnsafeEntry[]): string {
  const shown = entries
    .slice(0, SHOWN_UNSAFE_ENTRIES)
    .map((e) => `${JSON.stringify(e.path)} (${e.reason})`)
    .join(', ');
  const more = entries.length > SHOWN_UNSAFE_ENTRIES ? `, and ${entries.length - SHOWN_UNSAFE_ENTRIES} more` : '';
  const noun = entries.length === 1 ? 'a git tree entry whose name is' : 'git tree entries whose names are';
  return `it holds ${noun} not a single safe path segment: ${shown}${more}; git refuses to check out such a tree`;
}
