// The runbook's Kubernetes upgrade (`--format plan`), when the change raises an environment's Kubernetes: the
// environments in rollout order (by ring), the soak between rings, whether each may go, and what to run before its
// cluster upgrade (helm mapkubeapis for the releases that store an API the new version removes). From
// core/report/readiness.ts, like the Markdown readiness table.

import { readinessView, stageName, stageStatus } from '../core/report/readiness.js';
import type { Report } from '../core/report/report.js';
import { ruleHooks } from '../core/rules/index.js';
import { MAPKUBEAPIS_PLUGIN } from '../core/rules/release-api-removed.js';
import { codeFence, codeSpan, escapeInline } from './escape.js';

export function readinessPlanLines(report: Report): string[] {
  const view = readinessView(report, ruleHooks);
  if (!view?.stages.some((stage) => stage.to !== undefined)) return [];
  const lines = ['## Kubernetes upgrade', ''];
  const ringed = view.stages.some((stage) => stage.ring !== undefined);
  if (ringed) {
    lines.push(
      `Ring by ring, lowest first: each ring runs the new version ${view.soakDays} day(s) before the next ring is upgraded.`,
      '',
    );
  }
  let step = 0;
  let previousRing: number | undefined;
  for (const stage of view.stages) {
    if (ringed && previousRing !== undefined && stage.ring !== undefined && stage.ring !== previousRing) {
      lines.push(`${++step}. Soak: ${view.soakDays} day(s) on the new version before the next ring.`, '');
    }
    if (stage.ring !== undefined) previousRing = stage.ring;
    const name = escapeInline(stageName(stage));
    if (stage.to === undefined) {
      const held = stage.status === 'waiting' ? ` Blocked until ring ${stage.blockedBy} passes.` : '';
      lines.push(`${++step}. ${name}: not upgraded by this change.${held}`, '');
      continue;
    }
    lines.push(
      `${++step}. ${name}: Kubernetes ${escapeInline(stage.from ?? '?')} → ${escapeInline(stage.to)} (${stageStatus(stage)}).`,
      '',
    );
    if (stage.beforeClusterUpgrade.length) {
      lines.push(
        `   Before the cluster upgrade, rewrite the stored manifests of the releases that use removed APIs (plugin helm-mapkubeapis: ${codeSpan(MAPKUBEAPIS_PLUGIN)}):`,
        '',
        indent(codeFence(stage.beforeClusterUpgrade.join('\n'), 'sh')),
        '',
      );
    }
    lines.push(`   Then upgrade the clusters of ${name} to ${escapeInline(stage.to)}.`, '');
  }
  return lines;
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
