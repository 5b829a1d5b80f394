// The findings of the Markdown report, spelled out in document order: the repository's, then one section per chart
// (override-key findings of the usual kind as one table), each with its place, change and remedy.
import type { ChartReport, Finding, Report } from '../core/report/report.js';
import { sortFindings } from '../core/report/report.js';
import { ruleHooks } from '../core/rules/index.js';
import type { Block, LeftOutKind } from './budget.js';
import {
  type ChangeLine,
  changeLines,
  chartLabel,
  countBySeverity,
  describeResource,
  findingPlace,
  findingsOf,
  hasChange,
  type Place,
  placeText,
  placeUrl,
  splitRemedy,
  versionChange,
} from './describe.js';
import { codeFence, codeSpan, escapeCell, escapeInline, escapeMessage } from './escape.js';
import {
  append,
  BLOCKING_WARNINGS,
  CORE,
  cellValue,
  DETAILS_CLEAN,
  ICON,
  keep,
  type Profile,
  REMEDY,
} from './markdown-blocks.js';

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
export function placeMarkdown(place: Place, linkBase: string | undefined): string {
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
export function compactItem(
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

export function repositorySection(report: Report, profile: Profile, remedies: { shown: number }): Block[] {
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
export function chartSection(
  report: Report,
  chart: ChartReport,
  profile: Profile,
  remedies: { shown: number },
): Block[] {
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
