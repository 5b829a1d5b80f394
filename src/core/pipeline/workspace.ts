// One side of a review (or the whole repository for lint): config, lockfile and override-file mapping of a snapshot.

import { type AcceptancesFile, parseAcceptances } from '../acceptances/acceptances.js';
import { chartConfigFor, environmentChartFor, parseConfig, resolveEnvironments, runsIn } from '../config/config.js';
import { DEFAULT_LOCKFILE } from '../config/config-definition.js';
import { configCheck } from '../config/config-schema.js';
import { chartKeysKnown } from '../input/input-checks.js';
import { didYouMeanText } from '../input/nearest.js';
import type { SchemaCheck } from '../input/schema-check.js';
import { parseLockfile } from '../lockfile/parse.js';
import type {
  Config,
  Environment,
  InputProblem,
  KubeTarget,
  LockEntry,
  Lockfile,
  OverrideFile,
  TemplateSettings,
} from '../model/model.js';
import { readText, type Snapshot } from '../repo/snapshot.js';
import { ruleHooks } from '../rules/index.js';
import { mapOverrideFiles } from '../values/override-files.js';
import { overrideLinks } from '../values/override-links.js';
import { parseTemplateContext, readTemplatedValuesFile, type TemplateContext } from '../values/template-render.js';
import { TemplateSandbox } from '../values/template-sandbox.js';
import { parseValuesFile } from '../values/values-file.js';

export const DEFAULT_CONFIG_PATH = '.github/chart-guard.yaml';

/** A problem that stops the run (exit 2): a missing lockfile, a named config that does not exist. */
export class ReviewError extends Error {}

export interface WorkspaceOptions {
  lockfile?: string;
  values?: string[];
  configPath?: string;
  /** The run's Kubernetes target from --kube-version (resolved once per run): replaces every environment's. */
  kube?: KubeTarget;
  /** Use this config instead of reading one (the base side of a review uses the head's). */
  configOverride?: Config;
  /** The base side tolerates a missing lockfile (every chart is then "added"). */
  lockfileOptional?: boolean;
  /**
   * The base side of a review: where its own template context file is missing or invalid (the pull request adds
   * or fixes it), render with the head's, so both sides see the same variables.
   */
  templateContextFallback?: Workspace;
  /** The configOverride is this snapshot's own config (with the policy of the base): its mistakes are its own. */
  ownConfig?: boolean;
  /** The day acceptances are judged on (expiry, acceptanceMaxDays); default today. */
  today?: Date;
  /**
   * Holds the config to the base's policy where that needs the lockfile's entries (where each chart runs:
   * policy-scope.ts), once the lockfile is read and before the environments and their files are worked out.
   */
  pinPolicy?: (config: Config, entries: readonly LockEntry[]) => void;
}

export interface Workspace {
  snapshot: Snapshot;
  config: Config;
  lockfilePath: string;
  lockfile: Lockfile;
  /** Override files per chart folder, in any environment (the union, in first-seen order). */
  overrideFiles: Map<string, string[]>;
  /** The environments each chart is rendered in (one implicit one without config `environments`). */
  environments: Environment[];
  /** Override files per environment (by index in `environments`) and chart folder, in pattern order. */
  environmentFiles: Map<string, string[]>[];
  /** The run's target without environments (--kube-version, else the config's), for the report's kubernetesVersion. */
  kube?: KubeTarget;
  paths: string[];
  /** paths and the symlinks of the snapshot: what values patterns match (an override file may be a link). */
  overridePaths: string[];
  /**
   * Parses an override file once per snapshot, template settings and helm major: with `templates`, the file is
   * rendered with the context first; without, template expressions stay opaque (the render gives them
   * placeholders). helm 3 and 4 read its YAML documents differently.
   */
  readOverride(path: string, templates?: TemplateSettings, helmMajor?: number): Promise<OverrideFile>;
  /** The template context file of a setting, read once per snapshot; undefined when missing or invalid. */
  templateContext(settings: TemplateSettings): Promise<TemplateContext | undefined>;
  /** Problems with template context files (missing, not YAML), for config-invalid; filled as contexts are read. */
  templateProblems: InputProblem[];
  /**
   * Override patterns of an entry in an environment (default: the first): config, flags and per-chart config, or the
   * environment's own `values` for the chart with the flags; none where the chart does not run.
   */
  patternsFor(entry: LockEntry, environment?: Environment): string[];
  /** The acceptances file at config.acceptances, read from this snapshot. */
  acceptances: AcceptancesFile;
}

