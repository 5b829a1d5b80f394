// Where each chart runs, and with what, is policy: a head config that takes a chart out of an environment the base
// runs it in (`charts.<chart>.environments`, `environments.<env>.charts.<chart>.enabled: false`), replaces the
// patterns the base reads for it there (`environments.<env>.charts.<chart>.values`), drops or changes its set keys
// there, or gives it another release or namespace there narrows its review. Per lockfile entry and environment,
// the config a review applies is pinned to run the chart wherever the base does, with every pattern and set key the
// base gives it there and the base's release and namespace; each such edit is a policy-changed error.
//
// Environments the base does not have are new: nothing the base checked is narrowed there. A base without
// environments checked every chart once: a head that runs a chart in none of its environments narrows that.

import type {
  ChartConfig,
  Config,
  EnvironmentChartConfig,
  EnvironmentConfig,
  LockEntry,
  SetKey,
} from '../model/model.js';
import { formatKeyPath } from '../values/key-path.js';
import { chartConfigFor, chartConfigIn, environmentChartFor, mergeSetKeys, runsIn } from './config-resolve.js';
import { chartOf } from './policy.js';
import type { PolicyChange } from './policy-changes.js';

/**
 * Pins `applied` (the config the review applies), in place, so that every entry of the head runs, in each of the
 * base's environments, where the base runs it, with what the base gives it there; returns a policy-changed error
 * per head edit that would have narrowed it.
 */
export function pinChartScopes(
  applied: Config,
  base: Config,
  head: Config,
  entries: readonly LockEntry[],
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const file = head.path ?? base.path ?? '.github/chart-guard.yaml';
  const add = (setting: string, message: string, line?: number) =>
    changes.push({ setting, message, weakens: true, file, ...(line !== undefined ? { line } : {}) });
  for (const entry of entries) {
    if (base.environments.length === 0) {
      runsSomewhere(applied, head, entry, add);
      continue;
    }
    for (const before of base.environments) {
      if (!runsIn(base, entry, before)) continue;
      if (!runsIn(applied, entry, environmentOf(applied, before))) runAgain(applied, entry, before.name);
      const after = head.environments.find((e) => e.name === before.name);
      // an environment the head drops is still checked as the base defines it (environmentChanges says so)
      if (after && !runsIn(head, entry, after)) {
        const { setting, message } = leftOut(head, entry, after);
        add(setting, message, lineOf(head, setting, entry, after));
      }
      pinPatterns(applied, base, head, entry, before, add);
      pinSetKeys(applied, base, head, entry, before, add);
      pinRelease(applied, base, head, entry, before, add);
    }
  }
  return changes;
}

type Add = (setting: string, message: string, line?: number) => void;

/** A base without environments checked the chart once: the head must run it in at least one of its own. */
function runsSomewhere(applied: Config, head: Config, entry: LockEntry, add: Add): void {
  if (applied.environments.length === 0 || applied.environments.some((e) => runsIn(applied, entry, e))) return;
  for (const environment of applied.environments) runAgain(applied, entry, environment.name);
  if (head.environments.some((e) => runsIn(head, entry, e))) return;
  const key = chartKey(head, entry, (chart) => chart.environments !== undefined);
  const setting = `charts.${key}.environments`;
  add(
    setting,
    `${entry.name} runs in no environment of the change, where the base checks it; it is still checked in every one`,
    head.policyLines[setting] ?? chartOf(head, key)?.line,
  );
}

/** Why the head leaves the entry out of an environment: its scope, or the environment switching it off. */
function leftOut(head: Config, entry: LockEntry, environment: EnvironmentConfig): { setting: string; message: string } {
  const scope = chartConfigFor(head, entry).environments;
  const where = `${environment.name}, where the base runs ${entry.name}; it is still checked there`;
  if (scope && !scope.includes(environment.name)) {
    const key = chartKey(head, entry, (chart) => chart.environments !== undefined);
    return { setting: `charts.${key}.environments`, message: `charts.${key}.environments leaves out ${where}` };
  }
  const key = environmentChartKey(environment, entry, (chart) => chart.enabled === false);
  const setting = `environments.${environment.name}.charts.${key}.enabled`;
  return { setting, message: `${setting} is false: it switches ${entry.name} off in ${where}` };
}

