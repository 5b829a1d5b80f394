// Words and places every renderer shares: counts, version changes, compact values, where a finding points.
// Plain strings only; each renderer escapes them for its own medium.
import type { ChartReport, Finding, Report, ResourceRef, Severity } from '../core/report.js';
import { sortFindings } from '../core/report.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export type SeverityCounts = Record<Severity, number>;

/** Counts of the findings not accepted: an accepted finding is counted apart (acceptedFindings). */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) if (!finding.accepted) counts[finding.severity]++;
  return counts;
}

/** Every accepted finding of the report, with its chart (undefined for the repository's). */
export function acceptedFindings(report: Report): { finding: Finding; chart?: ChartReport }[] {
  return [
    ...report.findings.filter((f) => f.accepted).map((finding) => ({ finding })),
    ...report.charts.flatMap((chart) =>
      chart.findings.filter((f) => f.accepted).map((finding) => ({ finding, chart })),
    ),
  ];
}

/** "1 error", "1,024 warnings". */
/** 65536 -> "65,536". By hand: toLocaleString loads ICU data on first use (~12 ms, a tenth of a small review). */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${groupThousands(count)} ${count === 1 ? singular : plural}`;
}

export function severityCountsText(counts: SeverityCounts): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => countOf(counts[s], s))
    .join(', ');
}

/** A chart's version change: "7.10.4 → 8.0.0", "new: 1.2.0", "removed: 1.2.0", or the one version. */
export function versionChange(chart: ChartReport): string {
  if (chart.from === null && chart.to === null) return '';
  if (chart.from === null) return chart.change === 'added' ? `new: ${chart.to}` : (chart.to ?? '');
  if (chart.to === null) return `removed: ${chart.from}`;
  return chart.from === chart.to ? chart.to : `${chart.from} → ${chart.to}`;
}

/** What kind of change this is, in the words a reviewer uses: "major", "overrides only", "added". */
export function changeClass(chart: ChartReport): string {
  switch (chart.change) {
    case 'bumped':
      return chart.semverChange ?? 'other';
    case 'moved':
      return chart.semverChange ? `moved, ${chart.semverChange}` : 'moved';
    case 'overrides-changed':
      return 'overrides only';
    case 'modified':
      return 'folder edited';
    case 'unchanged':
      return 'unchanged';
    default:
      return chart.change;
  }
}

/** "StatefulSet demo/rel-mariadb (apps/v1)". */
export function describeResource(resource: ResourceRef): string {
  const name = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
  return `${resource.kind} ${name} (${resource.apiVersion})`;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: the rest of an emoji would be an invalid character.
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** A value as compact JSON on one line, "(absent)" when the key or field is not there. */
export function describeValue(value: unknown, max = 160): string {
  if (value === undefined) return '(absent)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return truncate(text, max);
}

export function hasChange(finding: Finding): boolean {
  return finding.before !== undefined || finding.after !== undefined;
}

export interface Place {
  file: string;
  line?: number;
}

/**
 * Where a finding is shown in a file: its own file and line; a chart finding without one points at the chart's
 * entry in the lockfile (the line a reviewer changes to bump or pin it).
 */
export function findingPlace(finding: Finding, report: Report, chart?: ChartReport): Place | undefined {
  const owner = chart ?? (finding.chart ? report.charts.find((c) => c.name === finding.chart) : undefined);
  if (finding.file) {
    const line = finding.line ?? (finding.file === report.lockfile ? owner?.lockfileLine : undefined);
    return line === undefined ? { file: finding.file } : { file: finding.file, line };
  }
  if (!owner) return undefined;
  return owner.lockfileLine === undefined
    ? { file: report.lockfile }
    : { file: report.lockfile, line: owner.lockfileLine };
}

export function placeText(place: Place): string {
  return place.line === undefined ? place.file : `${place.file}:${place.line}`;
}

/** Charts a review shows: everything that changed, and any unchanged chart that still has findings. */
export function shownCharts(report: Report): ChartReport[] {
  const shown =
    report.mode === 'lint'
      ? report.charts
      : report.charts.filter((c) => c.change !== 'unchanged' || c.findings.length > 0);
  // Worst first, so the reader meets the blocking charts at the top; otherwise the report's (lockfile) order.
  const rank = (c: ChartReport) => {
    const counts = countBySeverity(c.findings);
    return counts.error > 0 ? 0 : counts.warning > 0 ? 1 : 2;
  };
  return shown
    .map((chart, index) => ({ chart, index }))
    .sort((a, b) => rank(a.chart) - rank(b.chart) || a.index - b.index)
    .map((e) => e.chart);
}

/** A chart's findings of a severity that are not accepted. */
export function findingsOf(chart: ChartReport, severity: Severity): Finding[] {
  return sortFindings(chart.findings.filter((f) => f.severity === severity && !f.accepted));
}

// Lines of a remedy that a person pastes into a shell.
const COMMAND_LINE = /^\s*(?:\$\s+)?(?:kubectl|helm|helm-freeze|oc|git|yq|sed|kustomize|flux|argocd)\s/;

export interface RemedyPart {
  kind: 'prose' | 'commands';
  text: string;
}

/** Splits a remedy into prose and runs of shell commands (with their comments and continuation lines). */
export function splitRemedy(remedy: string): RemedyPart[] {
  const parts: RemedyPart[] = [];
  let inCommands = false;
  for (const line of remedy.replace(/\r\n?/g, '\n').split('\n')) {
    const previous = parts[parts.length - 1];
    const continues: boolean = inCommands && (/\\\s*$/.test(previous?.text ?? '') || /^\s*#/.test(line));
    const kind: RemedyPart['kind'] = COMMAND_LINE.test(line) || continues ? 'commands' : 'prose';
    inCommands = kind === 'commands';
    if (line.trim() === '' && kind === 'prose') {
      if (previous?.kind === 'prose') previous.text += '\n';
      continue;
    }
    if (previous?.kind === kind) previous.text += `\n${line}`;
    else parts.push({ kind, text: line });
  }
  return parts
    .map((p) => ({ kind: p.kind, text: p.text.trim() === '' ? '' : p.text.replace(/\n+$/, '') }))
    .filter((p) => p.text !== '');
}
