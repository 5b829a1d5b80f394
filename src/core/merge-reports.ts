// `chart-guard merge` and the Action's `mode: merge`: the reports of a sharded run (`--shard i/n`, shard.ts) put
// back together into the one report the unsharded run would have written, then judged again: counts, verdict,
// needs-reinstall and acceptances are recomputed over every shard. Reports of different commits, configs or runs
// are refused, and so is an incomplete set of shards: a release gate must not pass on the part it saw.
// No file system and no GitHub: parsed reports in, one report or a refusal out.
// Shard reports are untrusted input: each is checked against the report schema (docs/reference/report.schema.json)
// before any field is used, and what can be worked out from the findings (counts, verdict, needs-reinstall) is
// worked out again, never copied. Their texts reach every output through the same escaping as any finding's.

import { mergeKey } from './pipeline.js';
import {
  type ChartReport,
  type FailOn,
  type Finding,
  type Report,
  type ReportStats,
  summarise,
  verdictOf,
  worstRenderStatus,
} from './report.js';
import { reportSchemaProblem } from './report-schema.js';
import { hookResults, withHookResults } from './rules/hook-results.js';
import { allRules, ruleHooks } from './rules/index.js';
import { reinstallReason } from './runbook/reinstall-reason.js';
import { upgradeOrder } from './runbook/upgrade-order.js';
import { isMap } from './values/key-path.js';

/** One report as read from its file. */
export interface ReportInput {
  /** The file it came from, as the user named it: every refusal names the files. */
  file: string;
  report: Report;
}

export type RefusalKind =
  | 'not-json'
  | 'not-a-report'
  | 'no-reports'
  | 'mismatch'
  | 'unsharded'
  | 'shard-twice'
  | 'shard-missing'
  | 'different-runs';

export interface MergeRefusal {
  kind: RefusalKind;
  /** The files concerned (one or two). */
  files: string[];
  /** One line for the user, naming the files. */
  message: string;
}

export type MergeOutcome = { ok: true; report: Report } | { ok: false; refusal: MergeRefusal };

export interface MergeOptions {
  /** The fail-on policy of the merged verdict; default the reports' own (they must then agree). */
  failOn?: FailOn;
  failOnExisting?: boolean;
}

const refuse = (kind: RefusalKind, files: string[], message: string): { ok: false; refusal: MergeRefusal } => ({
  ok: false,
  refusal: { kind, files, message },
});

/**
 * A report file's text, checked to be a chart-guard report (schemaVersion 1) and to match the report schema before
 * anything trusts its shape; a refusal names the file and the field (a JSON pointer).
 */
