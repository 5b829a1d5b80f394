// How the head's config edits the base's policy (policy.ts has the table of what the review applies): each edit is
// a policy-changed finding, an error when it narrows the review (the base's setting still applies), a notice otherwise.

import type { ChartConfig, Config, KubeTarget, RuleSetting, SetKey, TemplateSettings } from '../model/model.js';
import { formatKeyPath } from '../values/key-path.js';
import { compareKubeVersions } from './kube-version.js';
import {
  chartKeys,
  chartOf,
  chartRule,
  type DefaultSeverity,
  FAIL_ON_RANK,
  ruleIds,
  SETTING_RANK,
  widestKube,
} from './policy.js';

export interface PolicyChange {
  /** The setting, as written in the config ("rules.override-key-removed", "render.enabled"...). */
  setting: string;
  message: string;
  weakens: boolean;
  /** The head's config file, at the line of the setting (absent when the head removed it). */
  file: string;
  line?: number;
}

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
  // an upgrade (a newer newest version) moves the whole window: no narrowing, a readiness review
  // (pipeline/readiness.ts) checks every chart at the new version while this review still checks the old one
  const upgrade = base !== undefined && head !== undefined && compareKubeVersions(head.max, base.max) > 0;
  const narrows =
    base !== undefined &&
    !upgrade &&
    (head === undefined || compareKubeVersions(head.min, base.min) > 0 || compareKubeVersions(head.max, base.max) < 0);
  const dropsOldest = base !== undefined && head !== undefined && compareKubeVersions(head.min, base.min) > 0;
  const checked = narrows || dropsOldest ? `; this review checks ${kubeText(widestKube(base, head))}` : '';
  const what = upgrade && dropsOldest ? ': a Kubernetes upgrade, reviewed for readiness at the new version' : '';
  add(setting, `${setting} changes from ${kubeText(base)} to ${kubeText(head)}${what}${checked}`, narrows, line);
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
