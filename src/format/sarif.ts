// The report as SARIF 2.1.0 for GitHub code scanning: one rule per finding id, one result per finding. GitHub reads
// at most 25,000 results per run (docs/reference/github-limits.md), so errors come first when a report has more.
// One run per environment (automationDetails.id "chart-guard/<env>/", GitHub's category): code scanning tracks
// the alerts of each category apart, so a finding fixed for one fleet does not close the other's. Findings that
// hold in no particular environment (lockfile, chart files), and every finding without environments, go in the
// "chart-guard/" run.
import { findingFingerprint } from '../core/acceptances/finding-identity.js';
import type { ChartReport, Finding, Report, RuleId, Severity } from '../core/report/report.js';
import { SEVERITY_ORDER } from '../core/report/report.js';
import { countOf, describeResource, describeValue, groupThousands, hasChange, headPlace } from './describe.js';
import { kubernetesOf, kubernetesText } from './kubernetes.js';
import { fitSarif } from './sarif-budget.js';

export const SARIF_MAX_RESULTS = 25_000;

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

export interface SarifOptions {
  maxResults?: number;
  /** The log's size budget in characters (sarif-budget.ts; default SARIF_MAX_CHARS). */
  maxChars?: number;
  /** One-line rule descriptions (the rules' own `description`); the rule id is used where one is missing. */
  ruleDescriptions?: Partial<Record<RuleId, string>>;
  /**
   * The README the rule table is in (e.g. https://github.com/o/chart-guard/blob/v1/README.md): each rule's helpUri
   * is its row's anchor there (`#rule-<id>`). Without it, rules carry no helpUri.
   */
  readmeUrl?: string;
}

/** The pre-existing marking (issue 10 §2) as SARIF reads it; absent until a review marks findings. */
type Marked = Finding & { introduced?: boolean };

/** SARIF's baselineState: `new` for a finding the change introduces, `unchanged` for one that held on the base. */
function baselineState(finding: Marked): { baselineState?: 'new' | 'unchanged' } {
  if (finding.introduced === undefined) return {};
  return { baselineState: finding.introduced ? 'new' : 'unchanged' };
}

/** The README anchor of a rule's row. */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id}`;
}

/**
 * A repository path as the relative URI reference SARIF's artifactLocation.uri must be (SARIF 2.1.0 §3.4.3, RFC
 * 3986): each segment percent-encoded as UTF-8, the slashes kept. A path is untrusted text: unencoded, a `#` or `?`
 * would cut it into a fragment or query, a `%` be read as an escape, and a `:` in the first segment as a scheme.
 */
export function relativeUri(path: string): string {
  // encodeURIComponent leaves exactly the unreserved characters and the sub-delims !'()*, all allowed in a segment
  // (a lone surrogate, which only a forged report holds, cannot be encoded: it becomes U+FFFD)
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}

/** "override-key-removed" -> "OverrideKeyRemoved", the form SARIF's rule `name` takes. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

function resultText(finding: Finding): string {
  const lines = [finding.message];
  if (finding.resource) lines.push(`Resource: ${describeResource(finding.resource)}`);
  if (finding.path) lines.push(`${finding.resource ? 'Field' : 'Key'}: ${finding.path}`);
  if (hasChange(finding)) lines.push(`Change: ${describeValue(finding.before)} → ${describeValue(finding.after)}`);
  if (finding.remedy) lines.push(`Remedy: ${finding.remedy}`);
  return lines.join('\n');
}

interface Entry {
  finding: Finding;
  chart?: ChartReport;
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const entries: Entry[] = [
    ...report.findings.map((finding) => ({ finding, chart: undefined })),
    ...report.charts.flatMap((chart) => chart.findings.map((finding) => ({ finding, chart }))),
  ];
  const names = report.environments?.map((e) => e.name) ?? [];
  // each run says the Kubernetes versions its checks ran against (automationDetails.description)
  const all = kubernetesText(report);
  const runs = [
    sarifRun(
      report,
      options,
      'chart-guard/',
      names.length ? entries.filter((e) => !e.finding.environments) : entries,
      all ? `Kubernetes ${all}` : 'No Kubernetes version set',
    ),
    ...names.map((name) =>
      sarifRun(
        report,
        options,
        `chart-guard/${name}/`,
        entries.filter((e) => e.finding.environments?.includes(name)),
        `${name}: Kubernetes ${kubernetesOf(report, name) ?? 'unset'}`,
      ),
    ),
  ];
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
  return fitSarif(log, options.maxChars);
}

function sarifRun(
  report: Report,
  options: SarifOptions,
  id: string,
  entries: Entry[],
  description: string,
): Record<string, unknown> {
  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  // Stable: within a severity the report's order stays.
  const ranked = entries
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index);
  const kept = ranked.slice(0, max);

  const ruleIds = [...new Set(kept.map((e) => e.finding.rule))].sort();
  const rules = ruleIds.map((id) => ({
    id,
    name: ruleName(id),
    shortDescription: { text: options.ruleDescriptions?.[id] ?? id },
    ...(options.readmeUrl ? { helpUri: `${options.readmeUrl}#${ruleAnchor(id)}` } : {}),
  }));

  const results = kept.map(({ finding, chart }) => {
    // Code scanning needs a location; a finding with no place of its own points at the lockfile.
    // SARIF locations are in the analysed (head) checkout: a place only the base has falls back to the chart's entry
    const place = headPlace(finding, report, chart) ?? { file: report.lockfile };
    return {
      ruleId: finding.rule,
      ruleIndex: ruleIds.indexOf(finding.rule),
      level: SARIF_LEVEL[finding.severity],
      message: { text: resultText(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(place.file), uriBaseId: '%SRCROOT%' },
            ...(place.line ? { region: { startLine: place.line } } : {}),
          },
        },
      ],
      // What stays the same when lines move: GitHub matches alerts across commits by it (core/acceptances/finding-identity.ts).
      partialFingerprints: { 'chartGuardFinding/v2': findingFingerprint(finding) },
      ...baselineState(finding),
      ...(finding.chart ? { properties: { chart: finding.chart } } : {}),
      // An accepted finding is an external suppression: code scanning shows it as dismissed, with the reason.
      ...(finding.accepted
        ? {
            suppressions: [
              {
                kind: 'external',
                status: 'accepted',
                justification: `${finding.accepted.reason} (until ${finding.accepted.expires}, ${finding.accepted.file}:${finding.accepted.line})`,
              },
            ],
          }
        : {}),
    };
  });

  const leftOut = entries.length - kept.length;
  const run = {
    tool: { driver: { name: 'chart-guard', version: report.tool.version, rules } },
    automationDetails: { id, description: { text: description } },
    results,
    ...(leftOut > 0
      ? {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning',
                  message: {
                    text: `${countOf(leftOut, 'finding')} left out: SARIF runs hold at most ${groupThousands(max)} results.`,
                  },
                },
              ],
            },
          ],
        }
      : {}),
  };
  return run;
}