export function parseReport(
  file: string,
  text: string,
): { ok: true; input: ReportInput } | { ok: false; refusal: MergeRefusal } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse('not-json', [file], `${file} is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const problem = reportShapeProblem(value);
  if (problem) return refuse('not-a-report', [file], `${file} is not a chart-guard JSON report: ${problem}`);
  return { ok: true, input: { file, report: value as Report } };
}

function reportShapeProblem(value: unknown): string | undefined {
  if (!isMap(value)) return 'it is not a JSON object';
  const tool = value.tool;
  if (!isMap(tool) || tool.name !== 'chart-guard') return 'no tool.name "chart-guard"';
  if (value.schemaVersion !== 1) return `schemaVersion is ${JSON.stringify(value.schemaVersion)}, not 1`;
  return reportSchemaProblem(value);
}

/** What two reports of one run share; the first difference found refuses the merge. */
const SAME_RUN: { what: string; of: (report: Report) => unknown }[] = [
  { what: 'base commits', of: (r) => r.base?.sha ?? null },
  { what: 'head commits', of: (r) => r.head.sha },
  { what: 'modes', of: (r) => r.mode },
  { what: 'lockfiles', of: (r) => r.lockfile },
  { what: 'configs (configDigest)', of: (r) => r.configDigest ?? null },
  { what: 'shard counts', of: (r) => r.shard?.count ?? null },
];

const shortValue = (value: unknown) =>
  typeof value === 'string' && /^[0-9a-f]{40}$/.test(value) ? value.slice(0, 12) : JSON.stringify(value);

/**
 * The shards' reports as one report, or why they cannot be merged. One unsharded report merges alone (its verdict
 * made again with `options.failOn`); an unsharded report never merges with another: it is a whole run already.
 */
export function mergeReports(inputs: readonly ReportInput[], options: MergeOptions = {}): MergeOutcome {
  if (inputs.length === 0) return refuse('no-reports', [], 'no report to merge');
  const [first] = inputs;
  for (const input of inputs.slice(1)) {
    for (const { what, of } of SAME_RUN) {
      const [a, b] = [of(first.report), of(input.report)];
      if (a !== b) {
        return refuse(
          'mismatch',
          [first.file, input.file],
          `${first.file} and ${input.file} cannot be merged: different ${what} (${shortValue(a)} vs ${shortValue(b)})`,
        );
      }
    }
  }
  const failOn = options.failOn ?? agreed(inputs, (r) => r.failOn ?? 'error');
  const failOnExisting = options.failOnExisting ?? agreed(inputs, (r) => r.failOnExisting ?? false);
  if (typeof failOn === 'object' || typeof failOnExisting === 'object') {
    const [a, b] = (typeof failOn === 'object' ? failOn : failOnExisting) as [ReportInput, ReportInput];
    const flag = typeof failOn === 'object' ? '--fail-on' : '--fail-on-existing';
    return refuse(
      'mismatch',
      [a.file, b.file],
      `${a.file} and ${b.file} were judged with different fail-on policies: give ${flag} to merge them`,
    );
  }

  const unsharded = inputs.find((input) => !input.report.shard);
  if (unsharded) {
    if (inputs.length > 1) {
      return refuse(
        'unsharded',
        [unsharded.file],
        `${unsharded.file} is the report of a whole run (no --shard): it merges with nothing else`,
      );
    }
    return { ok: true, report: judged(withoutShard(first.report), failOn, failOnExisting) };
  }

  const byIndex = new Map<number, ReportInput>();
  for (const input of inputs) {
    const { index, count } = input.report.shard!;
    const twice = byIndex.get(index);
    if (twice) {
      return refuse(
        'shard-twice',
        [twice.file, input.file],
        `shard ${index}/${count} is given twice: ${twice.file} and ${input.file}`,
      );
    }
    byIndex.set(index, input);
  }
  const count = first.report.shard!.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    return refuse(
      'shard-missing',
      inputs.map((input) => input.file),
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing: the merged report would not cover the whole run`,
    );
  }
  const runCharts = first.report.shard!.runCharts;
  const other = inputs.find((input) => JSON.stringify(input.report.shard!.runCharts) !== JSON.stringify(runCharts));
  if (other) {
    return refuse(
      'different-runs',
      [first.file, other.file],
      `${first.file} and ${other.file} are shards of different runs: they list different charts`,
    );
  }
  // shard order: the merged report does not depend on the order the files were given in
  const reports = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, input]) => input.report);
  return { ok: true, report: judged(combine(reports, runCharts), failOn, failOnExisting) };
}

/** The value every report agrees on, or two reports that disagree. */
function agreed<T>(inputs: readonly ReportInput[], of: (report: Report) => T): T | [ReportInput, ReportInput] {
  const value = of(inputs[0].report);
  const other = inputs.find((input) => of(input.report) !== value);
  return other ? [inputs[0], other] : value;
}

/** The verdict and counts made again from the findings, with the merged policy: a shard's own are never kept. */
function judged(report: Report, failOn: FailOn, failOnExisting: boolean): Report {
  const charts = report.charts.map(({ reinstallReason: _, ...chart }) => ({
    ...chart,
    ...reinstallOf(chart.findings),
  }));
  const summary = summarise({ ...report, charts });
  const { failOnExisting: _, ...rest } = report;
  return {
    ...rest,
    charts,
    summary,
    verdict: verdictOf(summary, failOn, failOnExisting),
    failOn,
    ...(failOnExisting ? { failOnExisting } : {}),
  };
}

