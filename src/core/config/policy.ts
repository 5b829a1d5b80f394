// The base branch's policy. A pull request must not wave itself through: its config is untrusted, so the review
// applies, key by key, the stricter (or wider) of the base's and the head's settings. The review is never narrower
// than the base branch's policy, and a head that widens it gets its wider review at once:
//   rule severities, failOn, failOnExisting   the stricter; free-form keys: those both sides list
//   lockfile                                  each side is read at its own config's path
//   values patterns, apiVersions, set keys    the union (per environment and per chart too); set examples: the base's
//   kubernetes                                the widest range: the oldest minimum, the newest maximum
//   environments                              the union: one the head drops is still checked, as the base defines it
//   where each chart runs, and with what      at least where, and with every pattern and set key, the base runs it
//                                             (charts.<chart>.environments, environments.<env>.charts: policy-scope.ts)
//   releaseName, namespace, templates         the base's where it sets them
//   render                                    enabled if either enables it; helm only from the base; timeoutSeconds
//                                             and proofRenders the larger
//   acceptances, approvers                    the base's; acceptanceMaxDays the shorter
// Each policy edit the head makes is a policy-changed finding: an error when it narrows the policy (the base's
// setting still applies), a notice otherwise.
// How the head edits the policy is policy-changes.ts; the chart settings pinned to the base's, policy-pins.ts.

import type { ChartConfig, Config, EnvironmentConfig, KubeTarget, RuleSetting, SetKey } from '../model/model.js';
import type { FailOn, RuleId, Severity } from '../report/report.js';
import { compareKubeVersions } from './kube-version.js';

/** A rule's severity where no config sets one (the rule registry's). */
export type DefaultSeverity = (id: RuleId) => Severity;

export const SETTING_RANK: Record<RuleSetting, number> = { off: 0, notice: 1, warning: 2, error: 3 };
export const FAIL_ON_RANK: Record<FailOn, number> = { never: 0, error: 1, warning: 2 };

// ---------- the config a review applies ----------

/** The config a review applies: the head's, never narrower than the base's policy (see the table above). */
export function withBasePolicy(head: Config, base: Config, defaultSeverity: DefaultSeverity): Config {
  const stricter = (a: RuleSetting, b: RuleSetting) => (SETTING_RANK[b] > SETTING_RANK[a] ? b : a);
  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  for (const id of ruleIds(base.rules, head.rules)) {
    rules[id] = stricter(base.rules[id] ?? defaultSeverity(id), head.rules[id] ?? defaultSeverity(id));
  }
  const charts: Record<string, ChartConfig> = Object.create(null);
  for (const key of chartKeys(base, head)) {
    const before = chartOf(base, key);
    const after = chartOf(head, key);
    const chartRules: Partial<Record<RuleId, RuleSetting>> = {};
    for (const id of ruleIds(before?.rules ?? {}, after?.rules ?? {})) {
      chartRules[id] = stricter(chartRule(base, key, id, defaultSeverity), chartRule(head, key, id, defaultSeverity));
    }
    charts[key] = { ...widerChart(before, after), rules: chartRules };
  }
  const failOn = [base.failOn ?? 'error', head.failOn ?? 'error'].sort((a, b) => FAIL_ON_RANK[b] - FAIL_ON_RANK[a])[0];
  const templates = base.templates ?? head.templates;
  return {
    ...head,
    values: union(base.values, head.values),
    kubernetes: widestKube(base.kubernetes, head.kubernetes),
    apiVersions: union(base.apiVersions, head.apiVersions),
    set: widerSet(base.set, head.set),
    ...(templates ? { templates } : {}),
    environments: widerEnvironments(base, head),
    rules,
    charts,
    freeFormKeys: base.freeFormKeys.filter((key) => head.freeFormKeys.includes(key)),
    render: {
      enabled: base.render.enabled || head.render.enabled,
      // the binary never comes from the change: only the base's config, the flag, the input or PATH name it
      ...(base.render.helm !== undefined ? { helm: base.render.helm } : {}),
      timeoutSeconds: Math.max(base.render.timeoutSeconds, head.render.timeoutSeconds),
      proofRenders: Math.max(base.render.proofRenders, head.render.proofRenders),
    },
    redact: {
      keys: union(base.redact.keys, head.redact.keys),
      replace: base.redact.replace && head.redact.replace,
    },
    acceptances: base.acceptances,
    acceptanceMaxDays: Math.min(base.acceptanceMaxDays, head.acceptanceMaxDays),
    acceptanceApprovers: base.acceptanceApprovers,
    ...(failOn !== 'error' || base.failOn || head.failOn ? { failOn } : {}),
    ...(base.failOnExisting || head.failOnExisting ? { failOnExisting: true } : {}),
  };
}

