// Lint: the whole chart repository at one snapshot, with the same rules and report model as a review.
// Every lockfile entry is analysed as an "unchanged" chart (head side only), plus repository-wide checks.
import { availableParallelism } from 'node:os';
import { analyseChart, buildChartReport, renderJobsFor, withRenders } from './chart-analysis.js';
import { createLimiter } from './concurrency.js';
import { withIgnoredKeyProof } from './ignored-key-proof.js';
import type { ChartChange } from './model.js';
import { reportRedactor } from './redact.js';
import { findHelm } from './render/helm.js';
import { type RenderJob, renderAll } from './render/renderer.js';
import type { Report } from './report.js';
import { type AnalysisOptions, assembleReport, renderStats, withTemplateProblems } from './review.js';
import { lintChartRules, lintRepoRules } from './rules/index.js';
import { runChartRules, runRepoRules } from './rules/run.js';
import { orphanOverrideFiles } from './values/override-files.js';
import { loadWorkspace } from './workspace.js';

export type LintOptions = AnalysisOptions;

export async function lint(options: LintOptions): Promise<Report> {
  const progress = options.progress ?? (() => {});
  const space = await loadWorkspace(options.head, options);
  const changes: ChartChange[] = space.lockfile.charts.map((entry) => ({
    name: entry.name,
    dir: entry.dir,
    change: 'unchanged',
    head: entry,
    semverChange: null,
  }));
  progress(`linting ${changes.length} chart(s) of ${space.lockfilePath}`);
  const renderEnabled = options.helm !== null && space.config.render.enabled;
  // helm is found first: the values files are read the way its major version reads them
  const helm = renderEnabled ? await findHelm(options.helm ?? space.config.render.helm) : undefined;
  let analyses = await Promise.all(changes.map((change) => analyseChart(change, space, space, helm?.major)));

  if (renderEnabled) {
    const jobs = analyses.flatMap(renderJobsFor);
    progress(helm ? `rendering ${jobs.length} chart(s) with helm ${helm.version}` : 'helm not found: renders skipped');
    const concurrency = options.concurrency ?? availableParallelism();
    const renderOptions = {
      helm,
      skipReason: helm ? undefined : 'helm was not found on PATH; install it or pass --helm / the helm input',
      timeoutSeconds: space.config.render.timeoutSeconds,
    };
    const outcomes = await renderAll(jobs, { ...renderOptions, concurrency, progress });
    // the ignored-key proof of every chart shares one pool of helm slots
    const helmSlots = createLimiter(concurrency);
    const render = (proofJobs: RenderJob[]) => renderAll(proofJobs, { ...renderOptions, helmSlots });
    const cap = space.config.render.proofRenders;
    analyses = await Promise.all(
      analyses.map((a) => withIgnoredKeyProof(withRenders(a, outcomes), renderJobsFor(a), outcomes, render, cap)),
    );
  }

  const diagnostics: string[] = [];
  const charts = analyses.map((analysis) => {
    const run = runChartRules(lintChartRules, analysis.context);
    return buildChartReport(analysis, run.findings);
  });
  const patternsOf = space.patternsFor;
  const repoRun = runRepoRules(lintRepoRules, {
    config: withTemplateProblems(space),
    head: space.lockfile,
    files: space.paths,
    orphanOverrideFiles: orphanOverrideFiles(space.lockfile, patternsOf, space.paths),
  });
  return assembleReport({
    mode: 'lint',
    options,
    space,
    charts,
    findings: repoRun.findings,
    diagnostics,
    redactor: reportRedactor(
      analyses.map((analysis) => analysis.context),
      space.config,
    ),
    stats: renderStats(analyses),
  });
}
