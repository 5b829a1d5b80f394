// The base branch's policy. A pull request must not wave itself through: the settings that decide what blocks
// (rule severities, failOn, failOnExisting, free-form keys, render switches, the acceptances file and how long acceptances may
// last) are read from the base commit. The rest of the config (patterns, charts, environments, set keys) comes from
// the head, because a change that adds a chart must be able to describe it. Each policy edit the head makes is a
// policy-changed finding: an error when it weakens the policy, a notice otherwise.
import type { ChartConfig, Config, RuleSetting } from './model.js';
import type { FailOn, RuleId, Severity } from './report.js';

export interface PolicyChange {
  /** The setting, as written in the config ("rules.override-key-removed", "render.enabled"...). */
  setting: string;
  message: string;
  weakens: boolean;
  /** The head's config file, at the line of the setting (absent when the head removed it). */
  file: string;
  line?: number;
}

/** The head's config with the base's policy. */
export function withBasePolicy(head: Config, base: Config): Config {
  const charts: Record<string, ChartConfig> = Object.create(null);
  for (const [key, chart] of Object.entries(head.charts)) {
    charts[key] = { ...chart, rules: Object.hasOwn(base.charts, key) ? base.charts[key].rules : {} };
  }
  // a chart whose settings the head drops keeps the base's rules for it
  for (const [key, chart] of Object.entries(base.charts)) {
    if (!Object.hasOwn(charts, key)) charts[key] = { values: [], set: [], rules: chart.rules };
  }
  return {
    ...head,
    rules: base.rules,
    charts,
    freeFormKeys: base.freeFormKeys,
    render: { ...head.render, enabled: base.render.enabled, proofRenders: base.render.proofRenders },
    acceptances: base.acceptances,
    acceptanceMaxDays: base.acceptanceMaxDays,
    acceptanceApprovers: base.acceptanceApprovers,
    failOn: base.failOn,
    failOnExisting: base.failOnExisting,
  };
}

const SETTING_RANK: Record<RuleSetting, number> = { off: 0, notice: 1, warning: 2, error: 3 };
const FAIL_ON_RANK: Record<FailOn, number> = { never: 0, error: 1, warning: 2 };

/**
 * How the head's config edits the base's policy, setting by setting. `defaultSeverity` gives a rule's severity
 * where neither config sets one (the rule registry's: rules sit a floor above the config).
 */
export function policyChanges(
  base: Config,
  head: Config,
  defaultSeverity: (id: RuleId) => Severity,
  /** The config file the findings point at when neither side has one (the path it is looked for at). */
  configPath: string,
): PolicyChange[] {
  const file = head.path ?? base.path ?? configPath;
  const changes: PolicyChange[] = [];
  const add = (setting: string, message: string, weakens: boolean) =>
    changes.push({ setting, message, weakens, file, ...lineOf(head, setting) });

  const ruleIds = (a: Partial<Record<RuleId, RuleSetting>>, b: Partial<Record<RuleId, RuleSetting>>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as RuleId[];
  const compareRule = (setting: string, before: RuleSetting, after: RuleSetting) => {
    if (before === after) return;
    const weakens = SETTING_RANK[after] < SETTING_RANK[before];
    add(setting, `${setting} changes from ${before} to ${after}`, weakens);
  };
  for (const id of ruleIds(base.rules, head.rules)) {
    const fallback = defaultSeverity(id);
    compareRule(`rules.${id}`, base.rules[id] ?? fallback, head.rules[id] ?? fallback);
  }
  const chartKeys = [...new Set([...Object.keys(base.charts), ...Object.keys(head.charts)])].sort();
  for (const chart of chartKeys) {
    const before = Object.hasOwn(base.charts, chart) ? base.charts[chart].rules : {};
    const after = Object.hasOwn(head.charts, chart) ? head.charts[chart].rules : {};
    for (const id of ruleIds(before, after)) {
      const fallback = defaultSeverity(id);
      const b = before[id] ?? base.rules[id] ?? fallback;
      const a = after[id] ?? head.rules[id] ?? fallback;
      compareRule(`charts.${chart}.rules.${id}`, b, a);
    }
  }

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

  if (base.render.enabled !== head.render.enabled) {
    add(
      'render.enabled',
      `render.enabled changes from ${base.render.enabled} to ${head.render.enabled}`,
      !head.render.enabled,
    );
  }
  if (base.render.proofRenders !== head.render.proofRenders) {
    add(
      'render.proofRenders',
      `render.proofRenders changes from ${base.render.proofRenders} to ${head.render.proofRenders}`,
      head.render.proofRenders < base.render.proofRenders,
    );
  }
  if (base.acceptances !== head.acceptances) {
    // a new path starts from an empty file the change itself writes
    add('acceptances', `the acceptances file moves from ${base.acceptances} to ${head.acceptances}`, true);
  }
  const approversBefore = base.acceptanceApprovers?.join(', ') ?? 'anyone but the author';
  const approversAfter = head.acceptanceApprovers?.join(', ') ?? 'anyone but the author';
  if (approversBefore !== approversAfter) {
    // who may wave a new acceptance through: any change of the list is for the base's approvers to look at
    add('acceptances.approvers', `acceptances.approvers changes from ${approversBefore} to ${approversAfter}`, true);
  }
  if (base.acceptanceMaxDays !== head.acceptanceMaxDays) {
    add(
      'acceptanceMaxDays',
      `acceptanceMaxDays changes from ${base.acceptanceMaxDays} to ${head.acceptanceMaxDays}`,
      head.acceptanceMaxDays > base.acceptanceMaxDays,
    );
  }
  return changes;
}

function lineOf(config: Config, setting: string): { line?: number } {
  const line = config.policyLines[setting];
  return line === undefined ? {} : { line };
}
