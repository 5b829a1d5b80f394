// The one pipeline behind review, lint and review-with-lint: snapshots and a config in, one report out. Its steps
// read top to bottom in runPipeline; a plan (review.ts, lint.ts) says which charts and which rules. Knows nothing
// of GitHub or terminals.
//
//   1. workspaces   base and head: config, lockfile, override files per environment
//   2. changes      which charts (the changed ones, or all for a lint) × which environments (a shard's pairs)
//   3. analysis     per chart: both sides loaded once, each environment's overrides read
//   4. renders      per chart × environment, one render policy (helm looked up once, one pool of helm slots)
//   5. proof        extra head renders proving weakly accepted override keys ignored
//   6. rules        per chart as soon as its renders are in: environment-free rules once, the others per
//                   environment, findings merged
//   7. acceptances  findings the acceptances file accepts marked; expired and stale entries reported
//   8. report       assembled, redacted, verdict computed
import { withAcceptances } from './pipeline/acceptances.js';
import { changesOf } from './pipeline/changes.js';
import { checkCharts } from './pipeline/charts.js';
import type { AnalysisOptions, Plan } from './pipeline/options.js';
import { readinessFacts } from './pipeline/readiness.js';
import { type RenderPolicy, renderPolicy, runConcurrency, runStats } from './pipeline/renders.js';
import { assembleReport, configDigest } from './pipeline/report.js';
import { repoContextOf, runConditions } from './pipeline/rules.js';
import { workspaces } from './pipeline/workspaces.js';
import { reportRedactor } from './redact/redact.js';
import { RenderCache } from './render/render-cache.js';
import type { Report } from './report/report.js';
import { withCrdOwners } from './rules/analysis/crd-owners.js';
import { ruleHooks, rulesFor } from './rules/index.js';
import { runRepoRules } from './rules/run.js';
import { withUpgradeActions } from './runbook/upgrade-plan.js';

export type { AnalysisOptions, Plan, ReviewOptions } from './pipeline/options.js';
export { mergeKey } from './pipeline/rules.js';

export async function runPipeline(plan: Plan, options: AnalysisOptions): Promise<Report> {
  const progress = options.progress ?? (() => {});
  const cache = options.cache
    ? await RenderCache.open(options.cache, progress, options.toolVersion, options.repoDir)
    : undefined;
  const policy = renderPolicy(options, progress, cache);
  try {
    return await runSteps(plan, options, progress, policy);
  } finally {
    await policy.folders.close();
  }
}

async function runSteps(
  plan: Plan,
  options: AnalysisOptions,
  progress: (message: string) => void,
  policy: RenderPolicy,
): Promise<Report> {
  const { cache } = policy;
  const concurrency = runConcurrency(options);
  // 1. workspaces
  const spaces = await workspaces(plan, options);
  // 2. changes: which charts, each checked in every one of spaces.head.environments (of the shard, if one)
  const { all, changes, diagnostics, ofShard } = changesOf(plan, spaces, options.shard, progress);

  // 3. analysis, 4. renders, 5. proof, 6. rules: per chart, each step as soon as the previous one is done
  const rules = rulesFor(plan.mode);
  const checked = await checkCharts(changes, spaces, { rules: rules.chart, policy, cache, concurrency, ofShard });
  const charts = checked.map(({ analyses }) => analyses);
  // the upgrade runbook of every chart and environment, from its findings and renders
  // a rule sees one chart; which release owns a CRD is known once every chart is checked
  const chartReports = withUpgradeActions(
    withCrdOwners(
      checked.map(({ report }) => report),
      charts,
      ruleHooks,
    ),
    charts,
    { hooks: ruleHooks, keepOrderKinds: options.shard !== undefined },
  );
  const contexts = charts.flat().map((analysis) => analysis.context);
  // every shard checks the lockfile entries of the whole run: the same repository findings in each, merged once
  const repoRun = runRepoRules(rules.repo, {
    ...repoContextOf(plan, spaces, all),
    ...runConditions(spaces.head, options, contexts, rules.chart),
  });

  // 7. acceptances: after every rule, before the verdict
  const accepted = await withAcceptances(
    { charts: chartReports, findings: repoRun.findings },
    spaces,
    options,
    rules.acceptances,
  );

  const stats = await runStats(charts.flat(), cache, progress);

  // 8. report
  return assembleReport({
    mode: plan.mode,
    options: { ...options, base: plan.base },
    space: spaces.head,
    charts: accepted.charts,
    // a review's repository findings are about the files as the change leaves them
    findings: plan.base ? accepted.findings.map((finding) => ({ ...finding, introduced: true })) : accepted.findings,
    diagnostics,
    redactor: reportRedactor(contexts, spaces.head.config),
    stats,
    configDigest: configDigest(spaces.head, options),
    readiness: readinessFacts(spaces.head.config, spaces.readiness),
    ...(options.shard ? { shard: { ...options.shard, runCharts: all.map((change) => change.dir) } } : {}),
  });
}
