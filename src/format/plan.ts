// The upgrade runbook (`--format plan`, the Action's plan-path): per environment, the changed charts in upgrade
// order, each with what to run before `helm upgrade`, the upgrade, and what to run after. Shell blocks hold one
// command per line and no prompt, so a block can be copied into a terminal as it is. Built only from
// ChartReport.upgradeActions (src/core/runbook/upgrade-plan.ts), the same model the JSON report carries. Templated
// override files are passed as rendered copies in the plan folder (plan-files.ts writes them): the commands name
// them under `planDir` (--plan-dir, else the default folder, relative to the repository root).
import { byRing } from '../core/report/readiness.js';
import type { ChartReport, Report, UpgradeActions, UpgradeStep } from '../core/report/report.js';
import { shellWord } from '../core/rules/analysis/crds.js';
import { ruleHooks } from '../core/rules/index.js';
import { DEFAULT_PLAN_DIR, planFilePath } from '../core/runbook/rendered-files.js';
import { versionChange } from './describe.js';
import { codeFence, codeSpan, escapeInline, escapeMessage } from './escape.js';
import { readinessPlanLines } from './plan-readiness.js';

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

export interface PlanOptions {
  /** The folder the rendered override files are written to (--plan-dir), as the commands should name it. */
  planDir?: string;
}

export function renderPlan(report: Report, options: PlanOptions = {}): string {
  const lines: string[] = [`# Upgrade runbook`, '', contextLine(report), ''];
  // rollout order: by ring (core/report/readiness.ts); a raise's cluster upgrade comes first
  const envs = environments(report).sort(byRing(report));
  lines.push(...nowhereLines(report));
  lines.push(...readinessPlanLines(report));
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
  const rendered = report.charts.some((chart) => chart.upgradeActions?.some((a) => a.renderedFiles?.length));
  if (rendered) {
    const dir = options.planDir ?? DEFAULT_PLAN_DIR;
    lines.push(
      `Templated override files are passed as copies rendered with each environment's template context, in ${codeSpan(`${dir}/`)}${options.planDir ? '' : ' (write them with --plan-dir)'}. Run the commands from the repository root.`,
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
    for (const entry of entries)
      lines.push(...chartLines(withPlanDir(entry, options.planDir), environment !== undefined));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function contextLine(report: Report): string {
  const side = (s: { ref: string; sha: string | null }) =>
    codeSpan(s.sha && !s.sha.startsWith(s.ref) ? `${s.ref} (${s.sha.slice(0, 7)})` : (s.sha?.slice(0, 7) ?? s.ref));
  const from = report.base ? `${side(report.base)} → ` : '';
  return `${from}${side(report.head)} · lockfile ${codeSpan(report.lockfile)} · verdict: ${report.verdict}`;
}

/** Charts of the lockfile that no environment deploys (their rule's runbook hook says so): a notice, never an install. */
function nowhereLines(report: Report): string[] {
  return report.findings
    .filter((finding) => ruleHooks(finding.rule).runbook?.includes('not-deployed'))
    .flatMap((finding) => [`> **Not installed:** ${escapeMessage(finding.message)} Nothing to install.`, '']);
}

/** The entry with its commands naming the rendered files in `planDir` instead of the default folder. */
function withPlanDir(entry: Entry, planDir: string | undefined): Entry {
  const files = entry.actions.renderedFiles ?? [];
  if (!planDir || files.length === 0) return entry;
  const moved = (command: string) =>
    files.reduce(
      (text, file) =>
        text
          .split(` -f ${shellWord(planFilePath(file))}`)
          .join(` -f ${shellWord(`${planDir.replace(/\/+$/, '')}/${file.path}`)}`),
      command,
    );
  const actions = {
    ...entry.actions,
    upgrade: moved(entry.actions.upgrade),
    steps: entry.actions.steps.map((s) => ({ ...s, commands: s.commands.map(moved) })),
  };
  return { ...entry, actions };
}

function chartLines({ chart, actions }: Entry, nested: boolean): string[] {
  const heading = nested ? '###' : '##';
  const version = versionChange(chart);
  const title = `${actions.order}. ${escapeInline(chart.name)}${version ? ` ${escapeInline(version)}` : ''}`;
  const onlyUpgrade = actions.steps.every((s) => s.phase === 'upgrade');
  if (onlyUpgrade && !actions.releaseFilter && !actions.upgrade.includes('\n')) {
    // nothing before or after: one line
    return [`${heading} ${title}: nothing before or after: ${codeSpan(actions.upgrade)}`, ''];
  }
  const blocked = actions.steps.some((s) => s.blocking);
  const lines = [
    `${heading} ${title}${blocked ? ' · **blocked**' : ''}${actions.reinstall ? ' · needs reinstall' : ''}`,
    '',
  ];
  const facts = [
    actions.releaseFilter
      ? `every release ${codeSpan(`helm list --all-namespaces --filter ${shellWord(actions.releaseFilter)}`)} lists, each in its namespace`
      : `release ${codeSpan(actions.release)} in namespace ${codeSpan(actions.namespace)}`,
  ];
  if (actions.dependsOn.length)
    facts.push(`after ${actions.dependsOn.map((d) => codeSpan(d)).join(', ')} (uses its CRDs)`);
  lines.push(`${facts.join(' · ')}`, '');
  for (const backup of actions.backups) lines.push(`> **Backup:** ${escapeMessage(backup.note)}`, '');
  for (const phase of ['before', 'upgrade', 'after'] as const) {
    const steps = actions.steps.filter((s) => s.phase === phase);
    if (steps.length === 0) continue;
    lines.push(`**${PHASE_TITLE[phase]}**`, '');
    steps.forEach((step, i) => {
      lines.push(`${i + 1}. ${step.blocking ? '**Blocking.** ' : ''}${escapeMessage(step.description)}`, '');
      if (step.commands.length) lines.push(indent(codeFence(step.commands.join('\n'), 'sh')), '');
    });
  }
  return lines;
}

/** A fenced block inside a list item (3 spaces: the item's content column); plan-readiness.ts uses it too. */
export function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
