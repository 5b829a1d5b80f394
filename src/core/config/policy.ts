// The base branch's policy. A pull request must not wave itself through: its config is untrusted, so the review
// applies, key by key, the stricter (or wider) of the base's and the head's settings. The review is never narrower
// than the base branch's policy, and a head that widens it gets its wider review at once:
//   rule severities, failOn, failOnExisting   the stricter; free-form keys: those both sides list
//   lockfile                                  each side is read at its own config's path
//   values patterns, apiVersions, set keys    the union (per environment and per chart too); set examples: the base's
//   kubernetes                                the widest range: the oldest minimum, the newest maximum
//   environments                              the union: one the head drops is still checked, as the base defines it
//   releaseName, namespace, templates         the base's where it sets them
//   render                                    enabled if either enables it; helm only from the base; timeoutSeconds
//                                             and proofRenders the larger
//   acceptances, approvers                    the base's; acceptanceMaxDays the shorter
// Each policy edit the head makes is a policy-changed finding: an error when it narrows the policy (the base's
// setting still applies), a notice otherwise.

import { chartConfigFor } from './config.js';
import { compareKubeVersions } from './kube-version.js';
import type {
  ChartConfig,
  Config,
  EnvironmentConfig,
  KubeTarget,
  LockEntry,
  RuleSetting,
  SetKey,
  TemplateSettings,
} from '../model/model.js';
import type { FailOn, RuleId, Severity } from '../report/report.js';
import { formatKeyPath } from '../values/key-path.js';

export interface PolicyChange {
  /** The setting, as written in the config ("rules.override-key-removed", "render.enabled"...). */
  setting: string;
  message: string;
  weakens: boolean;
  /** The head's config file, at the line of the setting (absent when the head removed it). */
  file: string;
  line?: number;
}

/** A rule's severity where no config sets one (the rule registry's). */
export type DefaultSeverity = (id: RuleId) => Severity;

const SETTING_RANK: Record<RuleSetting, number> = { off: 0, notice: 1, warning: 2, error: 3 };
const FAIL_ON_RANK: Record<FailOn, number> = { never: 0, error: 1, warning: 2 };

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

