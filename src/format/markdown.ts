// The report as GitHub Markdown: the sticky pull request comment (read in ten seconds: verdict, table, what blocks)
// and the job summary (the same layout with everything spelled out). Both are built as whole blocks so that the
// size limit (65,536 characters per comment, 1 MiB per job summary: docs/reference/github-limits.md) leaves out whole
// sections, never half a code fence or <details> element.
import type { FailOn, Report } from '../core/report/report.js';
import { type Block, fitBlocks, type LeftOut, type LeftOutKind } from './budget.js';
import { chartLabel, countOf, groupThousands, shownCharts } from './describe.js';
import { escapeHtmlText, escapeInline, escapeMessage } from './escape.js';
import { kubernetesUnset } from './kubernetes.js';
import {
  append,
  BLOCKING_WARNINGS,
  DETAILS_CLEAN,
  detailsElement,
  keep,
  type Profile,
  RENDERED_DIFFS,
  safeUrl,
  WARNINGS,
} from './markdown-blocks.js';
import { acceptedSection, awaitingApprovalBlocks, chartDetails } from './markdown-details.js';
import { chartSection, repositorySection } from './markdown-findings.js';
import {
  chartTable,
  contextLine,
  fleetBlocks,
  footer,
  preexistingSection,
  REINSTALL_NAMED,
  verdictLine,
  withoutPreexisting,
} from './markdown-overview.js';
import { readinessBlocks } from './markdown-readiness.js';
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

// ---------- the document ----------

function documentBlocks(full: Report, profile: Profile, failOn: FailOn | undefined): Block[] {
  // findings already there on the base get their own collapsed section, apart from what the change did
  const report = withoutPreexisting(full);
  const charts = shownCharts(report);
  const blocks: Block[] = [keep(`${verdictLine(report, charts)}\n\n`)];
  // a Kubernetes raise: the readiness table opens the report
  append(blocks, readinessBlocks(full, failOn));
  const unset = kubernetesUnset(report);
  if (unset === 'all') {
    blocks.push(keep('ℹ️ No Kubernetes version is set: the API and kubeVersion checks did not run.\n\n'));
  } else if (unset.length > 0) {
    const names = unset.map((name) => escapeInline(name)).join(', ');
    blocks.push(
      keep(`ℹ️ No Kubernetes version is set for ${names}: the API and kubeVersion checks did not run there.\n\n`),
    );
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
