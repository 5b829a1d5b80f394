// The readiness table the Markdown report opens with when a change raises an environment's Kubernetes (or the run is
// `lint --kube-version`): the rollout by ring with each environment's status, then per raised environment one row
// per blocker (chart, blocker, fix) and the commands to run before the cluster upgrade. Built from
// core/report/readiness.ts, which the runbook (`--format plan`) shares.
import { type ReadinessStage, readinessView, stageName, stageStatus } from '../core/report/readiness.js';
import type { FailOn, Report } from '../core/report/report.js';
import { ruleHooks } from '../core/rules/index.js';
import type { Block } from './budget.js';
import { codeSpan, escapeCell, escapeInline, escapeMessage } from './escape.js';
import { CORE, ICON, keep } from './markdown-blocks.js';

const ICON_OF: Record<ReadinessStage['status'], string> = {
  ready: '✅ ',
  blocked: '❌ ',
  waiting: '⏸️ ',
  unchanged: '',
};

export function readinessBlocks(report: Report, failOn: FailOn | undefined): Block[] {
  const view = readinessView(report, ruleHooks, failOn);
  if (!view?.stages.some((stage) => stage.to !== undefined)) return [];
  const blocks: Block[] = [
    keep(
      `### Kubernetes readiness\n\n| environment | Kubernetes | status |\n| --- | --- | --- |\n${view.stages
        .map((stage) => `| ${escapeCell(stageName(stage))} | ${versions(stage)} | ${statusText(stage)} |`)
        .join('\n')}\n\n`,
    ),
  ];
  if (view.stages.some((stage) => stage.ring !== undefined)) {
    blocks.push(
      keep(
        `Rollout by ring, lowest first; each ring runs the new version ${view.soakDays} day(s) before the next is upgraded.\n\n`,
      ),
    );
  }
  for (const stage of view.stages.filter((s) => s.to !== undefined)) {
    blocks.push(keep(`#### ${escapeInline(stageName(stage))}: ${versions(stage)}\n\n`));
    if (stage.rows.length === 0) {
      blocks.push(keep('No chart blocks the upgrade.\n\n'));
    } else {
      blocks.push(keep('| chart | blocker | fix |\n| --- | --- | --- |\n'));
      for (const row of stage.rows) {
        const icon = row.accepted ? '☑️' : ICON[row.severity];
        blocks.push({
          text: `| ${escapeCell(row.chart)} | ${icon} ${codeSpan(row.rule, 'cell')} ${escapeMessage(row.blocker, 'cell')} | ${escapeMessage(row.fix ?? '', 'cell')} |\n`,
          drop: CORE,
          leftOut: { kind: 'rows', count: 1 },
        });
      }
      blocks.push(keep('\n'));
    }
    if (stage.beforeClusterUpgrade.length) {
      const commands = stage.beforeClusterUpgrade.map((command) => `- ${codeSpan(command)}`).join('\n');
      blocks.push(
        keep(
          `**Before the cluster upgrade** (helm-mapkubeapis plugin), rewrite the releases that store removed APIs:\n\n${commands}\n\n`,
        ),
      );
    }
  }
  return blocks;
}

function versions(stage: ReadinessStage): string {
  return stage.to !== undefined ? `${escapeCell(stage.from ?? '?')} → ${escapeCell(stage.to)}` : 'unchanged';
}

function statusText(stage: ReadinessStage): string {
  return `${ICON_OF[stage.status]}${stageStatus(stage)}`;
}
