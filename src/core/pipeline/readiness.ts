// Kubernetes upgrade readiness: a change that raises an environment's Kubernetes target (its newest version, against
// the base's) is a readiness review of that environment. Every chart deployed there is checked at the new version,
// not only the changed ones, with findings attributed to that environment alone; the release as deployed is rendered
// for the version it runs on now (the `deployed` render: what helm's stored manifest holds, release-api-removed);
// and the drain blockers count as errors (the rules' readiness hook, rules/run.ts).
//
// Trust: a raise is a fact of base and head, each side's own config. It only ever adds checks: a head that lowers a
// version raises nothing (and the base's target still applies, config/policy.ts), and one that raises gets the wider
// review. `lint --kube-version X` is the readiness review of every environment whose configured target is older than X.
import { resolveEnvironments } from '../config/config.js';
import { compareKubeVersions } from '../config/kube-version.js';
import { soakDaysOf } from '../config/rings.js';
import type { ChartInputs } from '../model/chart-context.js';
import type {
  ChartChange,
  Config,
  Environment,
  KubeTarget,
  LoadedChart,
  Lockfile,
  OverrideFile,
} from '../model/model.js';
import type { Finding, ReadinessFacts } from '../report/report.js';
import { ruleHooks } from '../rules/index.js';

/** An environment whose clusters move from `from` to `to` (undefined name: the implicit environment). */
export interface RaisedEnvironment {
  name?: string;
  from: KubeTarget;
  to: KubeTarget;
}

/** The environments whose target the head raises above the base's (each side's own config, resolved). */
export function raisedEnvironments(base: Config, head: Config): RaisedEnvironment[] {
  const before = new Map(resolveEnvironments(base).map((environment) => [environment.name, environment.kube]));
  return resolveEnvironments(head).flatMap((environment) => {
    const from = before.get(environment.name);
    const to = environment.kube;
    if (!from || !to || compareKubeVersions(to.max, from.max) <= 0) return [];
    return [{ ...named(environment), from, to }];
  });
}

/** `lint --kube-version X`: the environments whose configured target is older than X. */
export function flagRaises(config: Config, flag: KubeTarget): RaisedEnvironment[] {
  return resolveEnvironments(config).flatMap((environment) => {
    const from = environment.kube;
    if (!from || compareKubeVersions(flag.max, from.max) <= 0) return [];
    return [{ ...named(environment), from, to: flag }];
  });
}

const named = (environment: Pick<Environment, 'name'>) =>
  environment.name !== undefined ? { name: environment.name } : {};

/**
 * The run's readiness review: a review (or the lint half of `review --lint`) compares its two configs; a lint with
 * --kube-version compares the config with the flag. A review with --kube-version renders both sides at the flag's
 * version: nothing is raised.
 */
export function readinessOf(sides: { base?: Config; head: Config }, flag: KubeTarget | undefined): RaisedEnvironment[] {
  if (sides.base) return flag ? [] : raisedEnvironments(sides.base, sides.head);
  return flag ? flagRaises(sides.head, flag) : [];
}

/**
 * A review's readiness charts: every chart of the head's lockfile the change does not touch, checked (as it is,
 * `unchanged`) in the raised environments only; the changed charts are checked there anyway.
 */
export function readinessCharts(
  changed: readonly ChartChange[],
  head: Lockfile,
  raised: readonly RaisedEnvironment[],
): ChartChange[] {
  if (raised.length === 0) return [];
  const checked = new Set(changed.map((change) => change.dir));
  const charts: ChartChange[] = [];
  for (const entry of head.charts) {
    if (checked.has(entry.dir)) continue; // a folder listed twice (lockfile-invalid) is checked once
    checked.add(entry.dir);
    charts.push({ name: entry.name, dir: entry.dir, change: 'unchanged', head: entry, semverChange: null });
  }
  return charts;
}

/** Whether a chart is checked in an environment: a readiness chart in the raised environments only. */
export function readinessScope(
  readiness: readonly ChartChange[],
  raised: readonly RaisedEnvironment[],
): (change: ChartChange, environment: Environment) => boolean {
  const only = new Set(readiness);
  return (change, environment) => !only.has(change) || raised.some((r) => r.name === environment.name);
}

/** Each analysis of a raised environment, told so (ChartInputs.readiness): before its renders are planned. */
export function withReadiness<T extends { context: ChartInputs }>(
  analyses: T[],
  raised: readonly RaisedEnvironment[],
): T[] {
  if (raised.length === 0) return analyses;
  return analyses.map((analysis) => {
    const raise = raised.find((r) => r.name === analysis.context.environment);
    return raise
      ? { ...analysis, context: { ...analysis.context, readiness: { from: raise.from, to: raise.to } } }
      : analysis;
  });
}

/**
 * The release as it runs now, to render for the version it runs on (`from`): an unchanged chart as the head holds
 * it, a changed one as the base does; none for an added or removed chart (nothing deployed, or nothing to upgrade).
 */
export function deployedSide(
  context: ChartInputs,
): { side: 'base' | 'head'; chart: LoadedChart; overrides: OverrideFile[]; kubeVersion: string } | undefined {
  const { readiness, change } = context;
  if (!readiness || change.change === 'added' || change.change === 'removed') return undefined;
  const kubeVersion = readiness.from.max;
  if (change.change === 'unchanged') {
    return context.head ? { side: 'head', chart: context.head, overrides: context.overrides, kubeVersion } : undefined;
  }
  return context.base
    ? { side: 'base', chart: context.base, overrides: context.baseOverrides, kubeVersion }
    : undefined;
}

/** What the report says of the rollout: each environment's ring and raise, the soak between rings. */
export function readinessFacts(config: Config, raised: readonly RaisedEnvironment[]): ReadinessFacts | undefined {
  const rings = new Map(config.environments.map((environment) => [environment.name, environment.ring]));
  const ringed = [...rings.values()].some((ring) => ring !== undefined);
  if (raised.length === 0 && !ringed) return undefined;
  const text = (kube: KubeTarget) => (kube.min === kube.max ? kube.max : `${kube.min}-${kube.max}`);
  const environments = resolveEnvironments(config).map((environment) => {
    const raise = raised.find((r) => r.name === environment.name);
    const ring = environment.name === undefined ? undefined : rings.get(environment.name);
    return {
      ...named(environment),
      ...(ring !== undefined ? { ring } : {}),
      ...(raise ? { from: text(raise.from), to: text(raise.to) } : {}),
    };
  });
  return { soakDays: soakDaysOf(config), environments };
}

/**
 * In a readiness review every blocker counts, whatever the base held: the raise is the change's doing (a budget that
 * blocked the drain before blocks the upgrade the change asks for).
 */
export function readinessCounts(context: ChartInputs, findings: Finding[]): Finding[] {
  if (!context.readiness) return findings;
  return findings.map((finding) =>
    finding.introduced === false && ruleHooks(finding.rule).readiness ? { ...finding, introduced: true } : finding,
  );
}
