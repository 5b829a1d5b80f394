// The shards' reports combined into the one report of the whole run: each chart's parts in the unsharded run's
// order, its reinstall and runbook order worked out again, repository findings once each, the stats summed.

import { mergeKey } from '../pipeline.js';
import { type ChartReport, type Finding, type Report, type ReportStats, worstRenderStatus } from '../report/report.js';
import { hookResults, withHookResults } from '../rules/hook-results.js';
import { ruleHooks } from '../rules/index.js';
import { reinstallReason } from '../runbook/reinstall-reason.js';
import { upgradeOrder } from '../runbook/upgrade-order.js';
import { combineFindings } from './merged-findings.js';

// ---------- combining ----------

export function combine(reports: readonly Report[], runCharts: readonly string[]): Report {
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
export function reinstallOf(findings: readonly Finding[]): Pick<ChartReport, 'needsReinstall' | 'reinstallReason'> {
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

/** A merged (or whole) report: no shard, and no order inputs on its upgrade actions. */
export function withoutShard(report: Report): Report {
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
