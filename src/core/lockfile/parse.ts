// Reads a helm-freeze lockfile (helm-freeze.yaml) into the domain model, with 1-based lines for annotations.
//
// The format, as helm-freeze reads it (github.com/Qovery/helm-freeze cfg/type.go, cfg/validate.go, exec/helm.go):
//   charts:        [{ name, version, repo_name, dest, dest_folder_override, no_sync, chart_path, comment }]
//   repos:         [{ name, url, type }]          type: git for charts copied from a git repository
//   destinations:  [{ name, path }]              path relative to the lockfile's folder
// Every item is a map of strings (Go map[string]string), so values are read as their source text ("1.10" stays
// "1.10"). An entry without repo_name uses repo "stable", one without dest uses destination "default"; the chart is
// written to <destination>/<dest_folder_override or name>. repo_name may also be a bare oci:// reference.
// A chart with chart_path is copied from a git repo at commit `version` (so the version may be a sha).
import { posix } from 'node:path';
import type { LockDestination, LockEntry, Lockfile, LockRepo } from '../model/model.js';
import { type RawLockfile, readLockfileSource } from './source.js';
import { type ValidateOptions, validateLockfile } from './validate.js';

/**
 * Parses and validates a lockfile. Never throws: an unreadable file gives empty charts and a problem; every
 * validation problem (see validate.ts) is in `problems`, as LockfileProblem objects.
 */
export function parseLockfile(text: string, path: string, options: ValidateOptions = {}): Lockfile {
  const source = readLockfileSource(text, path);
  if (!source.raw)
    return { path, charts: [], repos: [], destinations: [], problems: source.problems, unreadable: true };
  const lockfile = buildLockfile(source.raw, path);
  lockfile.problems = validateLockfile(lockfile, source.raw, options);
  return lockfile;
}

/** The model: repos, destinations and entries with their resolved folders. Incomplete items are left out. */
function buildLockfile(raw: RawLockfile, path: string): Lockfile {
  const lockDir = posix.dirname(path);
  const repos: LockRepo[] = [];
  for (const item of raw.repos) {
    const name = item.fields.get('name')?.value;
    const url = item.fields.get('url')?.value;
    if (name === undefined || url === undefined) continue; // reported by validation
    repos.push({ name, url, type: item.fields.get('type')?.value, line: item.line });
  }
  const destinations: LockDestination[] = [];
  for (const item of raw.destinations) {
    const name = item.fields.get('name')?.value;
    const destPath = item.fields.get('path')?.value;
    if (name === undefined || destPath === undefined) continue;
    destinations.push({ name, path: destPath, repoPath: destinationRepoPath(lockDir, destPath), line: item.line });
  }
  const destinationByName = new Map<string, LockDestination>();
  for (const d of destinations) if (!destinationByName.has(d.name)) destinationByName.set(d.name, d);

  const charts: LockEntry[] = [];
  for (const item of raw.charts) {
    const get = (key: string) => item.fields.get(key)?.value;
    const name = get('name');
    if (name === undefined) continue; // an entry without a name has no folder; reported by validation
    const dest = get('dest');
    const destFolderOverride = get('dest_folder_override');
    // An undeclared destination (reported by validation) falls back to the lockfile's folder so the entry still has a dir.
    const destDir = destinationByName.get(dest ?? 'default')?.repoPath ?? normaliseRepoPath(lockDir);
    charts.push({
      name,
      version: get('version') ?? '',
      repoName: get('repo_name'),
      dest,
      destFolderOverride,
      noSync: get('no_sync') === 'true',
      chartPath: get('chart_path'),
      comment: get('comment'),
      dir: normaliseRepoPath(posix.join(destDir, destFolderOverride ?? name)),
      destDir,
      line: item.line,
      versionLine: item.fields.get('version')?.keyLine ?? item.line,
    });
  }

  return { path, charts, repos, destinations, problems: [] };
}

/** Destination paths are relative to the lockfile's folder (helm-freeze chdirs there before syncing). */
export function destinationRepoPath(lockDir: string, destPath: string): string {
  // An absolute path cannot be mapped into the repository; it is kept (without the leading /) and flagged by validation.
  if (destPath.startsWith('/')) return normaliseRepoPath(destPath.replace(/^\/+/, ''));
  return normaliseRepoPath(posix.join(lockDir, destPath));
}

/** Posix-normalised, no leading "./" or trailing "/"; the repository root is ".". */
export function normaliseRepoPath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  return normal === '' ? '.' : normal;
}
