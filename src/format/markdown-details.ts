// The collapsed parts of the Markdown report: accepted findings, those awaiting approval, and per chart the details
// a reviewer may want but need not read (values diff, default keys, upgrade notes).
import type { ChartReport, Finding, Report } from '../core/report/report.js';
import type { Block } from './budget.js';
import {
  AWAITING_APPROVAL,
  acceptedFindings,
  awaitingApprovalFindings,
  chartLabel,
  countOf,
  findingsOf,
  groupThousands,
  placeUrl,
  versionChange,
} from './describe.js';
import { codeSpan, escapeHtmlText, escapeInline, escapeMessage } from './escape.js';
import {
  CORE,
  cellValue,
  DETAILS_CLEAN,
  DETAILS_WITH_ERRORS,
  detailsElement,
  keep,
  type Profile,
  WARNINGS,
} from './markdown-blocks.js';
import { compactItem, placeMarkdown } from './markdown-findings.js';
import { quotedMarkdown } from './quote.js';

// ---------- accepted findings ----------

/**
 * Findings the acceptances file accepts, collapsed: they do not block, but a reviewer sees what the change itself
 * accepts (its entries are in the diff) apart from what was accepted before.
 */
export function acceptedSection(report: Report, linkBase: string | undefined): Block | undefined {
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
export function awaitingApprovalBlocks(report: Report, linkBase: string | undefined): Block[] {
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

/** Everything a reviewer may want but need not read: collapsed, one element per chart. */
export function chartDetails(report: Report, chart: ChartReport, profile: Profile): Block | undefined {
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
  const heading = `**Chart defaults (values.yaml)${version ? `, ${escapeInline(version)}` : ''}:** ${counts.join(', ')}`;
  // with no keys listed (the comment), the counts are already in the <summary> line, unless nothing else would be
  // (added or removed keys only): then the counts say where the keys are, never an empty section
  const lines =
    keyCap > 0 ? [heading] : changed.length > 0 ? [] : [`${heading}; the keys are listed in the job summary.`];
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
