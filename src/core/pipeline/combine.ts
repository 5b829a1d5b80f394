// Review-with-lint (`review --lint`, the Action's `lint: true`): one report holding the review of the changed
// charts and the lint of the rest.
import { type FailOn, type Finding, type Report, summarise, verdictOf } from '../report/report.js';
import { hookResults, withHookResults } from '../rules/hook-results.js';

const findingKey = (f: Finding) =>
  JSON.stringify([f.rule, f.chart, f.file, f.line, f.path, f.message, f.environments ?? []]);

/**
 * The review's charts as they are (a review knows more about a changed chart than a lint), then the lint's charts
 * the change does not touch; repository findings of both, once each. Counts and verdict are recomputed.
 */
export function withLintOfUntouched(review: Report, lint: Report, failOn: FailOn, failOnExisting?: boolean): Report {
  // by folder: a chart vendored in several destinations has one name and several folders
  const reviewed = new Set(review.charts.map((c) => c.dir));
  const charts = [...review.charts, ...lint.charts.filter((c) => !reviewed.has(c.dir))];
  const seen = new Set(review.findings.map(findingKey));
  // Each half saw only its own charts: a rule whose findings depend on the whole run (an acceptance is stale only
  // when neither half has a finding for it) combines the halves itself (its combineHalves hook).
  const ofRule = (findings: readonly Finding[], id: Finding['rule']) => findings.filter((f) => f.rule === id);
  const combined = hookResults(
    [...review.findings, ...lint.findings].map((f) => f.rule),
    (id) => ofRule(review.findings, id),
    (hooks, own, id) => hooks.combineHalves?.(own, ofRule(lint.findings, id), findingKey),
  );
  const kept = withHookResults(review.findings, combined);
  const findings = [...kept, ...lint.findings.filter((f) => !seen.has(findingKey(f)) && !combined.has(f.rule))];
  const diagnostics = [...new Set([...(review.diagnostics ?? []), ...(lint.diagnostics ?? [])])];
  const summary = summarise({ charts, findings });
  // a shard's run holds the reviewed charts, then the linted ones, as the unsharded report lists them
  const shard = review.shard && {
    ...review.shard,
    runCharts: [...review.shard.runCharts, ...(lint.shard?.runCharts ?? [])],
  };
  return {
    ...review,
    ...(shard ? { shard } : {}),
    charts,
    findings,
    summary,
    verdict: verdictOf(summary, failOn, failOnExisting),
    failOn,
    ...(failOnExisting ? { failOnExisting } : {}),
    ...(diagnostics.length ? { diagnostics } : {}),
  };
}
