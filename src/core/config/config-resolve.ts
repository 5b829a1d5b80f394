// How the configuration applies to one run: the environments with the top-level settings merged in, and the settings
// of one lockfile entry (by name and by folder).
import type { ChartConfig, Config, Environment, KubeTarget, LockEntry, SetKey } from '../model/model.js';

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
  };
}
