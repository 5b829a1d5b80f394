// The report as GitHub Markdown: the sticky pull request comment (read in ten seconds: verdict, table, what blocks)
// and the job summary (the same layout with everything spelled out). Both are built as whole blocks so that the
// size limit (65,536 characters per comment, 1 MiB per job summary: docs/reference/github-limits.md) leaves out whole
// sections, never half a code fence or <details> element.
import { type CellStatus, cellText, fleetMatrix } from '../core/fleet-verdict.js';
import type { ChartReport, FailOn, Finding, Report, Severity } from '../core/report.js';
import { allFindings, isPreexisting, sortFindings } from '../core/report.js';
import { ruleHooks } from '../core/rules/index.js';
import { type Block, fitBlocks, type LeftOut, type LeftOutKind } from './budget.js';
import {
  AWAITING_APPROVAL,
  acceptedFindings,
  awaitingApprovalFindings,
  type ChangeLine,
  changeClass,
  changeLines,
  chartLabel,
  countBySeverity,
  countOf,
  describeResource,
  describeValue,
  findingPlace,
  findingsOf,
  groupThousands,
  hasChange,
  type Place,
  placeText,
  placeUrl,
  SEVERITIES,
  shownCharts,
  splitRemedy,
  versionChange,
} from './describe.js';
import { codeFence, codeSpan, escapeCell, escapeHtmlText, escapeInline, escapeMessage } from './escape.js';
import { quotedMarkdown } from './quote.js';
import { renderedDiffBlocks } from './rendered-diff.js';

export const COMMENT_MAX_CHARS = 65_536;
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export interface CommentOptions {
  /** Told apart from other chart-guard comments by it; a ready "<!-- ... -->" line is used as it is. */
  marker: string;
  maxChars?: number;
  /** The workflow run, whose job summary holds the full report. */
  runUrl?: string;
  /** The policy the verdict was made with: with `warning`, warnings block and are kept like errors. */
  failOn?: FailOn;
  /** `{server}/{repo}/blob/{sha}`: every file:line links to the file at the head commit; plain text without it. */
  linkBase?: string;
}

