// How the configuration applies to one run: the environments with the top-level settings merged in, and the settings
// of one lockfile entry (by name and by folder).
import type {
  ChartConfig,
  Config,
  Environment,
  EnvironmentChartConfig,
  KubeTarget,
  LockEntry,
  SetKey,
} from '../model/model.js';

/**
 * The environments a run renders each chart in, with the top-level settings merged in: values patterns appended,
 * kubernetes replaced, apiVersions joined, set merged by key path (the environment's example wins). Without
 * `environments`, one implicit environment holding the top-level settings. `kube` (the --kube-version flag)
 * replaces every environment's target.
 */
export function resolveEnvironments(config: Config, kube?: KubeTarget): Environment[] {
  const shared: Environment = {
    values: config.values,
    kube: kube ?? config.kubernetes,
    apiVersions: config.apiVersions,
    set: config.set,
    ...(config.templates ? { templates: config.templates } : {}),
  };
  if (config.environments.length === 0) return [shared];
  return config.environments.map((environment) => ({
    name: environment.name,
    values: [...shared.values, ...environment.values],
    kube: kube ?? environment.kubernetes ?? shared.kube,
    apiVersions: [...new Set([...shared.apiVersions, ...environment.apiVersions])],
    set: mergeSetKeys(shared.set, environment.set),
    ...((environment.templates ?? shared.templates) ? { templates: environment.templates ?? shared.templates } : {}),
    ...(environment.charts ? { charts: environment.charts } : {}),
    line: environment.line,
  }));
}

/** Set keys by key path, later lists winning: a key set in both keeps its place and takes the later example. */
export function mergeSetKeys(...lists: readonly SetKey[][]): SetKey[] {
  const byPath = new Map<string, SetKey>();
  for (const list of lists) for (const key of list) byPath.set(JSON.stringify(key.path), key);
  return [...byPath.values()];
}

export function emptyChartConfig(): ChartConfig {
  return { values: [], set: [], rules: {} };
}

export function normaliseChartKey(key: string): string {
  return key.replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * The per-chart settings of a lockfile entry: those keyed by its name, then those keyed by its folder (more
 * specific: it tells apart two entries of the same name). Lists are joined; the folder's scalars and rules win.
 */
export function chartConfigFor(config: Config, entry: LockEntry): ChartConfig {
  const byName = Object.hasOwn(config.charts, entry.name) ? config.charts[entry.name] : undefined;
  const byDir =
    entry.dir !== entry.name && Object.hasOwn(config.charts, entry.dir) ? config.charts[entry.dir] : undefined;
  if (!byName || !byDir) return byDir ?? byName ?? emptyChartConfig();
  return {
    values: [...byName.values, ...byDir.values],
    set: [...byName.set, ...byDir.set],
    releaseName: byDir.releaseName ?? byName.releaseName,
    namespace: byDir.namespace ?? byName.namespace,
    rules: { ...byName.rules, ...byDir.rules },
    ...(byName.apiVersions || byDir.apiVersions
      ? { apiVersions: [...new Set([...(byName.apiVersions ?? []), ...(byDir.apiVersions ?? [])])] }
      : {}),
    ...((byDir.templates ?? byName.templates) ? { templates: byDir.templates ?? byName.templates } : {}),
    ...((byDir.environments ?? byName.environments) ? { environments: byDir.environments ?? byName.environments } : {}),
    ...((byDir.releases ?? byName.releases) ? { releases: byDir.releases ?? byName.releases } : {}),
    ...((byDir.releaseFilter ?? byName.releaseFilter)
      ? { releaseFilter: byDir.releaseFilter ?? byName.releaseFilter }
      : {}),
  };
}

/**
 * An entry's own settings in one environment (`environments.<env>.charts`): those keyed by its name, then those keyed
 * by its folder (folder wins on each setting, set keys merged). Undefined when the environment has none for it.
 */
export function environmentChartFor(
  environment: Pick<Environment, 'charts'>,
  entry: LockEntry,
): EnvironmentChartConfig | undefined {
  const charts = environment.charts ?? {};
  const byName = Object.hasOwn(charts, entry.name) ? charts[entry.name] : undefined;
  const byDir = entry.dir !== entry.name && Object.hasOwn(charts, entry.dir) ? charts[entry.dir] : undefined;
  if (!byName || !byDir) return byDir ?? byName;
  const pick = <K extends 'enabled' | 'releaseName' | 'namespace' | 'values'>(key: K) =>
    byDir[key] !== undefined ? { [key]: byDir[key] } : byName[key] !== undefined ? { [key]: byName[key] } : {};
  return {
    ...pick('enabled'),
    ...pick('releaseName'),
    ...pick('namespace'),
    ...pick('values'),
    set: mergeSetKeys(byName.set, byDir.set),
  };
}

/**
 * Whether an entry runs in an environment: its `charts.<chart>.environments` names it (or is absent) and the
 * environment does not switch it off (`enabled: false`). Every chart runs in the implicit environment.
 */
export function runsIn(config: Config, entry: LockEntry, environment: Pick<Environment, 'name' | 'charts'>): boolean {
  if (environment.name === undefined) return true;
  const scope = chartConfigFor(config, entry).environments;
  if (scope && !scope.includes(environment.name)) return false;
  return environmentChartFor(environment, entry)?.enabled !== false;
}

/** An entry's settings in one environment: its chart settings with the environment's release, namespace and set. */
export function chartConfigIn(config: Config, entry: LockEntry, environment: Pick<Environment, 'charts'>): ChartConfig {
  const chart = chartConfigFor(config, entry);
  const own = environmentChartFor(environment, entry);
  if (!own) return chart;
  return {
    ...chart,
    set: mergeSetKeys(chart.set, own.set),
    ...(own.releaseName !== undefined ? { releaseName: own.releaseName } : {}),
    ...(own.namespace !== undefined ? { namespace: own.namespace } : {}),
  };
}