/** The patterns the base reads for the entry there, that the config the review applies would leave out. */
function pinPatterns(
  applied: Config,
  base: Config,
  head: Config,
  entry: LockEntry,
  before: EnvironmentConfig,
  add: Add,
) {
  const wanted = patternsIn(base, entry, before);
  const missing = (config: Config, environment: EnvironmentConfig | undefined) => {
    const have = environment ? patternsIn(config, entry, environment) : wanted;
    return wanted.filter((pattern) => !have.includes(pattern));
  };
  const environment = environmentOf(applied, before);
  const absent = missing(applied, environment);
  if (absent.length > 0) {
    setOwn(applied, entry, before.name, { values: [...patternsIn(applied, entry, environment), ...absent] });
  }
  const after = head.environments.find((e) => e.name === before.name);
  const dropped = missing(head, after);
  if (!after || dropped.length === 0 || !runsIn(head, entry, after)) return;
  // the shared lists' own edits are policy-changes.ts's: this is about a chart's own patterns in the environment
  const own = (environment: EnvironmentConfig) => environmentChartFor(environment, entry)?.values !== undefined;
  if (!own(before) && !own(after)) return;
  const key = environmentChartKey(after, entry, (chart) => chart.values !== undefined);
  const setting = `environments.${before.name}.charts.${key}.values`;
  add(
    setting,
    `${setting} leaves out ${dropped.join(', ')}, which the base reads for ${entry.name} in ${before.name}; still read`,
    lineOf(head, setting, entry, after),
  );
}

/** Set keys the base gives the entry there (its own, the chart's), with the base's examples. */
function pinSetKeys(
  applied: Config,
  base: Config,
  head: Config,
  entry: LockEntry,
  before: EnvironmentConfig,
  add: Add,
) {
  const wanted = chartConfigIn(base, entry, before).set;
  const differing = (config: Config, environment: EnvironmentConfig | undefined) => {
    if (!environment) return [];
    const have = new Map(chartConfigIn(config, entry, environment).set.map((key) => [JSON.stringify(key.path), key]));
    return wanted.filter((key) => {
      const other = have.get(JSON.stringify(key.path));
      return !other || JSON.stringify(other.example) !== JSON.stringify(key.example);
    });
  };
  const environment = environmentOf(applied, before);
  const absent = differing(applied, environment);
  if (absent.length > 0) {
    const own = environmentChartFor(environment, entry)?.set ?? [];
    setOwn(applied, entry, before.name, { set: mergeSetKeys(own, absent) });
  }
  const after = head.environments.find((e) => e.name === before.name);
  // the chart's own set keys' edits are policy-changes.ts's: these are the keys the environment sets or overrides
  const ownPaths = (environment: EnvironmentConfig | undefined) =>
    (environment && environmentChartFor(environment, entry)?.set.map((key) => JSON.stringify(key.path))) ?? [];
  const mine = new Set([...ownPaths(before), ...ownPaths(after)]);
  const changed = differing(head, after).filter((key) => mine.has(JSON.stringify(key.path)));
  if (!after || changed.length === 0 || !runsIn(head, entry, after)) return;
  const key = environmentChartKey(after, entry, (chart) => chart.set.length > 0);
  const setting = `environments.${before.name}.charts.${key}.set`;
  const keys = changed.map((k: SetKey) => formatKeyPath(k.path)).join(', ');
  add(
    setting,
    `${setting} drops or changes ${keys}, which the base sets for ${entry.name} in ${before.name}; the base's apply`,
    lineOf(head, setting, entry, after),
  );
}

