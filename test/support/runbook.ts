// A chart context's findings and upgrade runbook, as a review plans them for one bumped chart (1.0.0 -> 2.0.0);
// given the findings, the runbook alone (of renders the rules no longer see).
import type { ChartReport, Finding, UpgradeActions } from '../../src/core/report/report.js';
import { ruleHooks, rulesFor } from '../../src/core/rules/index.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { runChartRules } from '../../src/core/rules/run.js';
import { withUpgradeActions } from '../../src/core/runbook/upgrade-plan.js';

export function plannedBump(
  ctx: ChartContext,
  findings: Finding[] = runChartRules(rulesFor('review').chart, ctx).findings,
): { actions: UpgradeActions; findings: Finding[] } {
  const chart: ChartReport = {
    name: ctx.change.name,
    dir: ctx.change.dir,
    change: 'bumped',
    from: '1.0.0',
    to: '2.0.0',
    semverChange: 'major',
    overrideFiles: [],
    render: { status: 'ok' },
    valuesDiff: { added: [], removed: [], changed: [] },
    findings,
    needsReinstall: findings.some((f) => f.needsReinstall),
  };
  const [planned] = withUpgradeActions([chart], [[{ context: ctx }]], { hooks: ruleHooks });
  return { actions: planned.upgradeActions![0], findings };
}