/** A merged (or whole) report: no shard, and no order inputs on its upgrade actions. */
function withoutShard(report: Report): Report {
  const { shard: _, ...rest } = report;
  return {
    ...rest,
    charts: report.charts.map((chart) =>
      chart.upgradeActions
        ? { ...chart, upgradeActions: chart.upgradeActions.map(({ orderKinds: __, ...actions }) => actions) }
        : chart,
    ),
  };
}

// ---------- combining ----------

function combine(reports: readonly Report[], runCharts: readonly string[]): Report {
  const [first] = reports;
  const environmentRank = rankOf((first.environments ?? []).map((environment) => environment.name));
  // A chart is its folder; a lockfile that names one folder twice (lockfile-invalid) lists it twice, in the same
  // shards (same folder, same hash): the n-th time in a shard is the n-th time in the run.
  const parts = new Map<string, ChartReport[]>();
  for (const report of reports) {
    for (const [key, chart] of occurrences(report.charts.map((c) => c.dir)).map(
      (k, i) => [k, report.charts[i]] as const,
    )) {
      parts.set(key, [...(parts.get(key) ?? []), chart]);
    }
  }
  // the unsharded run's order; a chart the list does not name (none should) goes last
  const chartRank = rankOf(occurrences(runCharts));
  const keys = [...parts.keys()].sort((a, b) => chartRank(a) - chartRank(b));
  const charts = withUpgradeOrder(keys.map((key) => combineChart(parts.get(key)!, environmentRank)));
  const findings = repositoryFindings(reports, charts);
  const diagnostics = [...new Set(reports.flatMap((report) => report.diagnostics ?? []))];
  const stats = sumStats(reports.map((report) => report.stats));
  const { shard: _, stats: __, diagnostics: ___, ...rest } = first;
  return withoutShard({
    ...rest,
    charts,
    findings,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(stats ? { stats } : {}),
  });
}

/** Each folder with how many times it came before: "charts/a\u00000", "charts/a\u00001"... */
function occurrences(dirs: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return dirs.map((dir) => {
    const n = seen.get(dir) ?? 0;
    seen.set(dir, n + 1);
    return `${dir}\u0000${n}`;
  });
}

/** Position in a list; names the list lacks come after every listed one. */
function rankOf(names: readonly (string | undefined)[]): (name: string | undefined) => number {
  const ranks = new Map(names.map((name, i) => [name, i]));
  return (name) => ranks.get(name) ?? names.length;
}

/** One chart's parts (one per shard holding some of its environments) as the one chart report of the whole run. */
function combineChart(parts: readonly ChartReport[], environmentRank: (name?: string) => number): ChartReport {
  if (parts.length === 1) return parts[0];
  const byEnvironment = <T>(items: T[], name: (item: T) => string | undefined) =>
    items.sort((a, b) => environmentRank(name(a)) - environmentRank(name(b)));
  const environments = byEnvironment(
    parts.flatMap((part) => part.environments ?? []),
    (e) => e.name,
  );
  const findings = combineFindings(
    parts.map((part) => part.findings),
    environmentRank,
  );
  const renderedDiff = byEnvironment(
    parts.flatMap((part) => part.renderedDiff ?? []),
    (d) => d.environment,
  );
  const upgradeActions = byEnvironment(
    parts.flatMap((part) => part.upgradeActions ?? []),
    (a) => a.environment,
  );
  // needs-reinstall and its reason: made again for every chart of the merged report (judged)
  const { renderedDiff: __, upgradeActions: ___, ...chart } = parts[0];
  return {
    ...chart,
    overrideFiles: [...new Set(environments.flatMap((environment) => environment.overrideFiles))],
    render: worstRenderStatus(environments.map((environment) => environment.render)),
    findings,
    environments,
    ...(renderedDiff.length ? { renderedDiff } : {}),
    ...(upgradeActions.length ? { upgradeActions } : {}),
  };
}

/**
 * Whether a chart needs a reinstall, and why, from its findings (chart-analysis.ts buildChartReport): the reason is
 * built once from each finding, as the unsharded run does before acceptances split findings by environment.
 */
