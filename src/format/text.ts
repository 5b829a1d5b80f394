// The report for a terminal: grouped by chart, one "file:line: severity: message" line per finding (the compiler
// shape editors and terminals turn into links), details indented below it, and a summary line at the end.
import { cellText, fleetMatrix } from '../core/report/fleet-verdict.js';
import type { ChartReport, Finding, Report, Severity } from '../core/report/report.js';
import { isPreexisting, sortFindings } from '../core/report/report.js';
import {
  AWAITING_APPROVAL,
  changeClass,
  chartLabel,
  chartsCounted,
  countOf,
  describeResource,
  describeValue,
  findingPlace,
  hasChange,
  placeText,
  severityCountsText,
  shownCharts,
  versionChange,
} from './describe.js';
import { stripControl } from './escape.js';
import { kubernetesText } from './kubernetes.js';
import { readinessTextLines } from './text-readiness.js';

export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, NO_COLOR, FORCE_COLOR). */
  color: boolean;
}

const STYLE = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
} as const;
const RESET = '\u001b[0m';

const SEVERITY_STYLE: Record<Severity, string> = {
  error: STYLE.bold + STYLE.red,
  warning: STYLE.yellow,
  notice: STYLE.cyan,
};

const INDENT = '    ';
/** A code span of a finding message (core/report/message.ts code()): a backtick run, content, the same run. */
const CODE_SPAN = /(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: string, text: string) => (options.color ? `${style}${text}${RESET}` : text);
  // Chart content may hold escape sequences; only our own styling reaches the terminal. One-line fields stay on
  // one line; messages and remedies keep their lines, indented.
  const clean = (text: string) => stripControl(text).replace(/\n+/g, ' ');
  const cleanLines = (text: string) => stripControl(text).split('\n');
  // A value a rule quotes as code (a key, a path from the pull request) stays on its line, as in the Markdown
  // formats: a line break inside it would print the rest at the start of a line of its own.
  const messageLines = (text: string) =>
    cleanLines(stripControl(text).replace(CODE_SPAN, (span) => span.replace(/\n/g, ' ')));
  const lines: string[] = [];

  const findingLines = (finding: Finding, chart?: ChartReport) => {
    const place = findingPlace(finding, report, chart);
    const [first, ...rest] = messageLines(finding.message);
    const prefix = place ? `${clean(placeText(place))}: ` : '';
    const level = finding.accepted
      ? paint(STYLE.dim, `accepted ${finding.severity}`)
      : paint(SEVERITY_STYLE[finding.severity], finding.severity);
    // the environments it holds in, after the severity: "error (aws, gcp): ..."
    const where = finding.environments?.length ? ` (${clean(finding.environments.join(', '))})` : '';
    lines.push(`${prefix}${level}${where}: ${first} ${paint(STYLE.dim, `[${finding.rule}]`)}`);
    if (finding.accepted) {
      const { reason, expires, file, line } = finding.accepted;
      lines.push(`${INDENT}accepted until ${clean(expires)} (${clean(file)}:${line}): ${clean(reason)}`);
    }
    if (finding.awaitingApproval) {
      const { file, line } = finding.awaitingApproval;
      lines.push(`${INDENT}accepted here, awaiting approval (${clean(file)}:${line}): ${AWAITING_APPROVAL}`);
    }
    for (const line of rest) lines.push(`${INDENT}${line}`);
    if (finding.resource) lines.push(`${INDENT}resource: ${clean(describeResource(finding.resource))}`);
    if (finding.path) lines.push(`${INDENT}${finding.resource ? 'field' : 'key'}: ${clean(finding.path)}`);
    if (hasChange(finding)) {
      lines.push(`${INDENT}change: ${clean(describeValue(finding.before))} → ${clean(describeValue(finding.after))}`);
    }
    if (finding.remedy) {
      const [head, ...more] = cleanLines(finding.remedy);
      lines.push(`${INDENT}remedy: ${head}`);
      for (const line of more) lines.push(`${INDENT}  ${line}`);
    }
  };

  const charts = shownCharts(report);
  const quiet = report.mode === 'lint' ? charts.filter((c) => c.findings.length === 0) : [];
  for (const chart of charts) {
    if (quiet.includes(chart)) continue;
    const version = versionChange(chart);
    const kind = report.mode === 'lint' ? '' : ` (${changeClass(chart)})`;
    const reinstall = chart.needsReinstall ? ` · ${paint(STYLE.bold + STYLE.red, 'needs reinstall')}` : '';
    lines.push(`${paint(STYLE.bold, clean(chart.name))}${version ? ` ${clean(version)}` : ''}${kind}${reinstall}`);
    const own = chart.findings.filter((f) => !isPreexisting(f));
    if (own.length === 0)
      lines.push(
        paint(STYLE.dim, `${INDENT}no findings${own.length < chart.findings.length ? ' of this change' : ''}`),
      );
    for (const finding of byAcceptance(own)) findingLines(finding, chart);
    lines.push('');
  }
  // When every chart is clean the closing line already says so.
  if (quiet.length > 0 && quiet.length < charts.length) {
    lines.push(paint(STYLE.dim, `${countOf(quiet.length, 'other chart')}: no findings`), '');
  }
  if (report.findings.length > 0) {
    lines.push(paint(STYLE.bold, 'lockfile and configuration'));
    for (const finding of byAcceptance(report.findings)) findingLines(finding);
    lines.push('');
  }
  // findings that held on the base too: listed apart, they do not fail the review (unless --fail-on-existing)
  const old = charts.flatMap((chart) => chart.findings.filter(isPreexisting).map((f) => ({ f, chart })));
  if (old.length > 0) {
    lines.push(paint(STYLE.bold, `already there before this change (${old.length})`));
    for (const { f, chart } of old) findingLines({ ...f, message: `${chart.name}: ${f.message}` }, chart);
    lines.push('');
  }
  for (const diagnostic of report.diagnostics ?? []) lines.push(paint(STYLE.dim, `note: ${clean(diagnostic)}`));
  if (report.diagnostics?.length) lines.push('');

  lines.push(...fleetLines(report, clean, paint));
  lines.push(...readinessTextLines(report, clean));
  const reinstall = charts.filter((c) => c.needsReinstall).map((c) => clean(c.name));
  if (reinstall.length > 0) lines.push(`${paint(STYLE.bold + STYLE.red, 'needs reinstall')}: ${reinstall.join(', ')}`);
  // each environment's target, above the closing line: which versions the API checks ran against where
  const kubernetes = report.kubernetes && kubernetesText(report);
  if (kubernetes) lines.push(paint(STYLE.dim, `Kubernetes ${clean(kubernetes)}`));
  lines.push(summaryLine(report, charts, paint));
  return `${lines.join('\n')}\n`;
}