/** A chart's settings: the base's release, namespace and templates where it sets them; lists joined. */
function widerChart(base: ChartConfig | undefined, head: ChartConfig | undefined): Omit<ChartConfig, 'rules'> {
  if (!base || !head) return { ...(base ?? head)! };
  const releaseName = base.releaseName ?? head.releaseName;
  const namespace = base.namespace ?? head.namespace;
  const templates = base.templates ?? head.templates;
  return {
    values: union(base.values, head.values),
    set: widerSet(base.set, head.set),
    ...(releaseName !== undefined ? { releaseName } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(base.apiVersions || head.apiVersions
      ? { apiVersions: union(base.apiVersions ?? [], head.apiVersions ?? []) }
      : {}),
    ...(templates ? { templates } : {}),
    // how the runbook names the releases, the base's first like releaseName (it never narrows the review)
    ...((base.releases ?? head.releases) ? { releases: base.releases ?? head.releases } : {}),
    ...((base.releaseFilter ?? head.releaseFilter) ? { releaseFilter: base.releaseFilter ?? head.releaseFilter } : {}),
    // where it runs: everywhere when either side says so, else in the environments of both (policy-scope.ts)
    ...(base.environments && head.environments ? { environments: union(base.environments, head.environments) } : {}),
    ...(head.line !== undefined ? { line: head.line } : {}),
  };
}

/**
 * The environments of both sides, the base's first. One on both sides gets both patterns, API versions and set
 * keys, the base's templates and the widest target of the two (each resolved against its own top level). One the
 * head drops keeps the base's definition. Where the base has none (one implicit environment, its top level), each
 * of the head's is held to the base's target.
 */
function widerEnvironments(base: Config, head: Config): EnvironmentConfig[] {
  const heads = new Map(head.environments.map((environment) => [environment.name, environment]));
  const bases = new Set(base.environments.map((environment) => environment.name));
  const both = base.environments.map((before): EnvironmentConfig => {
    const after = heads.get(before.name);
    if (!after) return { ...before, templates: before.templates ?? base.templates };
    const templates = before.templates ?? base.templates ?? after.templates;
    return {
      ...after,
      values: union(before.values, after.values),
      kubernetes:
        before.kubernetes || after.kubernetes
          ? widestKube(before.kubernetes ?? base.kubernetes, after.kubernetes ?? head.kubernetes)
          : undefined,
      apiVersions: union(before.apiVersions, after.apiVersions),
      set: widerSet(before.set, after.set),
      ...(templates ? { templates } : {}),
    };
  });
  const added = head.environments
    .filter((environment) => !bases.has(environment.name))
    .map((environment) =>
      base.environments.length === 0 && environment.kubernetes
        ? { ...environment, kubernetes: widestKube(base.kubernetes, environment.kubernetes) }
        : environment,
    );
  return [...both, ...added];
}

export function widestKube(a: KubeTarget | undefined, b: KubeTarget | undefined): KubeTarget | undefined {
  if (!a || !b) return a ?? b;
  return {
    min: compareKubeVersions(a.min, b.min) <= 0 ? a.min : b.min,
    max: compareKubeVersions(a.max, b.max) >= 0 ? a.max : b.max,
  };
}

/** The base's set keys with the base's examples (an example changes the render), then the head's new keys. */
function widerSet(base: SetKey[], head: SetKey[]): SetKey[] {
  const known = new Set(base.map((key) => JSON.stringify(key.path)));
  return [...base, ...head.filter((key) => !known.has(JSON.stringify(key.path)))];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export const ruleIds = (a: Partial<Record<RuleId, RuleSetting>>, b: Partial<Record<RuleId, RuleSetting>>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as RuleId[];

export const chartKeys = (base: Config, head: Config) =>
  [...new Set([...Object.keys(base.charts), ...Object.keys(head.charts)])].sort();

export const chartOf = (config: Config, key: string) =>
  Object.hasOwn(config.charts, key) ? config.charts[key] : undefined;

/** A rule's setting for the charts of a `charts:` key: its own, else the config's, else the registry's. */
export function chartRule(config: Config, key: string, id: RuleId, defaultSeverity: DefaultSeverity): RuleSetting {
  return chartOf(config, key)?.rules[id] ?? config.rules[id] ?? defaultSeverity(id);
}