/** The base's release name and namespace for the entry there, where it sets one (the chart's or the environment's). */
function pinRelease(
  applied: Config,
  base: Config,
  head: Config,
  entry: LockEntry,
  before: EnvironmentConfig,
  add: Add,
) {
  const after = head.environments.find((e) => e.name === before.name);
  for (const setting of ['releaseName', 'namespace'] as const) {
    const was = chartConfigIn(base, entry, before)[setting];
    if (was === undefined) continue;
    if (chartConfigIn(applied, entry, environmentOf(applied, before))[setting] !== was) {
      setOwn(applied, entry, before.name, { [setting]: was });
    }
    if (!after) continue;
    // the chart-wide setting is pinned and reported once by policy-pins.ts; this is the environment's own
    const own = environmentChartFor(after, entry)?.[setting];
    if (own === undefined || own === was) continue;
    const key = environmentChartKey(after, entry, (chart) => chart[setting] !== undefined);
    const at = `environments.${before.name}.charts.${key}.${setting}`;
    add(at, `${at} changes from ${was} to ${own}`, lineOf(head, at, entry, after));
  }
}

/** The patterns the entry's override files are found by there, as the workspace resolves them (flags aside). */
function patternsIn(config: Config, entry: LockEntry, environment: EnvironmentConfig): string[] {
  const own = environmentChartFor(environment, entry)?.values;
  return own ?? [...config.values, ...environment.values, ...chartConfigFor(config, entry).values];
}

/** The applied config's environment of that name (withBasePolicy keeps every one of the base's). */
function environmentOf(config: Config, environment: EnvironmentConfig): EnvironmentConfig {
  return config.environments.find((e) => e.name === environment.name) ?? environment;
}

/** Makes the entry run in the environment again: its scope names it, and the environment no longer switches it off. */
function runAgain(config: Config, entry: LockEntry, name: string): void {
  const scope = chartConfigFor(config, entry).environments;
  if (scope && !scope.includes(name)) {
    const chart: ChartConfig = chartOf(config, entry.dir) ?? { values: [], set: [], rules: {} };
    config.charts[entry.dir] = { ...chart, environments: [...scope, name] };
  }
  const environment = config.environments.find((e) => e.name === name);
  if (environment && environmentChartFor(environment, entry)?.enabled === false) {
    setOwn(config, entry, name, { enabled: true });
  }
}

/** Sets settings of the entry in one environment, under its folder key (which wins over its name key), in place. */
function setOwn(config: Config, entry: LockEntry, name: string, settings: Partial<EnvironmentChartConfig>): void {
  const index = config.environments.findIndex((e) => e.name === name);
  if (index < 0) return;
  const environment = config.environments[index];
  const charts: Record<string, EnvironmentChartConfig> = Object.assign(Object.create(null), environment.charts);
  const current: EnvironmentChartConfig = environmentChartFor(environment, entry) ?? { set: [] };
  charts[entry.dir] = { ...current, ...settings };
  config.environments[index] = { ...environment, charts };
}

/** The `charts:` key of the config that sets this for the entry: its folder's, else its name's. */
function chartKey(config: Config, entry: LockEntry, sets: (chart: ChartConfig) => boolean): string {
  return [entry.dir, entry.name].find((key) => chartOf(config, key) && sets(chartOf(config, key)!)) ?? entry.name;
}

function environmentChartKey(
  environment: EnvironmentConfig,
  entry: LockEntry,
  sets: (chart: EnvironmentChartConfig) => boolean,
): string {
  const charts = environment.charts ?? {};
  return [entry.dir, entry.name].find((key) => Object.hasOwn(charts, key) && sets(charts[key])) ?? entry.name;
}

function lineOf(config: Config, setting: string, entry: LockEntry, environment: EnvironmentConfig): number | undefined {
  const own = environment.charts?.[entry.dir] ?? environment.charts?.[entry.name];
  return (
    config.policyLines[setting] ?? own?.line ?? chartOf(config, entry.dir)?.line ?? chartOf(config, entry.name)?.line
  );
}