export interface SummaryOptions {
  maxBytes?: number;
  failOn?: FailOn;
  linkBase?: string;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const VERDICT_ICON: Record<Report['verdict'], string> = { fail: '❌', warn: '⚠️', pass: '✅' };

// Drop levels (see budget.ts): the higher, the sooner a block is left out.
const KEEP = 0;
const CORE = 1;
/** Warnings under fail-on: warning: left out one by one from the end, only after everything that does not block. */
const BLOCKING_WARNINGS = 2;
const REMEDY = 3;
const WARNINGS = 4;
const DETAILS_WITH_ERRORS = 5;
const DETAILS_CLEAN = 6;
/** Rendered diffs, left out before anything else, the largest first (each gets its own level from here up). */
const RENDERED_DIFFS = 7;

interface Profile {
  /** The job summary spells out warnings and notices like errors and keeps every remedy. */
  full: boolean;
  /** Remedies kept with the core; later ones go before any blocking finding does. */
  remediesKept: number;
  /** Drop level of warnings: BLOCKING_WARNINGS when they fail the run, else WARNINGS. */
  warningDrop: number;
  valuesDiffCap: number;
  /** Removed and added default keys listed by name (the rest counted). */
  keyListCap: number;
  upgradeNoteCap: number;
  /** Characters of one rendered diff shown in place; a longer one is named with its size. */
  renderedDiffCap: number;
  linkBase?: string;
}

/**
 * The marker every sticky comment for this lockfile starts with: the Action finds its comment by it, and a body the
 * CLI writes (the fork-safe workflow_run recipe) is found the same way. The lockfile keeps two chart-guard steps in
 * one job apart; "--" would end the HTML comment early, so it is collapsed.
 */
export function commentMarker(lockfile: string): string {
  return `<!-- chart-guard: ${lockfile.replace(/-{2,}/g, '-')} -->`;
}

/**
 * The hidden first line of the sticky comment. A marker that is already an HTML comment is kept as it is, so
 * the Action can find the comment with the same string; "--" would end the comment early, so it is collapsed.
 */
export function commentMarkerLine(marker: string): string {
  const trimmed = marker.trim();
  if (/^<!--[^\n]*-->$/.test(trimmed) && !trimmed.slice(4, -3).includes('--')) return trimmed;
  return `<!-- chart-guard:${trimmed.replace(/[\u0000-\u001F<>]/g, '').replace(/-{2,}/g, '-')} -->`;
}

/**
 * Whether warnings fail the run. The report does not record its fail-on policy; without one, a failing verdict with
 * no error can only come from warnings.
 */
function warningsBlock(report: Report, failOn: FailOn | undefined): boolean {
  if (failOn !== undefined) return failOn === 'warning';
  return report.verdict === 'fail' && report.summary.errors === 0;
}

export function renderComment(report: Report, options: CommentOptions): string {
  const profile: Profile = {
    full: false,
    remediesKept: 5,
    warningDrop: warningsBlock(report, options.failOn) ? BLOCKING_WARNINGS : WARNINGS,
    valuesDiffCap: 10,
    // the comment counts removed and added defaults and quotes a note's start; the job summary has them whole
    keyListCap: 0,
    upgradeNoteCap: 300,
    linkBase: options.linkBase,
    renderedDiffCap: 2500,
  };
  const limit = options.maxChars ?? COMMENT_MAX_CHARS;
  const blocks = [keep(`${commentMarkerLine(options.marker)}\n`), ...documentBlocks(report, profile, options.failOn)];
  const where = options.runUrl
    ? `the [job summary](${safeUrl(options.runUrl)}) of this run and the JSON report artifact`
    : 'the job summary of this run and the JSON report artifact';
  return fitBlocks(blocks, {
    limit,
    tail: footer(report, options.runUrl),
    measure: (text) => text.length,
    note: (leftOut) => leftOutNote(leftOut, `the ${groupThousands(limit)}-character comment limit`, where),
  });
}

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const profile: Profile = {
    full: true,
    remediesKept: Number.POSITIVE_INFINITY,
    warningDrop: warningsBlock(report, options.failOn) ? BLOCKING_WARNINGS : WARNINGS,
    valuesDiffCap: 2000,
    keyListCap: 2000,
    upgradeNoteCap: 50_000,
    renderedDiffCap: Number.POSITIVE_INFINITY,
    linkBase: options.linkBase,
  };
  const limit = options.maxBytes ?? SUMMARY_MAX_BYTES;
  return fitBlocks(documentBlocks(report, profile, options.failOn), {
    limit,
    tail: footer(report),
    measure: (text) => Buffer.byteLength(text, 'utf8'),
    note: (leftOut) => leftOutNote(leftOut, `the ${byteSize(limit)} job summary limit`, 'the JSON report artifact'),
  });
}

function keep(text: string): Block {
  return { text, drop: KEEP };
}

function byteSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${groupThousands(bytes)}-byte`;
}

const LEFT_OUT_WORDS: [LeftOutKind, (n: number) => string][] = [
  ['sections', (n) => `the sections of ${countOf(n, 'chart')}`],
  ['errors', (n) => countOf(n, 'error')],
  ['warnings', (n) => countOf(n, 'warning')],
  ['notices', (n) => countOf(n, 'notice')],
  ['remedies', (n) => countOf(n, 'remedy', 'remedies')],
  ['details', (n) => `the details of ${countOf(n, 'chart')}`],
  ['rows', (n) => countOf(n, 'table row')],
  ['diffs', (n) => `${countOf(n, 'rendered diff')} (the largest first; every diff is in the diff-path file)`],
];

function leftOutNote(leftOut: LeftOut, limit: string, where: string): string {
  const parts = LEFT_OUT_WORDS.filter(([kind]) => leftOut.has(kind)).map(([kind, words]) => words(leftOut.get(kind)!));
  if (parts.length === 0) return '';
  return `**Left out to stay within ${limit}:** ${parts.join(', ')}. The full report is in ${where}.\n\n`;
}

/** Only a plain http(s) URL goes into a link target; anything else is dropped rather than escaped. */
function safeUrl(url: string): string {
  return /^https?:\/\/[^\s()<>]+$/.test(url) ? url : '#';
}

// ---------- the document ----------

function documentBlocks(full: Report, profile: Profile, failOn: FailOn | undefined): Block[] {
  // findings already there on the base get their own collapsed section, apart from what the change did
  const report = withoutPreexisting(full);
  const charts = shownCharts(report);
  const blocks: Block[] = [keep(`${verdictLine(report, charts)}\n\n`)];
  if (report.kubernetesVersion === null) {
    blocks.push(keep('ℹ️ No Kubernetes version is set: the API and kubeVersion checks did not run.\n\n'));
  }
  const reinstall = charts.filter((c) => c.needsReinstall);
  if (report.summary.needsReinstall && reinstall.length > 0) {
    // a fleet bump can need many: the first few by name, the table has the rest
    const named = reinstall.slice(0, REINSTALL_NAMED).map((c) => `**${escapeInline(chartLabel(c, report))}**`);
    const more = reinstall.length - named.length;
    const names = more > 0 ? `${named.join(', ')} and ${countOf(more, 'more chart')}` : named.join(', ');
    blocks.push(keep(`🔁 **Needs reinstall:** ${names}: \`helm upgrade\` alone fails or orphans data, see below.\n\n`));
  }
  blocks.push(keep(`${contextLine(report)}\n\n`));
  append(blocks, awaitingApprovalBlocks(full, profile.linkBase));
  append(blocks, chartTable(report, charts));
  // Remedies count in document order: the first ones stay with their findings whatever happens.
  const remedies = { shown: 0 };
  append(blocks, repositorySection(report, profile, remedies));
  for (const chart of charts) append(blocks, chartSection(report, chart, profile, remedies));
  // findings counted apart: accepted ones, then the ones already there on the base
  for (const section of [acceptedSection(report, profile.linkBase), preexistingSection(full)]) {
    if (section) blocks.push(section);
  }
  for (const chart of charts) {
    const details = chartDetails(report, chart, profile);
    if (details) blocks.push(details);
  }
  append(blocks, renderedDiffBlocks(charts, RENDERED_DIFFS, profile.renderedDiffCap));
  if (report.diagnostics?.length) {
    const items = report.diagnostics.map((d) => `- ${escapeMessage(d)}`).join('\n');
    const summary = escapeHtmlText(countOf(report.diagnostics.length, 'diagnostic'));
    blocks.push({ text: detailsElement(summary, items), drop: DETAILS_CLEAN });
  }
  // the whole report: with failOnExisting, findings already there block a cell too
  append(blocks, fleetBlocks(full, failOn));
  return blocks;
}

const REINSTALL_NAMED = 5;

const CELL_ICON: Record<CellStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', 'needs-reinstall': '🔁' };

/**
 * The fleet verdict, last: one row per changed chart, one column per environment (one column without
 * environments), each cell what rolling the chart out there takes; rows go from the end when space runs out.
 */