/** The acceptances file at config.acceptances, as `snapshot` holds it (empty when it has none). */
export async function readAcceptances(snapshot: Snapshot, config: Config, today?: Date): Promise<AcceptancesFile> {
  const path = normalisePath(config.acceptances);
  return parseAcceptances(await readText(snapshot, path), path, {
    today: today ?? new Date(),
    maxDays: config.acceptanceMaxDays,
    hooks: ruleHooks,
  });
}

export async function loadWorkspace(snapshot: Snapshot, options: WorkspaceOptions): Promise<Workspace> {
  const config = options.configOverride ?? (await readConfig(snapshot, options.configPath));
  const lockfilePath = normalisePath(options.lockfile ?? config.lockfile);
  const [entries, lockText, acceptances] = await Promise.all([
    snapshot.entries(),
    readText(snapshot, lockfilePath),
    readAcceptances(snapshot, config, options.today),
  ]);
  if (lockText === undefined && !options.lockfileOptional) {
    const why = options.lockfile === undefined ? lockfileFromConfig(config) : '';
    throw new ReviewError(
      `lockfile ${lockfilePath} not found at ${snapshot.ref}${why} (set --lockfile / the lockfile input)`,
    );
  }
  // an entry whose release name the config sets is not rendered under its own name: that name may be any chart name
  const hasReleaseName = (entry: LockEntry) => chartConfigFor(config, entry).releaseName !== undefined;
  const lockfile =
    lockText === undefined ? emptyLockfile(lockfilePath) : parseLockfile(lockText, lockfilePath, { hasReleaseName });
  const paths = entries.filter((e) => e.kind === 'file').map((e) => e.path);
  options.pinPolicy?.(config, lockfile.charts);
  const kube = options.kube ?? config.kubernetes;
  const environments = resolveEnvironments(config, options.kube);
  const patternsFor = (entry: LockEntry, environment: Environment = environments[0]) => {
    if (!runsIn(config, entry, environment)) return [];
    const own = environmentChartFor(environment, entry)?.values;
    if (own) return [...own, ...(options.values ?? [])];
    return [...environment.values, ...(options.values ?? []), ...chartConfigFor(config, entry).values];
  };
  // override files may be symlinks or sit in a linked folder: helm -f follows both (values/override-links.ts)
  const linked = await overrideLinks(snapshot, entries, paths, [
    ...environments.flatMap((environment) => environment.values),
    ...(options.values ?? []),
    ...Object.values(config.charts).flatMap((chart) => chart.values),
    ...environments.flatMap((environment) => Object.values(environment.charts ?? {}).flatMap((c) => c.values ?? [])),
  ]);
  const overridePaths = linked.paths;
  const environmentFiles = environments.map((environment) =>
    mapOverrideFiles(lockfile, (entry) => patternsFor(entry, environment), overridePaths),
  );
  const overrideFiles = new Map<string, string[]>();
  for (const files of environmentFiles) {
    for (const [dir, list] of files) overrideFiles.set(dir, [...new Set([...(overrideFiles.get(dir) ?? []), ...list])]);
  }
  // The config of the side that read it: an environment whose own patterns match nothing is a mistake in it.
  if ((!options.configOverride || options.ownConfig) && !options.lockfileOptional) {
    config.problems.push(
      ...unmatchedEnvironments(config, lockfile, overridePaths),
      ...unknownEnvironmentCharts(config, lockfile, paths),
    );
  }
  const templateProblems: InputProblem[] = [...linked.problems];
  const contexts = new Map<string, Promise<TemplateContext | undefined>>();
  const templateContext = (settings: TemplateSettings) => {
    let context = contexts.get(settings.context);
    if (!context) {
      context = readText(snapshot, settings.context).then((text) => {
        const read = parseTemplateContext(text, settings, config.path ?? DEFAULT_CONFIG_PATH);
        if (read.context) return read.context;
        if (options.templateContextFallback) return options.templateContextFallback.templateContext(settings);
        if (read.problem) templateProblems.push(read.problem);
        return undefined;
      });
      contexts.set(settings.context, context);
    }
    return context;
  };
  const parsed = new Map<string, Promise<OverrideFile>>();
  // this side's own template worker: the base's files are never rendered by a worker a file of the head has run in
  // one template worker per workspace, started at the first templated file
  let sandbox: TemplateSandbox | undefined;
  const sandboxOf = () => {
    sandbox ??= new TemplateSandbox();
    return sandbox;
  };
  const readOverride = (path: string, templates?: TemplateSettings, helmMajor?: number) => {
    const key = `${templates?.context ?? ''}\0${helmMajor ?? ''}\0${path}`;
    let file = parsed.get(key);
    if (!file) {
      file = Promise.all([linked.read(path), templates ? templateContext(templates) : undefined]).then(
        ([read, context]) => {
          if ('error' in read) return { path, values: {}, keys: [], skipped: [], error: read.error };
          // a missing context is reported once (config-invalid); the files are then read with placeholders
          return context
            ? readTemplatedValuesFile(read.text, path, context, {
                helmMajor,
                sandbox: sandboxOf(),
              })
            : parseValuesFile(read.text, path, { helmMajor });
        },
      );
      parsed.set(key, file);
    }
    return file;
  };
  return {
    snapshot,
    config,
    lockfilePath,
    lockfile,
    overrideFiles,
    environments,
    environmentFiles,
    kube,
    paths,
    overridePaths,
    readOverride,
    templateContext,
    templateProblems,
    patternsFor,
    acceptances,
  };
}

