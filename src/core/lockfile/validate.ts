// Whole-lockfile checks behind the `lockfile-invalid` rule. helm-freeze itself refuses to sync a lockfile with a
// chart lacking name/version, a repo lacking name/url, a destination lacking name/path, or duplicate repo names,
// repo URLs, destination names or destination paths (cfg/validate.go), and silently ignores unknown keys, so a
// typo such as `dest_folder_overide` would put the chart in another folder: we report those too.
import type { InputProblem, LockEntry, Lockfile } from '../model/model.js';
import { releaseNameProblem } from '../render/release-names.js';
import { type RawItem, type RawLockfile, readLockfileSource } from './source.js';

/** A problem in the lockfile; entryLines names the chart entries (by line) it makes invalid, if any. */
export interface LockfileProblem extends InputProblem {
  entryLines?: number[];
}

const KNOWN_KEYS = {
  charts: ['name', 'version', 'repo_name', 'dest', 'dest_folder_override', 'no_sync', 'chart_path', 'comment'],
  repos: ['name', 'url', 'type'],
  destinations: ['name', 'path'],
} as const;
const REQUIRED_KEYS = { charts: ['name', 'version'], repos: ['name', 'url'], destinations: ['name', 'path'] } as const;
type Section = keyof typeof KNOWN_KEYS;

/**
 * Fallbacks helm-freeze uses for an entry without repo_name / dest (exec/helm.go). Its cfg/validate.go refuses a
 * lockfile that declares neither, even when no entry uses them; we report them only where an entry relies on them.
 */
export const DEFAULT_REPO = 'stable';
export const DEFAULT_DESTINATION = 'default';

/**
 * Checks a parsed lockfile against what it was read from (the raw items, or the text to read them from), sorted
 * by line. parseLockfile already puts these in `lockfile.problems`; YAML syntax errors are only there.
 */
export interface ValidateOptions {
  /** Whether the config sets this entry's release name (charts.<name>.releaseName): its own name is then not one. */
  hasReleaseName?: (entry: LockEntry) => boolean;
}

