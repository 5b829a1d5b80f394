// The top and bottom of the Markdown report: the verdict line, what was compared, the chart table, findings already
// there on the base, and the fleet verdict that closes it.
import { type CellStatus, cellText, fleetMatrix } from '../core/report/fleet-verdict.js';
import type { ChartReport, FailOn, Finding, Report, Severity } from '../core/report/report.js';
import { allFindings, isPreexisting, sortFindings } from '../core/report/report.js';
import type { Block } from './budget.js';
import {
  changeClass,
  chartLabel,
  chartsCounted,
  countBySeverity,
  countOf,
  groupThousands,
  SEVERITIES,
  shownCharts,
  versionChange,
} from './describe.js';
import { codeSpan, escapeCell, escapeHtmlText, escapeInline } from './escape.js';
import { kubernetesText } from './kubernetes.js';
import { CORE, DETAILS_CLEAN, detailsElement, ICON, keep, safeUrl, VERDICT_ICON } from './markdown-blocks.js';
import { compactItem } from './markdown-findings.js';

export const REINSTALL_NAMED = 5;

const CELL_ICON: Record<CellStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  'needs-reinstall': '🔁',
  'not-run': '',
};

/**
 * The fleet verdict, last: one row per changed chart, one column per environment (one column without
 * environments), each cell what rolling the chart out there takes; rows go from the end when space runs out.
 */
export function fleetBlocks(report: Report, failOn: FailOn | undefined): Block[] {
  if (report.mode !== 'review') return [];
  const matrix = fleetMatrix(report, failOn);
  if (matrix.rows.length === 0) return [];
  const ring = (env: string) => report.readiness?.environments.find((e) => e.name === env)?.ring;
  const columns = matrix.environments.map((env) =>
    env === undefined ? 'verdict' : escapeCell(ring(env) === undefined ? env : `${env} (ring ${ring(env)})`),
  );
  const blocks: Block[] = [
    keep(`#### Fleet verdict\n\n| chart | ${columns.join(' | ')} |\n| --- |${' --- |'.repeat(columns.length)}\n`),
  ];
  for (const row of matrix.rows) {
    // empty where the chart does not run
    const cells = row.cells.map((cell) =>
      cell.status === 'not-run' ? '' : `${CELL_ICON[cell.status]} ${escapeCell(cellText(cell))}`,
    );
    blocks.push({
      text: `| ${escapeCell(chartLabel({ name: row.chart, dir: row.dir }, report))} | ${cells.join(' | ')} |\n`,
      drop: CORE,
      leftOut: { kind: 'rows', count: 1 },
    });
  }
  blocks.push(keep('\n'));
  return blocks;
}

/** The report as the change made it: findings that already held on the base taken out (counts stay). */
export function withoutPreexisting(report: Report): Report {
  const keepNew = (findings: Finding[]) => findings.filter((f) => !isPreexisting(f));
  return {
    ...report,
    findings: keepNew(report.findings),
    charts: report.charts.map((chart) => ({ ...chart, findings: keepNew(chart.findings) })),
  };
}

/** One collapsed list of the findings that already held on the base: shown, but not the change's doing. */
export function preexistingSection(report: Report): Block | undefined {
  const old = sortFindings(allFindings(report).filter(isPreexisting));
  if (old.length === 0) return undefined;
  const items = old.map((finding) => {
    const chart = report.charts.find((c) => c.name === finding.chart);
    const owner = finding.chart ? `**${escapeInline(finding.chart)}**: ` : '';
    return compactItem(report, finding, chart).replace(/^- /, `- ${owner}`);
  });
  const effect = report.failOnExisting ? 'counted in the verdict: fail-on-existing' : 'not failing this review';
  const label = `${countOf(old.length, 'finding')} already there before this change (${effect})`;
  return {
    text: detailsElement(escapeHtmlText(label), items.join('\n')),
    drop: DETAILS_CLEAN,
    leftOut: { kind: 'details', count: 1 },
  };
}

export function footer(report: Report, runUrl?: string): string {
  const run = runUrl ? ` · [workflow run](${safeUrl(runUrl)})` : '';
  return `<sub>${escapeInline(`chart-guard ${report.tool.version}`)}${run}</sub>\n`;
}

function title(report: Report): string {
  return report.mode === 'lint' ? 'chart-guard lint' : 'chart-guard';
}