/** Environments whose own values patterns match no file for any chart: a typo in a path, or a folder not created. */
function unmatchedEnvironments(config: Config, lockfile: Lockfile, paths: string[]): InputProblem[] {
  if (lockfile.charts.length === 0) return [];
  return config.environments
    .filter((environment) => environment.values.length > 0)
    .filter((environment) =>
      [...mapOverrideFiles(lockfile, () => environment.values, paths).values()].every((files) => files.length === 0),
    )
    .map((environment) => ({
      file: config.path ?? DEFAULT_CONFIG_PATH,
      line: environment.valuesLine ?? environment.line,
      message: `environment "${environment.name}": its values patterns (${environment.values.join(', ')}) match no file for any chart`,
    }));
}

/**
 * `environments.<env>.charts` keys that are neither a lockfile entry name nor a chart folder: settings for a chart
 * that is not there (a typo leaves the real chart running where it was meant to be switched off).
 */
function unknownEnvironmentCharts(config: Config, lockfile: Lockfile, paths: readonly string[]): InputProblem[] {
  if (lockfile.unreadable) return [];
  const known = chartKeysKnown(lockfile, paths);
  return config.environments.flatMap((environment) =>
    Object.entries(environment.charts ?? {})
      .filter(([key]) => !known.has(key))
      .map(([key, chart]) => ({
        file: config.path ?? DEFAULT_CONFIG_PATH,
        line: chart.line ?? environment.line,
        message: `environments.${environment.name}.charts.${key} names no chart: it is neither a lockfile entry of ${lockfile.path} nor a chart folder, so its settings apply to nothing${didYouMeanText(key, known)}`,
      })),
  );
}

/** The first of these repo-relative files that `snapshot` holds, normalised; undefined when it holds none. */
export async function firstFileOf(snapshot: Snapshot, paths: readonly string[]): Promise<string | undefined> {
  for (const path of new Set(paths.map(normalisePath))) {
    if ((await readText(snapshot, path)) !== undefined) return path;
  }
  return undefined;
}

/** Why the config did not say where the lockfile is: a config with errors, or none at all (the defaults). */
function lockfileFromConfig(config: Config): string {
  const [problem] = config.problems;
  // a lockfile path the config did set was read: its other errors are not why
  if (problem && config.lockfile === DEFAULT_LOCKFILE) {
    const at = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
    return `; the config has errors (${at}: ${problem.message}), so its lockfile setting may not have been read`;
  }
  if (config.path === undefined) {
    return `; no config was read (${DEFAULT_CONFIG_PATH} is not there), so this is the default path: name the config with --config / the config input`;
  }
  return '';
}

/** The config at a snapshot (the defaults when there is none); a config path named but missing stops the run. */
export async function readConfig(
  snapshot: Snapshot,
  configPath: string | undefined,
  configs: SchemaCheck = configCheck(),
): Promise<Config> {
  const path = normalisePath(configPath ?? DEFAULT_CONFIG_PATH);
  const text = await readText(snapshot, path);
  if (text === undefined && configPath !== undefined && normalisePath(configPath) !== DEFAULT_CONFIG_PATH) {
    throw new ReviewError(`config file ${path} not found at ${snapshot.ref}`);
  }
  return parseConfig(text, text === undefined ? undefined : path, configs);
}

function emptyLockfile(path: string): Lockfile {
  return { path, charts: [], repos: [], destinations: [], problems: [] };
}

function normalisePath(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