function reinstallOf(findings: readonly Finding[]): Pick<ChartReport, 'needsReinstall' | 'reinstallReason'> {
  const reinstall = uniqueBy(
    findings.filter((finding) => finding.needsReinstall),
    (finding) => mergeKey({ ...finding, accepted: undefined, awaitingApproval: undefined }),
  );
  const reason = reinstallReason(reinstall, ruleHooks);
  return { needsReinstall: reinstall.length > 0, ...(reason ? { reinstallReason: reason } : {}) };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const RULE_RANK = new Map(allRules.map((rule, i) => [rule.id as string, i]));

interface Group {
  finding: Finding;
  /** Each environment's remedy (undefined: none), in the order they were met. */
  remedies: Map<string, string | undefined>;
  rule: number;
  /** Where the finding of its first environment (in config order) stood in its shard's list. */
  positions: Map<string, number>;
}

/**
 * A chart's findings from every shard as the unsharded run lists them (pipeline.ts chartFindings): findings equal
 * but for their environments become one naming all of them in config order, environment-free duplicates collapse,
 * and the order is the rules' order, then the first environment's.
 */
function combineFindings(lists: readonly Finding[][], environmentRank: (name?: string) => number): Finding[] {
  const groups = new Map<string, Group>();
  for (const list of lists) {
    let rule = 0;
    list.forEach((finding, position) => {
      // a rule-crashed finding stands where the rule that crashed ran: after the finding before it
      rule = RULE_RANK.get(finding.rule) ?? rule;
      const environments = finding.environments ?? [];
      const key = environments.length ? mergeKey(finding) : `free:${mergeKey(finding)}:${finding.remedy ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { finding, remedies: new Map(), rule, positions: new Map() };
        groups.set(key, group);
      }
      const remedies = remediesByEnvironment(finding);
      for (const environment of environments) {
        group.remedies.set(environment, remedies.get(environment));
        group.positions.set(environment, position);
      }
      if (!environments.length) group.positions.set('', position);
    });
  }
  const merged = [...groups.values()].map((group) => ({
    group,
    environments: [...group.remedies.keys()].sort((a, b) => environmentRank(a) - environmentRank(b)),
  }));
  // An acceptance splits a finding by environment (acceptances.ts): its parts stand where the whole finding stood,
  // accepted parts first in the order of their entries, then the rest.
  const wholes = new Map<string, { rule: number; environment: number; position: number }>();
  const wholeKey = (finding: Finding) => mergeKey({ ...finding, accepted: undefined, awaitingApproval: undefined });
  for (const { group, environments } of merged) {
    const key = wholeKey(group.finding);
    const first = environments[0] ?? '';
    const place = {
      rule: group.rule,
      environment: environments.length ? environmentRank(first) : -1,
      position: group.positions.get(first) ?? 0,
    };
    const known = wholes.get(key);
    if (!known || place.environment < known.environment) wholes.set(key, place);
  }
  const placeOf = (finding: Finding) => {
    const whole = wholes.get(wholeKey(finding))!;
    const entry = finding.accepted ?? finding.awaitingApproval;
    return [whole.rule, whole.environment, whole.position, entry?.line ?? Number.MAX_SAFE_INTEGER];
  };
  const sorted = merged
    .map((entry) => ({ ...entry, place: placeOf(entry.group.finding) }))
    .sort((a, b) => compareAt(a.place, b.place));
  return sorted.map(({ group, environments }) => {
    if (!environments.length) return group.finding;
    const { remedy: _, environments: __, ...rest } = group.finding;
    const remedy = combinedRemedy(environments, group.remedies);
    return { ...rest, ...(remedy !== undefined ? { remedy } : {}), environments };
  });
}

/** The first difference of two equally long lists of numbers decides. */
function compareAt(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((n, j) => n !== b[j]);
  return i === -1 ? 0 : a[i] - b[i];
}

/**
 * The remedy of a finding that holds in several environments, as chartFindings writes it: the first environment's
 * when they do not differ, else one line per group of environments with the same remedy (`aws, gcp: …`).
 */
function combinedRemedy(
  environments: readonly string[],
  remedies: Map<string, string | undefined>,
): string | undefined {
  const groups = new Map<string, string[]>();
  for (const environment of environments) {
    const remedy = remedies.get(environment);
    if (remedy !== undefined) groups.set(remedy, [...(groups.get(remedy) ?? []), environment]);
  }
  if (groups.size <= 1) return remedies.get(environments[0]);
  return [...groups].map(([remedy, names]) => `${names.join(', ')}: ${remedy}`).join('\n');
}

/**
 * Each environment's remedy of a finding: a remedy chartFindings combined (`aws: …\ngcp: …`, every line group
 * headed by some of the finding's environments) is split again; any other applies to all its environments.
 */
function remediesByEnvironment(finding: Finding): Map<string, string | undefined> {
  const environments = finding.environments ?? [];
  const all = new Map(environments.map((environment) => [environment, finding.remedy]));
  if (finding.remedy === undefined || environments.length < 2) return all;
  const split = new Map<string, string>();
  let current: { names: string[]; lines: string[] } | undefined;
  const close = () => {
    for (const name of current?.names ?? []) split.set(name, current!.lines.join('\n'));
  };
  for (const line of finding.remedy.split('\n')) {
    const header = /^([^:]+): (.*)$/.exec(line);
    const names = header?.[1].split(', ');
    if (header && names!.every((name) => environments.includes(name) && !split.has(name))) {
      close();
      current = { names: names!, lines: [header[2]] };
    } else if (current) {
      current.lines.push(line);
    } else {
      return all;
    }
  }
  close();
  if (new Set(split.values()).size < 2) return all;
  return new Map(environments.map((environment) => [environment, split.get(environment)]));
}

/**
 * Each environment's runbook ordered again across the charts of every shard (runbook/upgrade-order.ts upgradeOrder), from
 * the CRD kinds each shard kept; the kinds are left out of the merged report.
 */
function withUpgradeOrder(charts: ChartReport[]): ChartReport[] {
  const environments = new Set(charts.flatMap((chart) => (chart.upgradeActions ?? []).map((a) => a.environment)));
  const out = charts.map((chart) =>
    chart.upgradeActions ? { ...chart, upgradeActions: chart.upgradeActions.map((a) => ({ ...a })) } : chart,
  );
  for (const environment of environments) {
    const members = out.flatMap((chart) =>
      (chart.upgradeActions ?? []).filter((a) => a.environment === environment).map((actions) => ({ chart, actions })),
    );
    if (members.some((member) => !member.actions.orderKinds)) continue;
    const order = upgradeOrder(members.map((m) => ({ name: m.chart.name, kinds: m.actions.orderKinds! })));
    members.forEach((member, i) => {
      member.actions.order = order.position[i] + 1;
      member.actions.dependsOn = order.dependsOn[i];
    });
  }
  return out;
}

/**
 * Repository findings of every shard, once each; then what only the whole run can say again, by the rules' own
 * mergeShards hooks (render-skipped names every chart left unrendered; an acceptance is stale only when no shard's
 * finding is accepted by it).
 */
function repositoryFindings(reports: readonly Report[], charts: readonly ChartReport[]): Finding[] {
  const all = reports.flatMap((report) => report.findings);
  const unique = uniqueBy(all, (finding) => `${mergeKey(finding)}\u0000${finding.remedy ?? ''}`);
  const results = hookResults(
    unique.map((finding) => finding.rule),
    (id) => unique.filter((finding) => finding.rule === id),
    (hooks, own) => hooks.mergeShards?.(own, { findings: all, charts }),
  );
  return withHookResults(unique, results);
}

function sumStats(all: readonly (ReportStats | undefined)[]): ReportStats | undefined {
  const present = all.filter((stats): stats is ReportStats => stats !== undefined);
  if (present.length === 0) return undefined;
  const sum = (of: (stats: ReportStats) => number | undefined) => present.reduce((total, s) => total + (of(s) ?? 0), 0);
  // the cache counts only when some shard had a cache
  const cached = present.some((s) => s.cacheHits !== undefined || s.cacheMisses !== undefined);
  return {
    renders: sum((s) => s.renders),
    renderMs: sum((s) => s.renderMs),
    proofRenders: sum((s) => s.proofRenders),
    proofRenderMs: sum((s) => s.proofRenderMs),
    ...(cached ? { cacheHits: sum((s) => s.cacheHits), cacheMisses: sum((s) => s.cacheMisses) } : {}),
  };
}
