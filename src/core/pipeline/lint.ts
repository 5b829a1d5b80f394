// Lint: the whole chart repository at one snapshot, with the same pipeline and report model as a review. Every
// lockfile entry is analysed as an "unchanged" chart (head side only), plus repository-wide checks.
import { type AnalysisOptions, runPipeline } from '../pipeline.js';
import type { Report } from '../report/report.js';

export type LintOptions = AnalysisOptions;

export function lint(options: LintOptions): Promise<Report> {
  return runPipeline({ mode: 'lint' }, options);
}
