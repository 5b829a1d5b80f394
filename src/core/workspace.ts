// One side of a review (or the whole repository for lint): config, lockfile and override-file mapping of a snapshot.
import { chartConfigFor, parseConfig } from './config.js';
import { normaliseKubeVersion } from './kube-version.js';
import { parseLockfile } from './lockfile/parse.js';
import type { Config, KubeTarget, LockEntry, Lockfile, OverrideFile } from './model.js';
import { readText, type Snapshot } from './repo/snapshot.js';
import { mapOverrideFiles } from './values/override-files.js';
import { parseValuesFile } from './values/values-file.js';

export const DEFAULT_CONFIG_PATH = '.github/chart-guard.yaml';

/** A problem that stops the run (exit 2): a missing lockfile, a named config that does not exist. */
export class ReviewError extends Error {}

export interface WorkspaceOptions {
  lockfile?: string;
  values?: string[];
  configPath?: string;
  kubernetesVersion?: string;
  /** Use this config instead of reading one (the base side of a review uses the head's). */
  configOverride?: Config;
  /** The base side tolerates a missing lockfile (every chart is then "added"). */
  lockfileOptional?: boolean;
}

export interface Workspace {
  snapshot: Snapshot;
  config: Config;
  lockfilePath: string;
  lockfile: Lockfile;
  /** Override files per chart folder. */
  overrideFiles: Map<string, string[]>;
  kube?: KubeTarget;
  paths: string[];
  /** Parses an override file once per snapshot. */
  readOverride(path: string): Promise<OverrideFile>;
  /** Override patterns of an entry: config, flags and per-chart config. */
  patternsFor(entry: LockEntry): string[];
}

export async function loadWorkspace(snapshot: Snapshot, options: WorkspaceOptions): Promise<Workspace> {
  const config = options.configOverride ?? (await readConfig(snapshot, options.configPath));
  const lockfilePath = normalisePath(options.lockfile ?? config.lockfile);
  const [entries, lockText] = await Promise.all([snapshot.entries(), readText(snapshot, lockfilePath)]);
  if (lockText === undefined && !options.lockfileOptional) {
    throw new ReviewError(
      `lockfile ${lockfilePath} not found at ${snapshot.ref} (set --lockfile / the lockfile input)`,
    );
  }
  const lockfile = lockText === undefined ? emptyLockfile(lockfilePath) : parseLockfile(lockText, lockfilePath);
  const paths = entries.filter((e) => e.kind === 'file').map((e) => e.path);
  const patternsFor = (entry: LockEntry) => [
    ...config.values,
    ...(options.values ?? []),
    ...chartConfigFor(config, entry).values,
  ];
  const overrideFiles = mapOverrideFiles(lockfile, patternsFor, paths);
  const kube = kubeTarget(options.kubernetesVersion, config);
  const parsed = new Map<string, Promise<OverrideFile>>();
  const readOverride = (path: string) => {
    let file = parsed.get(path);
    if (!file) {
      file = readText(snapshot, path).then((text) => parseValuesFile(text ?? '', path));
      parsed.set(path, file);
    }
    return file;
  };
  return { snapshot, config, lockfilePath, lockfile, overrideFiles, kube, paths, readOverride, patternsFor };
}

async function readConfig(snapshot: Snapshot, configPath: string | undefined): Promise<Config> {
  const path = normalisePath(configPath ?? DEFAULT_CONFIG_PATH);
  const text = await readText(snapshot, path);
  if (text === undefined && configPath !== undefined && normalisePath(configPath) !== DEFAULT_CONFIG_PATH) {
    throw new ReviewError(`config file ${path} not found at ${snapshot.ref}`);
  }
  return parseConfig(text, text === undefined ? undefined : path);
}

function kubeTarget(flag: string | undefined, config: Config): KubeTarget | undefined {
  if (flag !== undefined) {
    const version = normaliseKubeVersion(flag);
    if (!version) throw new ReviewError(`kubernetes version "${flag}" is not a version like 1.31`);
    return { min: version, max: version };
  }
  return config.kubernetes;
}

function emptyLockfile(path: string): Lockfile {
  return { path, charts: [], repos: [], destinations: [], problems: [] };
}

function normalisePath(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
