// The fleet verdict of a release gate: one row per changed chart, one column per environment, each cell what
// rolling the chart out there takes: pass, warn, fail (a finding at or above fail-on that nobody accepted), or
// needs reinstall (nothing blocks, but helm upgrade alone fails or orphans data: run the upgrade runbook).
// Accepted findings (finding.accepted, from the acceptances file) never block; each cell counts them apart. Findings
// already there on the base (introduced: false) block only with failOnExisting, like the report's verdict. A chart
// that does not run in an environment (config `charts.<chart>.environments`, `enabled: false`) has an empty cell
// there (not-run).
import { byRing } from './readiness.js';
import { type ChartReport, type FailOn, type Finding, isPreexisting, type Report } from './report.js';

/** Findings of one environment: those that name it, and those that hold in every environment. */
export function findingsIn(findings: readonly Finding[], environment: string | undefined): Finding[] {
  return findings.filter((f) => environment === undefined || !f.environments || f.environments.includes(environment));
}

export type CellStatus = 'pass' | 'warn' | 'fail' | 'needs-reinstall' | 'not-run';

export interface FleetCell {
  status: CellStatus;
  /** Findings that count (not accepted), by severity. */
  errors: number;
  warnings: number;
  /** Findings an acceptance covers: shown, never blocking. */
  accepted: number;
}

export interface FleetMatrix {
  /** Column names; [undefined] for a config without environments. */
  environments: (string | undefined)[];
  /** `chart` is its name, `dir` its folder (a chart frozen in several destinations has one name). */
  rows: { chart: string; dir: string; cells: FleetCell[] }[];
}

export function isAccepted(finding: Finding): boolean {
  return finding.accepted !== undefined;
}

/**
 * The fail-on the verdict was computed with, when the caller does not know it (the CLI's text): a failed report
 * without errors failed on warnings; a report that only warns despite errors runs with fail-on never.
 */
export function impliedFailOn(report: Pick<Report, 'verdict' | 'summary'>): FailOn {
  if (report.verdict === 'fail' && report.summary.errors === 0) return 'warning';
  if (report.verdict !== 'fail' && report.summary.errors > 0) return 'never';
  return 'error';
}

/**
 * @param failOn the policy when the report does not say (reports carry `failOn` once acceptances and the config's
 * policy are in); else implied by the verdict.
 */
export function fleetMatrix(report: Report, failOn?: FailOn): FleetMatrix {
  const policy = report.failOn ?? failOn ?? impliedFailOn(report);
  const charts = report.charts.filter((chart) => chart.change !== 'unchanged');
  const environments: (string | undefined)[] = [];
  for (const chart of charts) {
    for (const actions of chart.upgradeActions ?? []) {
      if (!environments.includes(actions.environment)) environments.push(actions.environment);
    }
  }
  // grouped by rollout ring, lowest first (config rings), as the rollout goes
  environments.sort(byRing(report));
  if (environments.length === 0) environments.push(undefined);
  return {
    environments,
    rows: charts.map((chart) => ({
      chart: chart.name,
      dir: chart.dir,
      cells: environments.map((env) =>
        runsIn(chart, env) ? cellOf(chart, env, policy, report.failOnExisting ?? false) : NOT_RUN,
      ),
    })),
  };
}

const NOT_RUN: FleetCell = { status: 'not-run', errors: 0, warnings: 0, accepted: 0 };

/** A chart analysed per environment runs in those its report lists; without environments, in the one column. */
function runsIn(chart: ChartReport, environment: string | undefined): boolean {
  return environment === undefined || !chart.environments || chart.environments.some((e) => e.name === environment);
}

function cellOf(
  chart: ChartReport,
  environment: string | undefined,
  failOn: FailOn,
  failOnExisting: boolean,
): FleetCell {
  const findings = findingsIn(chart.findings, environment);
  const open = findings.filter((f) => !isAccepted(f));
  const counting = failOnExisting ? open : open.filter((f) => !isPreexisting(f));
  const errors = counting.filter((f) => f.severity === 'error').length;
  const warnings = counting.filter((f) => f.severity === 'warning').length;
  const actions = chart.upgradeActions?.find((a) => a.environment === environment);
  const reinstall = actions?.reinstall ?? findings.some((f) => f.needsReinstall);
  const blocking = (failOn === 'error' && errors > 0) || (failOn === 'warning' && errors + warnings > 0);
  const status: CellStatus = blocking
    ? 'fail'
    : reinstall
      ? 'needs-reinstall'
      : errors + warnings > 0
        ? 'warn'
        : 'pass';
  return { status, errors, warnings, accepted: findings.length - open.length };
}

/** "fail (2 errors, 1 accepted)"; empty where the chart does not run. */
export function cellText(cell: FleetCell): string {
  if (cell.status === 'not-run') return '';
  const status = cell.status === 'needs-reinstall' ? 'needs reinstall' : cell.status;
  const parts = [
    cell.errors ? `${cell.errors} error${cell.errors === 1 ? '' : 's'}` : '',
    cell.warnings ? `${cell.warnings} warning${cell.warnings === 1 ? '' : 's'}` : '',
    cell.accepted ? `${cell.accepted} accepted` : '',
  ].filter(Boolean);
  return parts.length ? `${status} (${parts.join(', ')})` : status;
}
