// Words and places every renderer shares: counts, version changes, compact values, where a finding points.
// Plain strings only; each renderer escapes them for its own medium.
import type { ChartReport, Finding, Report, ResourceRef, Severity } from '../core/report/report.js';
import { sortFindings } from '../core/report/report.js';
import { ruleHooks } from '../core/rules/index.js';

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

/**
 * Why a finding an entry of the change accepts still counts (acceptance-approval.ts), in the words every format
 * uses after "accepted here, awaiting approval".
 */
export const AWAITING_APPROVAL =
  'still counted until someone other than the author (an approver the base policy names, when it names any) approves the pull request after the acceptances file last changed';

/** Findings an entry of the change accepts that await a second person's approval, with their chart. */
export function awaitingApprovalFindings(report: Report): { finding: Finding; chart?: ChartReport }[] {
  return [
    ...report.findings.filter((f) => f.awaitingApproval).map((finding) => ({ finding })),
    ...report.charts.flatMap((chart) =>
      chart.findings.filter((f) => f.awaitingApproval).map((finding) => ({ finding, chart })),
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
  /** The place is in this (base) commit, not the head: the file may be gone at head. */
  commit?: string;
}

/**
 * Where a finding is shown in a file: its own file and line; a chart finding without one points at the chart's
 * entry in the lockfile (the line a reviewer changes to bump or pin it).
 */
export function findingPlace(finding: Finding, report: Report, chart?: ChartReport): Place | undefined {
  const owner = chart ?? (finding.chart ? report.charts.find((c) => c.name === finding.chart) : undefined);
  if (finding.file) {
    const line = finding.line ?? (finding.file === report.lockfile ? owner?.lockfileLine : undefined);
    const commit = finding.fileAtBase && report.base?.sha ? { commit: report.base.sha } : {};
    return line === undefined ? { file: finding.file, ...commit } : { file: finding.file, line, ...commit };
  }
  if (!owner) return undefined;
  return owner.lockfileLine === undefined
    ? { file: report.lockfile }
    : { file: report.lockfile, line: owner.lockfileLine };
}

export function placeText(place: Place): string {
  const at = place.line === undefined ? place.file : `${place.file}:${place.line}`;
  return place.commit ? `${at} (base ${place.commit.slice(0, 7)})` : at;
}

/**
 * Where a finding can be annotated on the head commit (GitHub annotations, SARIF): its place, or for a place only
 * the base has, the chart's lockfile line (the bump that removed it).
 */
export function headPlace(finding: Finding, report: Report, chart?: ChartReport): Place | undefined {
  const place = findingPlace(finding, report, chart);
  if (!place?.commit) return place;
  const { file: _file, line: _line, fileAtBase: _atBase, ...rest } = finding;
  return findingPlace(rest, report, chart);
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

/**
 * How many charts a report speaks for: a lint's "16 charts"; a review's "5 changed charts", and with the lint of the
 * untouched charts (review --lint) "5 changed charts and 11 unchanged charts", never all of them called changed.
 */
export function chartsCounted(report: Report, charts: readonly ChartReport[]): string {
  if (report.mode === 'lint') return countOf(charts.length, 'chart');
  const changed = charts.filter((c) => c.change !== 'unchanged').length;
  const unchanged = charts.length - changed;
  if (unchanged === 0) return countOf(changed, 'changed chart');
  const others = countOf(unchanged, 'unchanged chart');
  return changed > 0 ? `${countOf(changed, 'changed chart')} and ${others}` : others;
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

/**
 * The address of a place in the repository at the head commit: `{base}/{path}#L{line}`, where the base is
 * `{server}/{repo}/blob/{sha}`; a place in another commit (the base) gets that commit's sha instead. Undefined
 * without a base (the CLI outside GitHub keeps plain text).
 */
export function placeUrl(place: Place, linkBase: string | undefined): string | undefined {
  if (!linkBase || !/^https?:\/\/[^\s()<>]+$/.test(linkBase)) return undefined;
  const blob = /\/blob\/[^/]+\/*$/;
  // a place in another commit needs a `/blob/<sha>` base to swap the sha in: no link rather than a wrong one
  if (place.commit && !blob.test(linkBase)) return undefined;
  const atCommit = place.commit ? linkBase.replace(blob, `/blob/${place.commit}`) : linkBase;
  const path = place.file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${atCommit.replace(/\/+$/, '')}/${path}${place.line === undefined ? '' : `#L${place.line}`}`;
}

/** "https://github.com/o/r/blob/<sha>": the link base of a repository on a GitHub server at a commit. */
export function githubLinkBase(server: string, repository: string, sha: string): string {
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `app=db, release=x`: a label map (a selector) the way kubectl writes one. */
function labelsText(labels: Record<string, unknown>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}=${String(v)}`).join(', ');
}

function listText(items: readonly unknown[]): string {
  return items.length === 0 ? '(none)' : items.map((i) => (isScalar(i) ? String(i) : describeValue(i, 80))).join(', ');
}

/** One side of a change in words: a scalar as JSON, a list as "a, b", a label map as "k=v, k=v". */
export function sideText(value: unknown, max = 160): string {
  if (value === undefined) return '(absent)';
  if (Array.isArray(value) && value.every(isScalar)) return truncate(listText(value), max);
  if (isPlainObject(value) && Object.values(value).every(isScalar)) return truncate(labelsText(value), max);
  return describeValue(value, max);
}

export interface ChangeLine {
  label: string;
  before?: string;
  after?: string;
  /** A line that is not a before → after pair ("versions added: v2"). */
  text?: string;
}

/**
 * A change in words rather than JSON: a replaced StatefulSet's name and claims, a CRD's versions and storage
 * version, a selector's labels; anything else one before → after line.
 */
export function changeLines(finding: Finding): ChangeLine[] {
  const { before, after } = finding;
  const shape = ruleHooks(finding.rule).change;
  if (shape === 'statefulset-successor' && isPlainObject(before) && isPlainObject(after)) {
    const lines: ChangeLine[] = [{ label: 'name', before: String(before.name), after: String(after.name) }];
    if (Array.isArray(before.claims) || Array.isArray(after.claims)) {
      lines.push({ label: 'claims', before: sideText(before.claims ?? []), after: sideText(after.claims ?? []) });
    }
    return lines;
  }
  if (shape === 'crd-versions-and-schema' && isPlainObject(after) && Array.isArray(after.crds)) {
    // several CRDs of one chart: a line each with what changed, then the fields of each schema that changed
    return after.crds.filter(isPlainObject).flatMap((crd) => {
      const name = String(crd.name);
      const fields =
        isPlainObject(crd.before) && isPlainObject(crd.after)
          ? crdLines(crd.before, crd.after).filter((line) => line.label.endsWith(' schema'))
          : [];
      return [{ label: name, text: String(crd.change) }, ...fields.map((l) => ({ ...l, label: `${name} ${l.label}` }))];
    });
  }
  if (shape === 'crd-versions-and-schema' && (isPlainObject(before) || before === null) && isPlainObject(after)) {
    return crdLines(isPlainObject(before) ? before : undefined, after);
  }
  if (shape === 'served-versions' && Array.isArray(before) && Array.isArray(after)) {
    return versionLines(before.map(String), after.map(String));
  }
  if (shape === 'per-field' && isPlainObject(before) && isPlainObject(after)) {
    const fields = Object.keys(after);
    // one line per field when the finding names several (the first is its path)
    if (fields.length > 1 && fields[0] === finding.path) {
      return fields.map((field) => ({ label: field, before: sideText(before[field]), after: sideText(after[field]) }));
    }
  }
  return [{ label: 'change', before: sideText(before), after: sideText(after) }];
}

function versionLines(before: string[], after: string[]): ChangeLine[] {
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  const lines: ChangeLine[] = [];
  if (added.length) lines.push({ label: 'versions added', text: added.join(', ') });
  if (removed.length) lines.push({ label: 'versions removed', text: removed.join(', ') });
  if (lines.length === 0) lines.push({ label: 'versions', text: after.join(', ') || '(none)' });
  return lines;
}

function crdLines(before: Record<string, unknown> | undefined, after: Record<string, unknown>): ChangeLine[] {
  const versions = (side: Record<string, unknown> | undefined) =>
    Array.isArray(side?.versions) ? side.versions.map(String) : [];
  if (!before) {
    return [
      { label: 'versions', text: versions(after).join(', ') || '(none)' },
      { label: 'storage version', text: String(after.storageVersion ?? '(none)') },
    ];
  }
  const lines = versionLines(versions(before), versions(after)).filter((l) => l.label !== 'versions');
  if (before.storageVersion !== after.storageVersion) {
    lines.push({
      label: 'storage version',
      before: String(before.storageVersion ?? '(none)'),
      after: String(after.storageVersion ?? '(none)'),
    });
  }
  const fields = Array.isArray(after.schemaFields) ? after.schemaFields.filter(isPlainObject) : [];
  for (const version of fields) {
    const list = (key: string) => (Array.isArray(version[key]) ? (version[key] as unknown[]).map(String) : []);
    const parts = [
      ['fields added', list('added')],
      ['removed', list('removed')],
      ['newly required', list('required')],
    ]
      .filter(([, items]) => items.length > 0)
      .map(([label, items]) => `${label}: ${fieldList(items as string[])}`);
    lines.push({
      label: `${String(version.version)} schema`,
      text: parts.length ? parts.join('; ') : 'constraints changed',
    });
  }
  if (after.schemaChanged && fields.length === 0) lines.push({ label: 'schema', text: 'changed' });
  return lines;
}

/** "a, b, c and 4 more": a schema can gain hundreds of fields at once. */
function fieldList(items: string[], cap = 8): string {
  const shown = items.slice(0, cap).join(', ');
  return items.length > cap ? `${shown} and ${items.length - cap} more` : shown;
}

/** A change as one plain line: "name: a → b; claims: x → y". */
export function changeSentence(finding: Finding): string {
  return changeLines(finding)
    .map((l) => (l.text !== undefined ? `${l.label}: ${l.text}` : `${l.label}: ${l.before} → ${l.after}`))
    .join('; ');
}

const nameCounts = new WeakMap<Report, Map<string, number>>();

/**
 * A chart as a reader tells it apart: its name, or its folder when the lockfile freezes that name more than once
 * (one chart in several destinations: "team-a/mariadb", "team-b/mariadb").
 */
export function chartLabel(chart: Pick<ChartReport, 'name' | 'dir'>, report: Report): string {
  let counts = nameCounts.get(report);
  if (!counts) {
    counts = new Map();
    for (const c of report.charts) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    nameCounts.set(report, counts);
  }
  return (counts.get(chart.name) ?? 0) > 1 && chart.dir ? chart.dir : chart.name;
}