export function validateLockfile(
  lockfile: Lockfile,
  source: RawLockfile | string,
  options: ValidateOptions = {},
): LockfileProblem[] {
  const raw = typeof source === 'string' ? readLockfileSource(source, lockfile.path).raw : source;
  if (!raw) return [];
  const file = lockfile.path;
  const problems: LockfileProblem[] = [];
  const add = (line: number | undefined, message: string, entryLines?: number[]) =>
    problems.push(entryLines ? { file, line, message, entryLines } : { file, line, message });

  for (const { line, message } of raw.shapeProblems) add(line, message);
  for (const { key, line } of raw.topLevelKeys) {
    if (!Object.hasOwn(KNOWN_KEYS, key))
      add(line, `unknown top-level key "${key}" (helm-freeze reads charts, repos and destinations)`);
  }
  for (const section of Object.keys(KNOWN_KEYS) as Section[]) {
    for (const item of raw[section]) checkItemKeys(section, item, add);
  }

  const repoNames = new Map<string, number>();
  const repoUrls = new Map<string, number>();
  for (const repo of lockfile.repos) {
    const sameName = repoNames.get(repo.name);
    if (sameName !== undefined) add(repo.line, `repo "${repo.name}" is declared twice (first on line ${sameName})`);
    else repoNames.set(repo.name, repo.line);
    const sameUrl = repoUrls.get(repo.url);
    if (sameUrl !== undefined) add(repo.line, `repo url ${repo.url} is declared twice (first on line ${sameUrl})`);
    else repoUrls.set(repo.url, repo.line);
  }

  const destinationNames = new Map<string, number>();
  const destinationPaths = new Map<string, number>();
  for (const destination of lockfile.destinations) {
    const sameName = destinationNames.get(destination.name);
    if (sameName !== undefined)
      add(destination.line, `destination "${destination.name}" is declared twice (first on line ${sameName})`);
    else destinationNames.set(destination.name, destination.line);
    const samePath = destinationPaths.get(destination.repoPath);
    if (samePath !== undefined)
      add(
        destination.line,
        `destination path ${destination.path} is the same folder as the destination on line ${samePath}`,
      );
    else destinationPaths.set(destination.repoPath, destination.line);
    if (destination.path.startsWith('/'))
      add(
        destination.line,
        `destination "${destination.name}" has an absolute path; chart-guard needs a path relative to the lockfile's folder`,
      );
    else if (destination.repoPath === '..' || destination.repoPath.startsWith('../'))
      add(destination.line, `destination "${destination.name}" points outside the repository (${destination.path})`);
  }

  const repoByName = new Map(lockfile.repos.map((r) => [r.name, r] as const));
  const chartByDir = new Map<string, LockEntry>();
  const rawByLine = new Map(raw.charts.map((item) => [item.line, item] as const));
  for (const entry of lockfile.charts) {
    const fields = rawByLine.get(entry.line)?.fields;
    const lineOfKey = (key: string) => fields?.get(key)?.keyLine ?? entry.line;
    const own = [entry.line];
    // the entry name is the release name helm gets unless the config sets one (charts.<name>.releaseName)
    const badName = options.hasReleaseName?.(entry) ? undefined : releaseNameProblem(entry.name);
    if (badName) {
      add(
        lineOfKey('name'),
        `chart name "${entry.name}" ${badName}, and it is the release name the chart is rendered as: set charts.<name>.releaseName in the chart-guard config`,
        own,
      );
    }
    const repoName = entry.repoName ?? DEFAULT_REPO;
    const repo = repoByName.get(repoName);
    if (!repo && !repoName.startsWith('oci://')) {
      add(
        lineOfKey('repo_name'),
        entry.repoName === undefined
          ? `chart "${entry.name}" has no repo_name, so helm-freeze uses repo "${DEFAULT_REPO}", which is not declared in repos`
          : `chart "${entry.name}" names repo "${repoName}", which is not declared in repos`,
        own,
      );
    }
    if (entry.chartPath !== undefined && repo && repo.type !== 'git') {
      // helm-freeze copies a chart_path chart only from a repo of type git ("no url defined for this git repo").
      add(
        lineOfKey('chart_path'),
        `chart "${entry.name}" has chart_path but repo "${repoName}" is not of type git`,
        own,
      );
    }
    const destName = entry.dest ?? DEFAULT_DESTINATION;
    if (!destinationNames.has(destName)) {
      add(
        lineOfKey('dest'),
        entry.dest === undefined
          ? `chart "${entry.name}" has no dest, so helm-freeze uses destination "${DEFAULT_DESTINATION}", which is not declared in destinations`
          : `chart "${entry.name}" names destination "${destName}", which is not declared in destinations`,
        own,
      );
    }
    const sameDir = chartByDir.get(entry.dir);
    if (sameDir) {
      add(
        entry.line,
        `chart "${entry.name}" is synced to ${entry.dir}, the same folder as chart "${sameDir.name}" on line ${sameDir.line}`,
        [sameDir.line, entry.line],
      );
    } else chartByDir.set(entry.dir, entry);
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function checkItemKeys(
  section: Section,
  item: RawItem,
  add: (line: number | undefined, message: string, entryLines?: number[]) => void,
): void {
  const name = item.fields.get('name')?.value;
  // A chart entry without a name has no LockEntry: its problems belong to the file.
  const own = section === 'charts' && name !== undefined ? [item.line] : undefined;
  const what = `${section === 'charts' ? 'chart' : section === 'repos' ? 'repo' : 'destination'}${name ? ` "${name}"` : ''}`;
  for (const required of REQUIRED_KEYS[section]) {
    const field = item.fields.get(required);
    if (field?.value === undefined && !field?.notScalar) {
      add(field?.keyLine ?? item.line, `${what} has no ${required}`, own);
    }
  }
  const known: readonly string[] = KNOWN_KEYS[section];
  for (const [key, field] of item.fields) {
    if (!known.includes(key)) {
      add(
        field.keyLine,
        `unknown key "${key}" in ${what} (helm-freeze ignores it; known keys: ${known.join(', ')})`,
        own,
      );
    }
  }
  for (const [key, field] of item.fields) {
    if (field.notScalar)
      add(field.keyLine, `"${key}" in ${what} must be a single value, not a ${field.notScalar}`, own);
  }
  for (const { key, line } of item.repeatedKeys) add(line, `${what} sets "${key}" twice`, own);
}

/** Problems that make this entry invalid (missing version, undeclared repo/destination, same folder as another...). */
export function entryProblems(lockfile: Lockfile, entry: LockEntry): InputProblem[] {
  return lockfile.problems.filter((p) => (p as LockfileProblem).entryLines?.includes(entry.line));
}

export function isEntryInvalid(lockfile: Lockfile, entry: LockEntry): boolean {
  return entryProblems(lockfile, entry).length > 0;
}

/** Problems about the lockfile as a whole (syntax, repos, destinations), not tied to one chart entry. */
export function fileProblems(lockfile: Lockfile): InputProblem[] {
  return lockfile.problems.filter((p) => !(p as LockfileProblem).entryLines);
}
