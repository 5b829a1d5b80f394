// Steps that stop a chart's runbook until they are done: an intermediate version its upgrade notes require
// (rules/analysis/stepping-stones.ts), a templated override file helm cannot read and the review could not render.
import type { ChartInputs } from '../model/chart-context.js';
import type { ChartReport, UpgradeStep } from '../report/report.js';
import { steppingStones } from '../rules/analysis/stepping-stones.js';
import { step } from './object-commands.js';
import { unrenderedTemplates } from './rendered-files.js';

/** Steps that stop the runbook: an intermediate version the upgrade notes require, a template helm cannot read. */
export function blockingSteps(chart: ChartReport, context: ChartInputs): UpgradeStep[] {
  if (chart.change === 'removed') return [];
  const steps: UpgradeStep[] = [];
  const from = context.change.base?.version;
  const to = context.change.head?.version;
  for (const stone of from && to ? steppingStones(context.upgradeNotes ?? [], from, to) : []) {
    steps.push({
      ...step(
        'before',
        `Stop: ${context.change.name} ${from} → ${to} skips ${stone.version}, which its upgrade notes ("${stone.heading}") require first: “${stone.sentence}” Upgrade to ${stone.version} and run its runbook before this one.`,
        [],
      ),
      blocking: true,
    });
  }
  for (const file of unrenderedTemplates(context.overrides)) {
    const why = file.error
      ? file.error.message
      : 'the review had no template context for it (config templates.context)';
    steps.push({
      ...step(
        'before',
        `Stop: ${file.path} is a template helm cannot read, and it has no rendered copy (${why}): render it with your deploy code and pass the result in its place.`,
        [],
      ),
      blocking: true,
    });
  }
  return steps;
}
