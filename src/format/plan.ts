// The upgrade runbook (`--format plan`, the Action's plan-path): per environment, the changed charts in upgrade
// order, each with what to run before `helm upgrade`, the upgrade, and what to run after. Shell blocks hold one
// command per line and no prompt, so a block can be copied into a terminal as it is. Built only from
// ChartReport.upgradeActions (src/core/runbook/upgrade-plan.ts), the same model the JSON report carries.
import type { ChartReport, Report, UpgradeActions, UpgradeStep } from '../core/report/report.js';
import { versionChange } from './describe.js';
import { codeFence, codeSpan, escapeInline, escapeMessage } from './escape.js';

const PHASE_TITLE: Record<UpgradeStep['phase'], string> = {
  before: 'Before the upgrade',
  upgrade: 'The upgrade',
  after: 'After the upgrade',
};

interface Entry {
  chart: ChartReport;
  actions: UpgradeActions;
}

/** Environments in the order the report first names them (undefined: the implicit one). */
function environments(report: Report): (string | undefined)[] {
  const seen: (string | undefined)[] = [];
  for (const chart of report.charts) {
    for (const actions of chart.upgradeActions ?? [])
      if (!seen.includes(actions.environment)) seen.push(actions.environment);
  }
  return seen;
}

export function renderPlan(report: Report): string {
  const lines: string[] = [`# Upgrade runbook`, '', contextLine(report), ''];
  const envs = environments(report);
  if (envs.length === 0) {
    lines.push('No changed charts: nothing to upgrade.', '');
    return lines.join('\n');
  }
  if (report.verdict === 'fail') {
    lines.push(
      `> **The review failed** (${report.summary.errors} error(s), ${report.summary.warnings} warning(s)): fix or accept the blocking findings before running this.`,
      '',
    );
  }
  for (const environment of envs) {
    if (environment !== undefined) lines.push(`## Environment ${escapeInline(environment)}`, '');
    const entries: Entry[] = report.charts
      .flatMap((chart) =>
        (chart.upgradeActions ?? [])
          .filter((a) => a.environment === environment)
          .map((actions) => ({ chart, actions })),
      )
      .sort((a, b) => a.actions.order - b.actions.order);
    for (const entry of entries) lines.push(...chartLines(entry, environment !== undefined));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function contextLine(report: Report): string {
  const side = (s: { ref: string; sha: string | null }) =>
    codeSpan(s.sha && !s.sha.startsWith(s.ref) ? `${s.ref} (${s.sha.slice(0, 7)})` : (s.sha?.slice(0, 7) ?? s.ref));
  const from = report.base ? `${side(report.base)} → ` : '';
  return `${from}${side(report.head)} · lockfile ${codeSpan(report.lockfile)} · verdict: ${report.verdict}`;
}

function chartLines({ chart, actions }: Entry, nested: boolean): string[] {
  const heading = nested ? '###' : '##';
  const version = versionChange(chart);
  const title = `${actions.order}. ${escapeInline(chart.name)}${version ? ` ${escapeInline(version)}` : ''}`;
  const onlyUpgrade = actions.steps.every((s) => s.phase === 'upgrade');
  if (onlyUpgrade) {
    // nothing before or after: one line
    return [`${heading} ${title}: nothing before or after: ${codeSpan(actions.upgrade)}`, ''];
  }
  const lines = [`${heading} ${title}${actions.reinstall ? ' · needs reinstall' : ''}`, ''];
  const facts = [`release ${codeSpan(actions.release)} in namespace ${codeSpan(actions.namespace)}`];
  if (actions.dependsOn.length)
    facts.push(`after ${actions.dependsOn.map((d) => codeSpan(d)).join(', ')} (uses its CRDs)`);
  lines.push(`${facts.join(' · ')}`, '');
  for (const backup of actions.backups) lines.push(`> **Backup:** ${escapeMessage(backup.note)}`, '');
  for (const phase of ['before', 'upgrade', 'after'] as const) {
    const steps = actions.steps.filter((s) => s.phase === phase);
    if (steps.length === 0) continue;
    lines.push(`**${PHASE_TITLE[phase]}**`, '');
    steps.forEach((step, i) => {
      lines.push(`${i + 1}. ${escapeMessage(step.description)}`, '');
      if (step.commands.length) lines.push(indent(codeFence(step.commands.join('\n'), 'sh')), '');
    });
  }
  return lines;
}

/** A fenced block inside a list item (3 spaces: the item's content column). */
function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
