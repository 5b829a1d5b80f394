// Override files reached through symlinks. helm -f, and a deploy that reads the checkout, follow a link, so an
// override file that is one (values/web.yaml -> web-real.yaml), or sits in a linked folder (values -> env/prod),
// is what the release gets: skipping it would drop its keys from the review with a mere values-pattern-unmatched
// warning. chart-guard follows a link one step, only to a regular file or folder of the same commit (never to the
// runner's files); a link that leads anywhere else is an error where it is met, and is never read.
import { posix } from 'node:path';
import type { InputProblem } from '../model/model.js';
import { lowerBound } from '../repo/chart-sources.js';
import { readText, type Snapshot, type SnapshotEntry } from '../repo/snapshot.js';

export interface OverrideLinks {
  /** The regular files, the file links and each file of a linked folder under the link's path: what patterns match. */
  paths: string[];
  /** Text of an override file, following a link as above, or the error that stands for it. */
  read(path: string): Promise<{ text: string } | { error: InputProblem }>;
  /** Folder links that a pattern's fixed start goes through, and that lead out of the commit: not followed. */
  problems: InputProblem[];
}

/**
 * `patterns`: every values pattern of the config and the run, as written. Only folder links on a pattern's fixed
 * start (the part before any `*`, `?`, `[` or `{`) are expanded, so the work stays bounded by the patterns, not by
 * how many links a commit holds.
 */
export async function overrideLinks(
  snapshot: Snapshot,
  entries: readonly SnapshotEntry[],
  files: readonly string[],
  patterns: readonly string[],
): Promise<OverrideLinks> {
  const textOf = async (path: string) => (await readText(snapshot, path)) ?? '';
  const links = new Set(entries.filter((e) => e.kind === 'symlink').map((e) => e.path));
  if (links.size === 0)
    return { paths: [...files], read: async (path) => ({ text: await textOf(path) }), problems: [] };
  const fileSet = new Set(files);
  /** A link's target as stored, and the path it leads to when that is inside the commit and no link itself. */
  const resolve = async (link: string): Promise<{ path?: string; target: string; inside: boolean }> => {
    const target = (await snapshot.readLink(link)) ?? '';
    const path = posix.normalize(posix.join(posix.dirname(link), target));
    const inside = target !== '' && !posix.isAbsolute(target) && path !== '..' && !path.startsWith('../');
    return { target, inside, ...(inside && path !== '.' && !links.has(path) ? { path } : {}) };
  };
  const starts = patterns.map(fixedStart);
  const folderLinks = [...links].filter((link) => starts.some((start) => start.startsWith(`${link}/`)));
  const sorted = [...files].sort();
  const throughFolder = new Map<string, string>();
  const problems: InputProblem[] = [];
  for (const link of folderLinks) {
    const { path, target, inside } = await resolve(link);
    const under = path ? filesUnder(sorted, path) : [];
    if (path === undefined || under.length === 0) {
      problems.push({
        file: link,
        message: `${link} is a symlink to ${inside ? 'no folder of this commit' : 'outside the repository'} (${target}), and a values pattern goes through it: chart-guard did not follow it, so the override files there were not checked`,
      });
      continue;
    }
    for (const real of under) throughFolder.set(`${link}${real.slice(path.length)}`, real);
  }
  return {
    paths: [...files, ...links, ...throughFolder.keys()],
    problems,
    read: async (path) => {
      const real = throughFolder.get(path) ?? (links.has(path) ? undefined : path);
      if (real !== undefined) return { text: await textOf(real) };
      const { path: resolved, target, inside } = await resolve(path);
      if (resolved !== undefined && fileSet.has(resolved)) return { text: await textOf(resolved) };
      const where = inside ? 'no regular file of this commit' : 'outside the repository';
      return {
        error: {
          file: path,
          message: `${path} is a symlink to ${where} (${target}): chart-guard did not follow it, so its keys were not checked, and helm -f would read what it leads to`,
        },
      };
    },
  };
}

/** The part of a pattern before its first glob or placeholder character, normalised as patterns are matched. */
function fixedStart(pattern: string): string {
  const normal = posix.normalize(pattern).replace(/^\/+/, '');
  const start = normal.startsWith('./') ? normal.slice(2) : normal;
  return start.split(/[*?[{]/)[0];
}

/** The files below `folder` in a sorted list, by binary search: linear only in what it returns. */
function filesUnder(sorted: readonly string[], folder: string): string[] {
  const prefix = `${folder}/`;
  const under: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++)
    under.push(sorted[i]);
  return under;
}