function fleetBlocks(report: Report, failOn: FailOn | undefined): Block[] {
  if (report.mode !== 'review') return [];
  const matrix = fleetMatrix(report, failOn);
  if (matrix.rows.length === 0) return [];
  const columns = matrix.environments.map((env) => (env === undefined ? 'verdict' : escapeCell(env)));
  const blocks: Block[] = [
    keep(`#### Fleet verdict\n\n| chart | ${columns.join(' | ')} |\n| --- |${' --- |'.repeat(columns.length)}\n`),
  ];
  for (const row of matrix.rows) {
    const cells = row.cells.map((cell) => `${CELL_ICON[cell.status]} ${escapeCell(cellText(cell))}`);
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
function withoutPreexisting(report: Report): Report {
  const keepNew = (findings: Finding[]) => findings.filter((f) => !isPreexisting(f));
  return {
    ...report,
    findings: keepNew(report.findings),
    charts: report.charts.map((chart) => ({ ...chart, findings: keepNew(chart.findings) })),
  };
}

/** One collapsed list of the findings that already held on the base: shown, but not the change's doing. */
function preexistingSection(report: Report): Block | undefined {
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

function footer(report: Report, runUrl?: string): string {
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
    text = `no problems in ${countOf(charts.length, report.mode === 'lint' ? 'chart' : 'changed chart')}`;
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

function contextLine(report: Report): string {
  const parts =
    report.mode === 'review' && report.base
      ? [`Compared ${refText(report.base)} → ${refText(report.head)}`]
      : [`Checked ${refText(report.head)}`];
  parts.push(`lockfile ${codeSpan(report.lockfile)}`);
  if (report.kubernetesVersion) parts.push(`Kubernetes ${escapeInline(report.kubernetesVersion)}`);
  return parts.join(' · ');
}

function countsCell(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${ICON[s]} ${counts[s]}`);
  const accepted = findings.filter((f) => f.accepted).length;
  if (accepted > 0) parts.push(`${accepted} accepted`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

function chartTable(report: Report, charts: ChartReport[]): Block[] {
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

// ---------- findings ----------

/** One finding spelled out: what, where, which object or key, the change, and what to do. */
function findingBlocks(
  report: Report,
  finding: Finding,
  chart: ChartReport | undefined,
  profile: Profile,
  remedies: { shown: number },
  drop: number,
  kind: LeftOutKind,
): Block[] {
  const place = findingPlace(finding, report, chart);
  const at = place ? ` at ${placeMarkdown(place, profile.linkBase)}` : '';
  const rule = `**${escapeInline(finding.rule)}**${environmentTag(finding)}`;
  const pending = finding.awaitingApproval ? ' (accepted here, awaiting approval)' : '';
  const lines = [`${ICON[finding.severity]} ${rule}${at}: ${escapeMessage(finding.message)}${pending}`];
  const facts: string[] = [];
  // the comment leaves out the object when the message starts by naming it; the job summary spells it out
  const named = finding.resource && finding.message.startsWith(`${finding.resource.kind} ${finding.resource.name}`);
  if (finding.resource && (profile.full || !named)) {
    facts.push(`- resource: ${escapeInline(describeResource(finding.resource))}`);
  }
  // likewise the field or key, when the message names it
  if (finding.path && (profile.full || !finding.message.includes(finding.path))) {
    facts.push(`- ${finding.resource ? 'field' : 'key'}: ${codeSpan(finding.path)}`);
  }
  // and the change, when the message already says every value of it (a replaced StatefulSet's names and claims)
  const change = hasChange(finding) ? changeLines(finding) : [];
  const told = (text: string | undefined) => text === undefined || finding.message.includes(text);
  if (profile.full || !change.every((l) => told(l.text) && told(l.before) && told(l.after))) {
    for (const line of change) facts.push(`- ${changeLineText(line)}`);
  }
  const text = facts.length > 0 ? `${lines[0]}\n\n${facts.join('\n')}\n\n` : `${lines[0]}\n\n`;
  const blocks: Block[] = [{ text, drop, leftOut: { kind, count: 1 } }];
  const remedy = finding.remedy ? remedyText(finding.remedy) : '';
  if (remedy) {
    const remedyDrop = remedies.shown < profile.remediesKept ? drop : Math.max(drop, REMEDY);
    remedies.shown++;
    blocks.push({ text: remedy, drop: remedyDrop, leftOut: { kind: 'remedies', count: 1 } });
  }
  return blocks;
}

/** "name: `a` → `b`", "versions added: `v2`": a change in words, each value as code. */
function changeLineText(line: ChangeLine): string {
  const value = (text: string | undefined) =>
    text === undefined || text === '(absent)' ? '*(absent)*' : codeSpan(text);
  const label = escapeInline(line.label);
  // a text line is words (versions, schema fields); a before → after pair is values
  return line.text !== undefined
    ? `${label}: ${escapeInline(line.text)}`
    : `${label}: ${value(line.before)} → ${value(line.after)}`;
}

/** "[`values/db.yaml:12`](…/blob/<sha>/values/db.yaml#L12)", or the code span alone without a link base. */
/** A place as a linked code span; a place in the base commit says so after the link: "… at base `abc1234`". */
function placeMarkdown(place: Place, linkBase: string | undefined): string {
  const text = codeSpan(placeText({ file: place.file, line: place.line }));
  const url = placeUrl(place, linkBase);
  const at = place.commit ? ` at base ${codeSpan(place.commit.slice(0, 7))}` : '';
  return `${url ? `[${text}](${url})` : text}${at}`;
}

/** Prose as text, shell commands in a fenced block a reviewer can copy. */
function remedyText(remedy: string): string {
  const parts = splitRemedy(remedy);
  if (parts.length === 0) return '';
  const rendered = parts.map((part) =>
    part.kind === 'commands'
      ? codeFence(part.text, 'sh')
      : part.text
          .split(/\n{2,}/)
          .map((paragraph) => escapeMessage(paragraph))
          .join('\n\n'),
  );
  rendered[0] = parts[0].kind === 'prose' ? `**Remedy:** ${rendered[0]}` : `**Remedy:**\n\n${rendered[0]}`;
  return `${rendered.join('\n\n')}\n\n`;
}

/** A short list item for the comment: message, place and rule on one line. */
function compactItem(
  report: Report,
  finding: Finding,
  chart: ChartReport | undefined,
  linkBase?: string,
  withRule = false,
): string {
  const place = findingPlace(finding, report, chart);
  // the key or field only when the message does not name it already (an acceptance entry matches on it: always)
  const path = finding.path && (withRule || !finding.message.includes(finding.path)) ? codeSpan(finding.path) : '';
  const where = [place ? placeMarkdown(place, linkBase) : '', path].filter(Boolean).join(' ');
  // the place says where to look; the rule id is machine talk a reader needs only to write or read an acceptance
  const environments = finding.environments?.length ? escapeInline(finding.environments.join(', ')) : '';
  const rule = withRule ? `${escapeInline(finding.rule)}${environmentTag(finding)}` : environments;
  const tail = [rule, where].filter(Boolean).join(', ');
  return `- ${ICON[finding.severity]} ${escapeMessage(finding.message)}${tail ? ` (${tail})` : ''}`;
}

/** " (aws, gcp)": the environments a finding holds in; nothing for a finding that depends on none. */
function environmentTag(finding: Finding): string {
  return finding.environments?.length ? ` (${escapeInline(finding.environments.join(', '))})` : '';
}

function listBlock(
  report: Report,
  heading: string,
  findings: Finding[],
  chart: ChartReport | undefined,
  drop: number,
  kind: LeftOutKind,
  linkBase?: string,
): Block[] {
  if (findings.length === 0) return [];
  if (drop === BLOCKING_WARNINGS) {
    // Blocking items go one by one, so the first ones stay however many there are. The heading rides with the
    // first item, which is left out last; the closing blank line always stays, so no note runs into the list.
    const items = findings.map(
      (f, i): Block => ({
        text: `${i === 0 ? `**${heading}**\n\n` : ''}${compactItem(report, f, chart, linkBase)}\n`,
        drop,
        leftOut: { kind, count: 1 },
      }),
    );
    return [...items, keep('\n')];
  }
  const items = findings.map((f) => compactItem(report, f, chart, linkBase)).join('\n');
  return [{ text: `**${heading}**\n\n${items}\n\n`, drop, leftOut: { kind, count: findings.length } }];
}

function repositorySection(report: Report, profile: Profile, remedies: { shown: number }): Block[] {
  const sorted = sortFindings(report.findings.filter((f) => !f.accepted));
  if (sorted.length === 0) return [];
  const blocks: Block[] = [keep('### Lockfile and configuration\n\n')];
  for (const finding of sorted.filter((f) => f.severity === 'error')) {
    append(blocks, findingBlocks(report, finding, undefined, profile, remedies, CORE, 'errors'));
  }
  const warnings = sorted.filter((f) => f.severity === 'warning');
  const notices = sorted.filter((f) => f.severity === 'notice');
  if (profile.full) {
    for (const finding of warnings)
      append(blocks, findingBlocks(report, finding, undefined, profile, remedies, profile.warningDrop, 'warnings'));
    for (const finding of notices)
      append(blocks, findingBlocks(report, finding, undefined, profile, remedies, DETAILS_CLEAN, 'notices'));
  } else {
    append(
      blocks,
      listBlock(report, 'Warnings', warnings, undefined, profile.warningDrop, 'warnings', profile.linkBase),
    );
    append(blocks, listBlock(report, 'Notices', notices, undefined, DETAILS_CLEAN, 'notices', profile.linkBase));
  }
  return blocks;
}

function chartHeading(report: Report, chart: ChartReport): string {
  const counts = countBySeverity(chart.findings);
  const icon = counts.error > 0 ? ICON.error : counts.warning > 0 ? ICON.warning : ICON.notice;
  const version = versionChange(chart);
  const reinstall = chart.needsReinstall ? ' · 🔁 needs reinstall' : '';
  return `### ${icon} ${escapeInline(chartLabel(chart, report))}${version ? ` ${escapeInline(version)}` : ''}${reinstall}`;
}

/** The section of a chart with errors or warnings (in the job summary: with any finding). */
function chartSection(report: Report, chart: ChartReport, profile: Profile, remedies: { shown: number }): Block[] {
  const errors = findingsOf(chart, 'error');
  const warnings = findingsOf(chart, 'warning');
  const shown = profile.full ? chart.findings.length : errors.length + warnings.length;
  if (shown === 0) return [];
  let heading = `${chartHeading(report, chart)}\n\n`;
  // the heading says it; the comment's findings below say why, the job summary also gives the reason here
  if (chart.needsReinstall && chart.reinstallReason && profile.full) {
    heading += `🔁 **Needs reinstall**: ${escapeMessage(chart.reinstallReason)}\n\n`;
  }
  const blocks: Block[] = [{ text: heading, drop: CORE, leftOut: { kind: 'sections', count: 1 } }];
  append(
    blocks,
    overrideKeyTable(report, chart, [...errors, ...warnings].filter(isOverrideKeyFinding), profile, remedies),
  );
  for (const finding of errors.filter((f) => !isOverrideKeyFinding(f)))
    append(blocks, findingBlocks(report, finding, chart, profile, remedies, CORE, 'errors'));
  const otherWarnings = warnings.filter((f) => !isOverrideKeyFinding(f));
  if (profile.full) {
    for (const finding of otherWarnings)
      append(blocks, findingBlocks(report, finding, chart, profile, remedies, profile.warningDrop, 'warnings'));
    for (const finding of findingsOf(chart, 'notice')) {
      append(blocks, findingBlocks(report, finding, chart, profile, remedies, DETAILS_CLEAN, 'notices'));
    }
  } else {
    append(
      blocks,
      listBlock(report, 'Warnings', otherWarnings, chart, profile.warningDrop, 'warnings', profile.linkBase),
    );
  }
  return blocks;
}

const USUAL_KEY_REMEDY = /^(?:Rename `[^`]+` to `[^`]+` in |Find its replacement in |Check the spelling against )/;

/** Findings whose rule puts them in the override-key table (its keyTable hook). */
function isOverrideKeyFinding(finding: Finding): boolean {
  return ruleHooks(finding.rule).keyTable !== undefined;
}

/**
 * A chart's removed and unknown override keys as one table (where, key, default before → after, did you mean,
 * severity): seven renamed mariadb keys are seven rows, not seven screens. The renames share one remedy; a key the
 * deploy code sets (config `set:`) keeps its own, since the fix is in that code.
 */
function overrideKeyTable(
  report: Report,
  chart: ChartReport,
  findings: readonly Finding[],
  profile: Profile,
  remedies: { shown: number },
): Block[] {
  if (findings.length === 0) return [];
  const rows = findings.map((f) => {
    const place = f.file ? { file: f.file, ...(f.line === undefined ? {} : { line: f.line }) } : undefined;
    const suggestion = f.suggestion;
    // a key without a default (one the chart never had) says so in the rule's own words
    const withoutChange = hasChange(f) ? undefined : ruleHooks(f.rule).keyTable?.withoutChange;
    // severity first: a narrow column of icons the eye runs down, leaving the width to keys and suggestions
    const cells = [
      `${ICON[f.severity]}${f.environments?.length ? ` (${escapeCell(f.environments.join(', '))})` : ''}`,
      place ? placeMarkdown(place, profile.linkBase).replace(/\|/g, '\\|') : '—',
      f.path ? codeSpan(f.path, 'cell') : '—',
      withoutChange !== undefined
        ? withoutChange
        : report.mode === 'lint'
          ? cellValue(f.before ?? f.after)
          : `${cellValue(f.before)} → ${f.after === undefined ? 'gone' : cellValue(f.after)}`,
      suggestion ? codeSpan(suggestion, 'cell') : '—',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  // Rows go one by one like blocking warnings (the first stay however many there are); the heading rides with the
  // first row, which is left out last, and the closing blank line always stays.
  const version = chart.to ? ` ${escapeInline(chart.to)}` : '';
  // a lint has one version: its defaults column has no before → after
  const defaults = report.mode === 'lint' ? 'default' : 'default (old → new)';
  const heading = `**Override keys${version} ignores**\n\n| | where | key | ${defaults} | did you mean |\n| --- | --- | --- | --- | --- |\n`;
  const blocks: Block[] = findings.map((f, i) => ({
    text: `${i === 0 ? heading : ''}${rows[i]}\n`,
    drop: f.severity === 'error' ? CORE : profile.warningDrop,
    leftOut: { kind: f.severity === 'error' ? 'errors' : 'warnings', count: 1 },
  }));
  blocks.push(keep('\n'));
  // The rules' usual remedies (rename to the suggestion, look up the replacement, check the spelling) say one thing
  // for every row; any other remedy (a key the deploy code sets, a rule's new advice) is kept word for word.
  const usual = findings.filter((f) => !f.remedy || USUAL_KEY_REMEDY.test(f.remedy));
  const own = [...new Set(findings.filter((f) => !usual.includes(f)).map((f) => f.remedy ?? ''))];
  const general = usual.length > 0 ? "Rename each key as suggested (see the chart's upgrade notes), or delete it." : '';
  const remedy = [general, ...own].filter(Boolean).join('\n\n');
  if (remedy) {
    const remedyDrop = remedies.shown < profile.remediesKept ? CORE : REMEDY;
    remedies.shown++;
    blocks.push({ text: remedyText(remedy), drop: remedyDrop, leftOut: { kind: 'remedies', count: 1 } });
  }
  return blocks;
}

// ---------- accepted findings ----------

/**
 * Findings the acceptances file accepts, collapsed: they do not block, but a reviewer sees what the change itself
 * accepts (its entries are in the diff) apart from what was accepted before.
 */
function acceptedSection(report: Report, linkBase: string | undefined): Block | undefined {
  const all = acceptedFindings(report);
  if (all.length === 0) return undefined;
  const item = ({ finding, chart }: { finding: Finding; chart?: ChartReport }) => {
    const { reason, expires, file, line } = finding.accepted!;
    const where = finding.environments?.length ? ` in ${escapeInline(finding.environments.join(', '))}` : '';
    const entry = placeMarkdown({ file, line }, linkBase);
    return `${compactItem(report, finding, chart, linkBase, true)}${where}\n  accepted until ${escapeInline(expires)} (${entry}): ${escapeMessage(reason)}`;
  };
  const added = all.filter((a) => a.finding.accepted?.added);
  const before = all.filter((a) => !a.finding.accepted?.added);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`**Accepted in this pull request**\n\n${added.map(item).join('\n')}`);
  if (before.length > 0) {
    parts.push(`${added.length > 0 ? '**Accepted before**\n\n' : ''}${before.map(item).join('\n')}`);
  }
  const label = `${countOf(all.length, 'accepted finding')}${added.length > 0 ? `, ${groupThousands(added.length)} accepted in this pull request` : ''}`;
  return {
    text: detailsElement(escapeHtmlText(label), parts.join('\n\n')),
    drop: WARNINGS,
    leftOut: { kind: 'details', count: 1 },
  };
}

/**
 * Findings entries of this pull request accept, still counting until a second person approves: right under the
 * verdict, as they are why it fails.
 */
function awaitingApprovalBlocks(report: Report, linkBase: string | undefined): Block[] {
  const all = awaitingApprovalFindings(report);
  if (all.length === 0) return [];
  const items = all.map(({ finding, chart }) => {
    const entry = placeMarkdown(
      { file: finding.awaitingApproval!.file, line: finding.awaitingApproval!.line },
      linkBase,
    );
    return `${compactItem(report, finding, chart, linkBase, true)}\n  accepted here (${entry}), awaiting approval`;
  });
  const heading = `⏳ **${countOf(all.length, 'finding')} accepted here, awaiting approval**: ${escapeMessage(AWAITING_APPROVAL)}.`;
  return [
    keep(`${heading}\n\n`),
    { text: `${items.join('\n')}\n\n`, drop: CORE, leftOut: { kind: 'details', count: 1 } },
  ];
}

// ---------- details ----------

function detailsElement(summary: string, content: string): string {
  // Blank lines around the content: GitHub renders Markdown inside <details> only when it is set apart.
  return `<details>\n<summary>${summary}</summary>\n\n${content}\n\n</details>\n\n`;
}

/** Everything a reviewer may want but need not read: collapsed, one element per chart. */
function chartDetails(report: Report, chart: ChartReport, profile: Profile): Block | undefined {
  const parts: string[] = [];
  const labels: string[] = [];
  const diff = valuesDiffText(chart, profile.valuesDiffCap, profile.keyListCap);
  if (diff) {
    parts.push(diff.text);
    labels.push(diff.label);
  }
  if (chart.upgradeNotes?.length) {
    parts.push(upgradeNotesText(chart, profile.upgradeNoteCap, profile.linkBase));
    labels.push('upgrade notes');
  }
  // the major-upgrade-notes notice quotes the lockfile comment already; in the comment it is said once
  const quoted = !profile.full && chart.findings.some((f) => f.message.includes(chart.lockfileComment ?? '\0'));
  if (chart.lockfileComment && !quoted) {
    parts.push(`**Lockfile comment:** ${escapeMessage(chart.lockfileComment)}`);
    labels.push('lockfile comment');
  }
  if (chart.artifactHubChanges?.length) {
    const items = chart.artifactHubChanges.map((c) => `- ${escapeMessage(c)}`).join('\n');
    parts.push(`**Artifact Hub changes** (${codeSpan('artifacthub.io/changes')})\n\n${items}`);
    labels.push('Artifact Hub changes');
  }
  const notices = findingsOf(chart, 'notice');
  if (notices.length > 0 && !profile.full) {
    parts.push(`**Notices**\n\n${notices.map((f) => compactItem(report, f, chart, profile.linkBase)).join('\n')}`);
    labels.push(countOf(notices.length, 'notice'));
  }
  if (parts.length === 0) return undefined;
  const version = versionChange(chart);
  const summary = `<b>${escapeHtmlText(chartLabel(chart, report))}</b>${version ? ` ${escapeHtmlText(version)}` : ''}: ${escapeHtmlText(labels.join(', '))}`;
  const hasErrors = chart.findings.some((f) => f.severity === 'error' && !f.accepted);
  return {
    text: detailsElement(summary, parts.join('\n\n')),
    drop: hasErrors ? DETAILS_WITH_ERRORS : DETAILS_CLEAN,
    leftOut: { kind: 'details', count: 1 },
  };
}

function keyList(keys: string[], cap: number): string {
  const shown = keys.slice(0, cap).map((k) => codeSpan(k));
  const more = keys.length > cap ? ` and ${countOf(keys.length - cap, 'more key')}` : '';
  return `${shown.join(', ')}${more}`;
}

function valuesDiffText(chart: ChartReport, cap: number, keyCap: number): { text: string; label: string } | undefined {
  const { added, removed, changed } = chart.valuesDiff;
  if (added.length + removed.length + changed.length === 0) return undefined;
  const counts = [
    removed.length > 0 ? `${groupThousands(removed.length)} removed` : '',
    added.length > 0 ? `${groupThousands(added.length)} added` : '',
    changed.length > 0 ? `${groupThousands(changed.length)} changed` : '',
  ].filter(Boolean);
  const version = versionChange(chart);
  // with no keys listed (the comment), the counts are already in the <summary> line
  const lines =
    keyCap > 0
      ? [`**Chart defaults (values.yaml)${version ? `, ${escapeInline(version)}` : ''}:** ${counts.join(', ')}`]
      : [];
  if (removed.length > 0 && keyCap > 0) lines.push(`Removed: ${keyList(removed, keyCap)}`);
  if (added.length > 0 && keyCap > 0) lines.push(`Added: ${keyList(added, keyCap)}`);
  if (changed.length > 0) {
    const rows = changed
      .slice(0, cap)
      .map((c) => `| ${codeSpan(c.path, 'cell')} | ${cellValue(c.before)} | ${cellValue(c.after)} |`);
    let table = `| key | before | after |\n| --- | --- | --- |\n${rows.join('\n')}`;
    if (changed.length > cap) table += `\n\n…and ${countOf(changed.length - cap, 'more changed key')}.`;
    lines.push(table);
  }
  return { text: lines.join('\n\n'), label: `defaults diff (${counts.join(', ')})` };
}

function cellValue(value: unknown): string {
  return value === undefined ? '*(absent)*' : codeSpan(describeValue(value, 80), 'cell');
}

/**
 * The chart's own README notes as quoted Markdown (re-written from a parser's tokens: headings demoted, HTML shown
 * as text, code and http(s) links kept, see quote.ts), cut on a
 * line boundary with a pointer to the README at the head commit.
 */
function upgradeNotesText(chart: ChartReport, cap: number, linkBase: string | undefined): string {
  const readme = { file: `${chart.dir}/README.md` };
  const url = placeUrl(readme, linkBase);
  const where = url ? `[${codeSpan(readme.file)}](${url})` : codeSpan(readme.file);
  const notes = (chart.upgradeNotes ?? []).map(
    (note) => `**Upgrade notes: ${escapeInline(note.heading)}** (${where})\n\n${quotedMarkdown(note.text, cap, '…')}`,
  );
  return notes.join('\n\n');
}

/** Adds `more` to `blocks` one by one: push(...more) fails once a report has more blocks than a call has arguments. */
function append(blocks: Block[], more: readonly Block[]): void {
  for (const block of more) blocks.push(block);
}