/** Findings that count first, accepted ones after them. */
function byAcceptance(findings: Finding[]): Finding[] {
  return [...sortFindings(findings.filter((f) => !f.accepted)), ...sortFindings(findings.filter((f) => f.accepted))];
}

/** The fleet verdict of a review: one row per changed chart, one column per environment, columns aligned. */
function fleetLines(
  report: Report,
  clean: (text: string) => string,
  paint: (style: string, text: string) => string,
): string[] {
  if (report.mode !== 'review') return [];
  const matrix = fleetMatrix(report);
  if (matrix.rows.length === 0) return [];
  const table = [
    ['chart', ...matrix.environments.map((env) => (env === undefined ? 'verdict' : clean(env)))],
    ...matrix.rows.map((row) => [
      clean(chartLabel({ name: row.chart, dir: row.dir }, report)),
      ...row.cells.map(cellText),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [paint(STYLE.bold, 'fleet verdict'), ...table.map((row) => `${INDENT}${line(row)}`), ''];
}

function summaryLine(report: Report, charts: ChartReport[], paint: (style: string, text: string) => string): string {
  const counts = severityCountsText({
    error: report.summary.errors,
    warning: report.summary.warnings,
    notice: report.summary.notices,
  });
  const scope = chartsCounted(report, charts);
  const accepted = report.summary.accepted ? `, ${report.summary.accepted} accepted` : '';
  const old = report.summary.preexisting;
  const oldCount = old ? old.errors + old.warnings + old.notices : 0;
  const already = oldCount ? ` · ${countOf(oldCount, 'finding')} already there` : '';
  const what = `${counts || 'no findings'}${accepted} in ${scope}${already}`;
  const title = report.mode === 'lint' ? 'chart-guard lint' : 'chart-guard';
  const verdict = {
    fail: paint(STYLE.bold + STYLE.red, '✖ fail'),
    warn: paint(STYLE.bold + STYLE.yellow, '⚠ warn'),
    pass: paint(STYLE.bold + STYLE.green, '✔ pass'),
  }[report.verdict];
  return `${title}: ${verdict} · ${what}`;
}
