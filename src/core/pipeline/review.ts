// Review: the charts a change touches, compared base to head, with every rule; review-with-lint adds the lint of
// the charts the change does not touch. Plans over the one pipeline (pipeline.ts).

import { type ReviewOptions, runPipeline } from '../pipeline.js';
import type { Report } from '../report/report.js';
import { withLintOfUntouched } from './combine.js';

export type { AnalysisOptions, ReviewOptions } from '../pipeline.js';

export function review(options: ReviewOptions): Promise<Report> {
  const { base, ...rest } = options;
  return runPipeline({ mode: 'review', base }, rest);
}

/**
 * What `review --lint` prints and the Action posts with `lint: true`: the review of the changed charts, then the
 * lint of the others (a chart the review looked at is not linted again), in one report with one verdict.
 */
export async function reviewWithLint(options: ReviewOptions): Promise<Report> {
  const { base, ...rest } = options;
  // a raise's readiness charts are the lint's: it checks them in every environment, the raised ones as readiness does
  const reviewed = await runPipeline({ mode: 'review', base, readinessCharts: false }, rest);
  // a shard's review lists only its own charts: the lint leaves out every chart the whole review looks at
  const skipCharts = new Set(reviewed.shard?.runCharts ?? reviewed.charts.map((chart) => chart.dir));
  // the untouched charts are linted with the base's policy too
  const linted = await runPipeline({ mode: 'lint', skipCharts }, { ...rest, policyBase: base });
  return withLintOfUntouched(
    reviewed,
    linted,
    options.failOn ?? reviewed.failOn ?? 'error',
    options.failOnExisting ?? reviewed.failOnExisting,
  );
}
