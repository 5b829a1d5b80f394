// The readiness of a Kubernetes upgrade in the terminal (`chart-guard review`, `lint --kube-version`): one line per
// environment in ring order with its status, and the commands to run before each raised environment's cluster
// upgrade. The blockers themselves are the charts' findings, listed above it.
import { readinessView, stageName, stageStatus } from '../core/report/readiness.js';
import type { Report } from '../core/report/report.js';
import { ruleHooks } from '../core/rules/index.js';

export function readinessTextLines(report: Report, clean: (text: string) => string): string[] {
  const view = readinessView(report, ruleHooks);
  if (!view?.stages.some((stage) => stage.to !== undefined)) return [];
  const lines = ['Kubernetes readiness'];
  for (const stage of view.stages) {
    const versions = stage.to !== undefined ? `${stage.from ?? '?'} → ${stage.to}` : 'unchanged';
    lines.push(`    ${clean(stageName(stage))}: ${clean(versions)}, ${stageStatus(stage)}`);
    for (const command of stage.beforeClusterUpgrade) {
      lines.push(`        before the cluster upgrade: ${clean(command)}`);
    }
  }
  if (view.stages.some((stage) => stage.ring !== undefined)) {
    lines.push(`    each ring runs the new version ${view.soakDays} day(s) before the next is upgraded`);
  }
  return [...lines, ''];
}