function widestKube(a: KubeTarget | undefined, b: KubeTarget | undefined): KubeTarget | undefined {
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

const ruleIds = (a: Partial<Record<RuleId, RuleSetting>>, b: Partial<Record<RuleId, RuleSetting>>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as RuleId[];

const chartKeys = (base: Config, head: Config) =>
  [...new Set([...Object.keys(base.charts), ...Object.keys(head.charts)])].sort();

const chartOf = (config: Config, key: string) => (Object.hasOwn(config.charts, key) ? config.charts[key] : undefined);

/** A rule's setting for the charts of a `charts:` key: its own, else the config's, else the registry's. */
function chartRule(config: Config, key: string, id: RuleId, defaultSeverity: DefaultSeverity): RuleSetting {
  return chartOf(config, key)?.rules[id] ?? config.rules[id] ?? defaultSeverity(id);
}

// ---------- how the head edits the policy ----------

/**
 * How the head's config edits the base's policy, setting by setting: an error where it narrows the review, a
 * notice where it widens it or changes it harmlessly.
 */
export function policyChanges(
  base: Config,
  head: Config,
  defaultSeverity: DefaultSeverity,
  /** The config file the findings point at when neither side has one (the path it is looked for at). */
  configPath: string,
): PolicyChange[] {
  const file = head.path ?? base.path ?? configPath;
  const changes: PolicyChange[] = [];
  const add = (setting: string, message: string, weakens: boolean, line = head.policyLines[setting]) =>
    changes.push({ setting, message, weakens, file, ...(line !== undefined ? { line } : {}) });
  ruleChanges(base, head, defaultSeverity, add);
  switchChanges(base, head, add);
  renderChanges(base, head, add);
  acceptanceChanges(base, head, add);
  patternChanges(base, head, add);
  kubernetesChanges(base, head, add);
  environmentChanges(base, head, add);
  chartChanges(base, head, add);
  return changes;
}

type Add = (setting: string, message: string, weakens: boolean, line?: number) => void;

function ruleChanges(base: Config, head: Config, defaultSeverity: DefaultSeverity, add: Add): void {
  const compare = (setting: string, before: RuleSetting, after: RuleSetting) => {
    if (before === after) return;
    add(setting, `${setting} changes from ${before} to ${after}`, SETTING_RANK[after] < SETTING_RANK[before]);
  };
  for (const id of ruleIds(base.rules, head.rules)) {
    compare(`rules.${id}`, base.rules[id] ?? defaultSeverity(id), head.rules[id] ?? defaultSeverity(id));
  }
  for (const key of chartKeys(base, head)) {
    for (const id of ruleIds(chartOf(base, key)?.rules ?? {}, chartOf(head, key)?.rules ?? {})) {
      compare(
        `charts.${key}.rules.${id}`,
        chartRule(base, key, id, defaultSeverity),
        chartRule(head, key, id, defaultSeverity),
      );
    }
  }
}

/** Top-level values patterns, API versions, set keys and templates. */
function patternChanges(base: Config, head: Config, add: Add): void {
  listChanges('values', 'pattern', base.values, head.values, add);
  listChanges('apiVersions', 'entry', base.apiVersions, head.apiVersions, add);
  setChanges('set', base.set, head.set, add);
  templateChanges('templates', base.templates, head.templates, add);
}

/** Entries the head drops narrow the review (they still apply); entries it adds widen it (they apply, unsaid). */
function listChanges(
  setting: string,
  what: string,
  base: readonly string[],
  head: readonly string[],
  add: Add,
  line?: number,
): void {
  const removed = base.filter((item) => !head.includes(item));
  if (removed.length > 0) add(setting, `${setting} ${what} removed: ${removed.join(', ')}`, true, line);
}

function setChanges(setting: string, base: SetKey[], head: SetKey[], add: Add, line?: number): void {
  const heads = new Map(head.map((key) => [JSON.stringify(key.path), key]));
  const removed = base.filter((key) => !heads.has(JSON.stringify(key.path)));
  if (removed.length > 0) {
    add(setting, `${setting} key removed: ${removed.map((key) => formatKeyPath(key.path)).join(', ')}`, true, line);
  }
  const changed = base.filter((key) => {
    const after = heads.get(JSON.stringify(key.path));
    return after && JSON.stringify(after.example) !== JSON.stringify(key.example);
  });
  if (changed.length > 0) {
    // an example value is what the render gets: another one can switch a template off
    const keys = changed.map((key) => formatKeyPath(key.path)).join(', ');
    add(setting, `${setting} example value changed: ${keys}`, true, line);
  }
}

function templateChanges(
  setting: string,
  base: TemplateSettings | undefined,
  head: TemplateSettings | undefined,
  add: Add,
  line?: number,
): void {
  const text = (t: TemplateSettings | undefined) => (t ? `${t.engine} ${t.context}` : 'none');
  if (text(base) === text(head) || !base) return;
  // the base's engine and context render the override files: another context can leave keys out
  add(setting, `${setting} changes from ${text(base)} to ${text(head)}`, true, line ?? head?.line);
}

function kubeText(kube: KubeTarget | undefined): string {
  if (!kube) return 'unset';
  return kube.min === kube.max ? kube.max : `${kube.min}-${kube.max}`;
}

/** A target narrows the review when it leaves out an end of the base's range. */
function kubeChange(
  setting: string,
  base: KubeTarget | undefined,
  head: KubeTarget | undefined,
  add: Add,
  line?: number,
) {
  if (kubeText(base) === kubeText(head)) return;
  const narrows =
    base !== undefined &&
    (head === undefined || compareKubeVersions(head.min, base.min) > 0 || compareKubeVersions(head.max, base.max) < 0);
  const checked = narrows ? `; this review checks ${kubeText(widestKube(base, head))}` : '';
  add(setting, `${setting} changes from ${kubeText(base)} to ${kubeText(head)}${checked}`, narrows, line);
}

function kubernetesChanges(base: Config, head: Config, add: Add): void {
  const line = head.policyLines.kubernetes ?? head.policyLines.kubernetesVersion;
  kubeChange('kubernetes', base.kubernetes, head.kubernetes, add, line);
}

function environmentChanges(base: Config, head: Config, add: Add): void {
  const heads = new Map(head.environments.map((environment) => [environment.name, environment]));
  for (const before of base.environments) {
    const after = heads.get(before.name);
    const at = `environments.${before.name}`;
    if (!after) {
      add(
        at,
        `environment ${before.name} is dropped; it is still checked as the base defines it`,
        true,
        head.policyLines.environments,
      );
      continue;
    }
    const line = (key: string) => head.policyLines[`${at}.${key}`] ?? after.line;
    listChanges(`${at}.values`, 'pattern', before.values, after.values, add, line('values'));
    listChanges(`${at}.apiVersions`, 'entry', before.apiVersions, after.apiVersions, add, line('apiVersions'));
    setChanges(`${at}.set`, before.set, after.set, add, line('set'));
    const kube = (own: KubeTarget | undefined, config: Config) => own ?? config.kubernetes;
    // only an environment's own target is its edit: the top level's is compared once, above
    if (before.kubernetes || after.kubernetes) {
      kubeChange(
        `${at}.kubernetes`,
        kube(before.kubernetes, base),
        kube(after.kubernetes, head),
        add,
        line('kubernetes'),
      );
    }
    if (before.templates) templateChanges(`${at}.templates`, before.templates, after.templates, add, line('templates'));
  }
  if (base.environments.length > 0) return;
  // the base's one implicit environment becomes the head's named ones: each is held to the base's target
  for (const after of head.environments) {
    if (!after.kubernetes) continue;
    kubeChange(
      `environments.${after.name}.kubernetes`,
      base.kubernetes,
      after.kubernetes,
      add,
      head.policyLines[`environments.${after.name}.kubernetes`] ?? after.line,
    );
  }
}

/**
 * The lists of the `charts:` keys the base has (a key the head adds describes a chart, and is no policy edit);
 * release names, namespaces and templates are compared per lockfile entry (pinChartSettings).
 */
function chartChanges(base: Config, head: Config, add: Add): void {
  for (const key of Object.keys(base.charts).sort()) {
    const before = base.charts[key];
    const after = chartOf(head, key);
    const at = `charts.${key}`;
    const line = (setting: string) => head.policyLines[`${at}.${setting}`] ?? after?.line;
    const settings = { values: [], set: [], rules: {}, ...after } satisfies ChartConfig;
    listChanges(`${at}.values`, 'pattern', before.values, settings.values, add, line('values'));
    setChanges(`${at}.set`, before.set, settings.set, add, line('set'));
    listChanges(
      `${at}.apiVersions`,
      'entry',
      before.apiVersions ?? [],
      settings.apiVersions ?? [],
      add,
      line('apiVersions'),
    );
  }
}

function renderChanges(base: Config, head: Config, add: Add): void {
  const before = base.render;
  const after = head.render;
  if (before.enabled !== after.enabled) {
    add('render.enabled', `render.enabled changes from ${before.enabled} to ${after.enabled}`, !after.enabled);
  }
  if (before.helm !== after.helm) {
    // a binary the change names would run on the runner: the base's applies, even when the head's is just another path
    add(
      'render.helm',
      `render.helm changes from ${before.helm ?? 'unset'} to ${after.helm ?? 'unset'}`,
      after.helm !== undefined,
    );
  }
  if (before.timeoutSeconds !== after.timeoutSeconds) {
    add(
      'render.timeoutSeconds',
      `render.timeoutSeconds changes from ${before.timeoutSeconds} to ${after.timeoutSeconds}`,
      after.timeoutSeconds < before.timeoutSeconds,
    );
  }
  if (before.proofRenders !== after.proofRenders) {
    add(
      'render.proofRenders',
      `render.proofRenders changes from ${before.proofRenders} to ${after.proofRenders}`,
      after.proofRenders < before.proofRenders,
    );
  }
}

/** failOn, failOnExisting and free-form keys. */
function switchChanges(base: Config, head: Config, add: Add): void {
  const failBefore = base.failOn ?? 'error';
  const failAfter = head.failOn ?? 'error';
  if (failBefore !== failAfter) {
    add(
      'failOn',
      `failOn changes from ${failBefore} to ${failAfter}`,
      FAIL_ON_RANK[failAfter] < FAIL_ON_RANK[failBefore],
    );
  }
  const existingBefore = base.failOnExisting ?? false;
  const existingAfter = head.failOnExisting ?? false;
  if (existingBefore !== existingAfter) {
    // off, the findings already there on the base stop failing a review
    add('failOnExisting', `failOnExisting changes from ${existingBefore} to ${existingAfter}`, !existingAfter);
  }
  const keysAdded = head.freeFormKeys.filter((k) => !base.freeFormKeys.includes(k));
  const keysRemoved = base.freeFormKeys.filter((k) => !head.freeFormKeys.includes(k));
  const freeFormSetting = head.policyLines.freeFormKeys !== undefined ? 'freeFormKeys' : 'freeFormKeysReplace';
  if (keysAdded.length > 0) {
    // any key below a free-form key is accepted unchecked: more of them hide more typos and removed keys
    add(freeFormSetting, `free-form keys added: ${keysAdded.join(', ')}`, true);
  }
  if (keysRemoved.length > 0) add(freeFormSetting, `free-form keys removed: ${keysRemoved.join(', ')}`, false);
}

/** The acceptances file, its approvers and acceptanceMaxDays. */
function acceptanceChanges(base: Config, head: Config, add: Add): void {
  if (base.acceptances !== head.acceptances) {
    // a new path starts from an empty file the change itself writes
    add('acceptances', `the acceptances file moves from ${base.acceptances} to ${head.acceptances}`, true);
  }
  const approversBefore = base.acceptanceApprovers?.join(', ') ?? 'anyone but the author';
  const approversAfter = head.acceptanceApprovers?.join(', ') ?? 'anyone but the author';
  if (approversBefore !== approversAfter) {
    // who may wave a new acceptance through: a list that lets in anyone the base's does not widens it (a team's
    // members cannot be compared, so a new name always does); the base's list applies until the change is merged
    const widens =
      base.acceptanceApprovers !== undefined &&
      (head.acceptanceApprovers === undefined ||
        head.acceptanceApprovers.some((name) => !base.acceptanceApprovers?.includes(name)));
    add('acceptances.approvers', `acceptances.approvers changes from ${approversBefore} to ${approversAfter}`, widens);
  }
  if (base.acceptanceMaxDays !== head.acceptanceMaxDays) {
    add(
      'acceptanceMaxDays',
      `acceptanceMaxDays changes from ${base.acceptanceMaxDays} to ${head.acceptanceMaxDays}`,
      head.acceptanceMaxDays > base.acceptanceMaxDays,
    );
  }
}

/**
 * The head's config reads the lockfile at another path. Each side is read at its own path, so a real move is
 * compared entry by entry; but a lockfile the base reviews that stays at head, no longer reviewed, narrows the
 * review (a decoy lockfile beside the real one).
 */
export function lockfileChange(base: Config, head: Config, baseLockfileStays: boolean): PolicyChange | undefined {
  if (base.lockfile === head.lockfile) return undefined;
  const stays = baseLockfileStays ? `, and ${base.lockfile} stays, no longer reviewed` : '';
  const line = head.policyLines.lockfile;
  return {
    setting: 'lockfile',
    message: `lockfile changes from ${base.lockfile} to ${head.lockfile}${stays}`,
    weakens: baseLockfileStays,
    file: head.path ?? base.path ?? '.github/chart-guard.yaml',
    ...(line !== undefined ? { line } : {}),
  };
}

type PinnedSetting = 'releaseName' | 'namespace' | 'templates';

/**
 * Per lockfile entry of the head: the release name, namespace and templates of its `charts:` settings as the base
 * resolves them, wherever the head's differ (under the same key, or another: a folder key wins over a name key).
 * `applied` (the config the review applies) is pinned to the base's, in place: its folder key for the entry. Each
 * is a policy-changed error: another release renders other objects, another context other override keys.
 */
export function pinChartSettings(
  applied: Config,
  base: Config,
  head: Config,
  entries: readonly LockEntry[],
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const baseTemplates = base.templates !== undefined || base.environments.some((e) => e.templates !== undefined);
  for (const entry of entries) {
    const before = chartConfigFor(base, entry);
    for (const setting of ['releaseName', 'namespace', 'templates'] as const) {
      const was = before[setting];
      // a setting only the head has applies, unless it replaces the base's templates from above the chart
      if (was === undefined && (setting !== 'templates' || !baseTemplates)) continue;
      const differs = (config: Config) =>
        settingText(setting, chartConfigFor(config, entry)[setting]) !== settingText(setting, was);
      if (differs(applied)) pin(applied, entry, setting, was);
      if (!differs(head)) continue;
      const is = chartConfigFor(head, entry)[setting];
      const key = [entry.dir, entry.name].find((k) => chartOf(head, k)?.[setting] !== undefined) ?? entry.name;
      const at = `charts.${key}.${setting}`;
      const line = head.policyLines[at] ?? chartOf(head, key)?.line;
      const shown = (value: typeof was) => settingText(setting, value) ?? (setting === 'templates' ? 'none' : 'unset');
      changes.push({
        setting: at,
        // templates the base leaves to the top level are the top level's
        message: `${at} changes from ${shown(was ?? (setting === 'templates' ? base.templates : undefined))} to ${shown(is)}`,
        weakens: true,
        file: head.path ?? base.path ?? '.github/chart-guard.yaml',
        ...(line !== undefined ? { line } : {}),
      });
    }
  }
  return changes;
}

function settingText(setting: PinnedSetting, value: string | TemplateSettings | undefined): string | undefined {
  if (value === undefined) return undefined;
  return setting === 'templates'
    ? `${(value as TemplateSettings).engine} ${(value as TemplateSettings).context}`
    : (value as string);
}

/** Sets (or, for templates the base leaves to the top level, clears) one chart setting of an entry. */
function pin(config: Config, entry: LockEntry, setting: PinnedSetting, value: string | TemplateSettings | undefined) {
  const keys = value === undefined ? [entry.dir, entry.name] : [entry.dir];
  for (const key of keys) {
    const chart: ChartConfig = chartOf(config, key) ?? { values: [], set: [], rules: {} };
    config.charts[key] = { ...chart, [setting]: value };
    if (value === undefined) delete config.charts[key][setting];
  }
}