/** "### ❌ chart-guard: 2 blocking problems in 1 of 3 charts, 1 warning". */
export function verdictLine(report: Report, charts: ChartReport[] = shownCharts(report)): string {
  const { errors, warnings, notices } = report.summary;
  const failing = report.verdict === 'fail';
  const scope = (severity: Severity): string => {
    const inCharts = charts.filter((c) => c.findings.some((f) => f.severity === severity && !f.accepted)).length;
    const inRepository = report.findings.some((f) => f.severity === severity && !f.accepted);
    const places = [
      inCharts > 0 ? `${groupThousands(inCharts)} of ${countOf(charts.length, 'chart')}` : '',
      inRepository ? 'the repository' : '',
    ].filter(Boolean);
    return places.length > 0 ? ` in ${places.join(' and ')}` : '';
  };
  let text: string;
  if (errors > 0) {
    text = `${countOf(errors, failing ? 'blocking problem' : 'error')}${scope('error')}`;
    if (warnings > 0) text += `, ${countOf(warnings, 'warning')}`;
  } else if (warnings > 0) {
    text = `${countOf(warnings, failing ? 'blocking warning' : 'warning')}${scope('warning')}`;
  } else if (charts.length === 0) {
    text = report.mode === 'lint' ? 'no charts in the lockfile' : 'no chart changes';
  } else {
    text = `no problems in ${chartsCounted(report, charts)}`;
  }
  if (notices > 0) text += ` · ${countOf(notices, 'notice')}`;
  const accepted = report.summary.accepted ?? 0;
  if (accepted > 0) text += ` · ${groupThousands(accepted)} accepted`;
  return `### ${VERDICT_ICON[report.verdict]} ${title(report)}: ${text}`;
}

/** "`main` (`1a2b3c4`)", or just "`1a2b3c4`" when the ref is the sha itself. */
function refText(side: { ref: string; sha: string | null }): string {
  if (side.sha?.startsWith(side.ref)) return codeSpan(side.sha.slice(0, 7));
  return `${codeSpan(side.ref)}${side.sha ? ` (${codeSpan(side.sha.slice(0, 7))})` : ''}`;
}

export function contextLine(report: Report): string {
  const parts =
    report.mode === 'review' && report.base
      ? [`Compared ${refText(report.base)} → ${refText(report.head)}`]
      : [`Checked ${refText(report.head)}`];
  parts.push(`lockfile ${codeSpan(report.lockfile)}`);
  const kubernetes = kubernetesText(report);
  if (kubernetes) parts.push(`Kubernetes ${escapeInline(kubernetes)}`);
  return parts.join(' · ');
}

function countsCell(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${ICON[s]} ${counts[s]}`);
  const accepted = findings.filter((f) => f.accepted).length;
  if (accepted > 0) parts.push(`${accepted} accepted`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function chartTable(report: Report, charts: ChartReport[]): Block[] {
  const lint = report.mode === 'lint';
  // A lint of a whole lockfile lists only the charts with something to say.
  const rows = lint ? charts.filter((c) => c.findings.length > 0) : charts;
  if (rows.length === 0) return [];
  const header = lint
    ? '| chart | version | findings |\n| --- | --- | --- |\n'
    : '| chart | from → to | class | findings | reinstall? |\n| --- | --- | --- | --- | --- |\n';
  const blocks: Block[] = [keep(header)];
  for (const chart of rows) {
    const cells = lint
      ? [
          `**${escapeCell(chartLabel(chart, report))}**`,
          escapeCell(chart.to ?? chart.from ?? ''),
          countsCell(chart.findings),
        ]
      : [
          `**${escapeCell(chartLabel(chart, report))}**`,
          escapeCell(versionChange(chart)),
          escapeCell(changeClass(chart)),
          countsCell(chart.findings),
          chart.needsReinstall ? '**yes**' : '—',
        ];
    blocks.push({ text: `| ${cells.join(' | ')} |\n`, drop: CORE, leftOut: { kind: 'rows', count: 1 } });
  }
  blocks.push(keep('\n'));
  if (lint && rows.length < charts.length) {
    blocks.push(
      keep(`${countOf(charts.length - rows.length, rows.length ? 'other chart' : 'chart')}: no findings.\n\n`),
    );
  }
  return blocks;
}
