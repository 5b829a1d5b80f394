// The report as JSON (schemaVersion 1, docs/reference/report-contract.md): a public interface other tools
// read. Keys come in the contract's order whatever order the report was built in, so two runs on the same input
// give the same bytes and diffs between reports stay small; fields without a value are left out.
import type { ChartReport, Finding, Report } from '../core/report/report.js';

const REPORT_KEYS = [
  'schemaVersion',
  'tool',
  'mode',
  'base',
  'head',
  'lockfile',
  'kubernetesVersion',
  'kubernetes',
  'verdict',
  'summary',
  'charts',
  'findings',
  'diagnostics',
  'stats',
  'failOn',
];
const CHART_KEYS = [
  'name',
  'dir',
  'change',
  'from',
  'to',
  'semverChange',
  'overrideFiles',
  'render',
  'valuesDiff',
  'findings',
  'needsReinstall',
  'reinstallReason',
  'upgradeNotes',
  'lockfileComment',
  'artifactHubChanges',
  'lockfileLine',
  'upgradeActions',
];
const FINDING_KEYS = [
  'rule',
  'severity',
  'message',
  'chart',
  'file',
  'line',
  'fileAtBase',
  'resource',
  'path',
  'suggestion',
  'before',
  'after',
  'remedy',
  'needsReinstall',
  'accepted',
  'awaitingApproval',
  'introduced',
];

const ACCEPTANCE_KEYS = ['reason', 'expires', 'file', 'line', 'added'];

type Plain = Record<string, unknown>;

/** The object with `keys` first in that order, then any field added later in its own order; undefined dropped. */
function ordered(value: object, keys: readonly string[]): Plain {
  const source = value as Plain;
  const out: Plain = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  return out;
}

function orderFinding(finding: Finding): Plain {
  return ordered(
    {
      ...finding,
      resource: finding.resource && ordered(finding.resource, ['apiVersion', 'kind', 'namespace', 'name']),
      accepted: finding.accepted && ordered(finding.accepted, ACCEPTANCE_KEYS),
      awaitingApproval: finding.awaitingApproval && ordered(finding.awaitingApproval, ACCEPTANCE_KEYS),
    },
    FINDING_KEYS,
  );
}

function orderChart(chart: ChartReport): Plain {
  return ordered(
    {
      ...chart,
      render: ordered(chart.render, ['status', 'reason']),
      valuesDiff: ordered(
        { ...chart.valuesDiff, changed: chart.valuesDiff.changed.map((c) => ordered(c, ['path', 'before', 'after'])) },
        ['added', 'removed', 'changed'],
      ),
      findings: chart.findings.map(orderFinding),
      upgradeNotes: chart.upgradeNotes?.map((note) => ordered(note, ['heading', 'text'])),
    },
    CHART_KEYS,
  );
}

export function renderJson(report: Report): string {
  const model = ordered(
    {
      ...report,
      tool: ordered(report.tool, ['name', 'version']),
      base: report.base && ordered(report.base, ['ref', 'sha']),
      head: ordered(report.head, ['ref', 'sha']),
      summary: ordered(report.summary, ['errors', 'warnings', 'notices', 'needsReinstall', 'accepted', 'preexisting']),
      charts: report.charts.map(orderChart),
      findings: report.findings.map(orderFinding),
      stats:
        report.stats &&
        ordered(report.stats, ['renders', 'renderMs', 'proofRenders', 'proofRenderMs', 'cacheHits', 'cacheMisses']),
    },
    REPORT_KEYS,
  );
  return `${JSON.stringify(model, null, 2)}\n`;
}
