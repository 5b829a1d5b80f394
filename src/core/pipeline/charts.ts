// Steps 3 to 6 per chart, interleaved: charts are analysed `concurrency` at a time, in lockfile order, and each
// chart's renders start as soon as it is analysed, so helm runs while the next charts load (one git reader). The
// rules of this mode then run on each chart as soon as its renders are in, while helm still renders the next charts
// (the rules and the rendered diff are pure, per chart). Once a chart's report is built, its renders shrink to what
// the upgrade runbook reads (runbook/render-view.ts): a run never holds every document of every environment.

import type { ChartChange, Environment } from '../model/model.js';
import type { RenderCache } from '../render/render-cache.js';
import { parsedYamlMemo } from '../repo/chart-yaml.js';
import type { ChartReport } from '../report/report.js';
import type { ChartRule } from '../rules/rule.js';
import { keepRunbookView } from '../runbook/render-view.js';
import { createLimiter } from '../runtime/concurrency.js';
import { loadDiff, loadSchemaValidator } from '../runtime/libraries.js';
import { ChartSchemas } from '../values/schema.js';
import { analyseChart, buildChartReport, type ChartAnalysis } from './chart-analysis.js';
import { withReadiness } from './readiness.js';
import { type RenderPolicy, rendersAndProof, withoutUnneededManifests } from './renders.js';
import { chartFindings } from './rules.js';
import type { Workspaces } from './workspaces.js';

/** Charts analysed ahead of their renders, per helm slot. */
const CHARTS_IN_FLIGHT_PER_SLOT = 3;

export interface ChartChecks {
  /** The chart rules of the run's mode. */
  rules: readonly ChartRule[];
  policy: RenderPolicy;
  cache?: RenderCache;
  /** Charts analysed at a time (the run's concurrency). */
  concurrency: number;
  /** Whether a chart is checked in an environment (its pair is in the shard). */
  ofShard(change: ChartChange): (environment: Environment) => boolean;
}

/** Every chart's analyses (one per environment) and report, in the order of `changes`. */
export async function checkCharts(
  changes: readonly ChartChange[],
  spaces: Workspaces,
  { rules, policy, cache, concurrency, ofShard }: ChartChecks,
): Promise<{ analyses: ChartAnalysis[]; report: ChartReport }[]> {
  const analyse = createLimiter(concurrency);
  // Charts between their analysis and their report hold their values, templates and renders: a few ahead of helm
  // keep it busy, more only take memory (a 300-chart lint analysed every chart while helm rendered the first ones).
  const inFlight = createLimiter(Math.max(4, concurrency * CHARTS_IN_FLIGHT_PER_SLOT));
  // helm is found before the charts are read: values files are read the way its major version reads them
  const helmMajor = changes.length > 0 ? (await policy.helm(spaces.head)).helm?.major : undefined;
  const loading = { cache, parsedYaml: parsedYamlMemo() };
  // the run's compiled values.schema.json validators, shared by every chart's rules
  const chartSchemas = new ChartSchemas();
  return Promise.all(
    changes.map((change) =>
      inFlight(() => {
        writeAhead(change, spaces, policy);
        return analyse(() => analyseChart(change, spaces.base, spaces.head, helmMajor, loading, ofShard(change)))
          .then((analyses) => rendersAndProof(withReadiness(analyses, spaces.readiness), spaces.head, policy))
          .then(async (analyses) => {
            await librariesFor(analyses);
            const report = buildChartReport(analyses, chartFindings(rules, analyses, chartSchemas));
            // the report holds the findings and the rendered diff: of the renders, only the runbook's view stays
            keepRunbookView(withoutUnneededManifests(analyses).map(({ context }) => context.renders));
            return { analyses, report };
          });
      }),
    ),
  );
}

/**
 * The libraries a chart's rules and report use that are loaded on first need (runtime/libraries.ts): the diff library
 * for its rendered diff, ajv and re2js when it has a values.schema.json. Loaded here, after its renders, while helm renders
 * the next charts.
 */
async function librariesFor(analyses: readonly ChartAnalysis[]): Promise<void> {
  const { base, head } = analyses[0]?.context ?? {};
  const schema = base?.schema !== undefined || head?.schema !== undefined;
  await Promise.all([loadDiff(), schema ? loadSchemaValidator() : undefined]);
}

/**
 * Starts writing the chart folder helm will render while the chart is read and analysed (render/chart-folders.ts):
 * the head's; the base's too when there is no render cache (with one, a pull request's base renders are usually
 * stored already, and a hit needs no folder).
 */
function writeAhead(change: ChartChange, spaces: Workspaces, policy: RenderPolicy): void {
  if (!policy.renders(spaces.head)) return;
  // (an unchanged chart of a lint with a cache: its render is most likely stored)
  if (change.head && (change.change !== 'unchanged' || !policy.cache))
    policy.folders.ahead(spaces.head.snapshot, change.head.dir);
  if (change.base && change.change !== 'added' && !policy.cache)
    policy.folders.ahead(spaces.base.snapshot, change.base.dir);
}
