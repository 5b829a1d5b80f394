// The readiness of a Kubernetes upgrade, as the report says it (Report.readiness, pipeline/readiness.ts): per
// environment in rollout order (by ring, then config order), the charts that block the upgrade there with their fix,
// the `helm mapkubeapis` steps to run before the cluster upgrade, and whether it may go: ready, blocked, or waiting
// for an earlier ring (a readiness failure in ring 0 holds every later ring until ring 0 passes, then the soak).
// The rows are the findings of the readiness checks (their rules' readiness hook) in a raised environment.
import type { HooksOf } from '../registry/rule-hooks.js';
import type { FailOn, Finding, ReadinessEnvironment, Report, RuleId, Severity } from './report.js';

export interface ReadinessRow {
  chart: string;
  dir: string;
  rule: RuleId;
  severity: Severity;
  /** The finding's message and remedy. */
  blocker: string;
  fix?: string;
  /** An acceptance covers it: shown, never blocking. */
  accepted: boolean;
}

export type ReadinessStatus =
  /** Raised, and nothing blocks at the fail-on policy. */
  | 'ready'
  /** Raised, and a blocker fails the review. */
  | 'blocked'
  /** A later ring while an earlier ring is blocked. */
  | 'waiting'
  /** Not raised by this change, and no earlier ring holds it. */
  | 'unchanged';

export interface ReadinessStage extends ReadinessEnvironment {
  status: ReadinessStatus;
  /** With `waiting`: the earliest blocked ring. */
  blockedBy?: number;
  rows: ReadinessRow[];
  /** The commands to run before the cluster upgrade (the runbook's map-kube-apis steps), once each. */
  beforeClusterUpgrade: string[];
}

export interface ReadinessView {
  soakDays: number;
  /** Every environment, in rollout order. */
  stages: ReadinessStage[];
}

/** A finding that names the environment, or holds in every one. */
const holdsIn = (finding: Finding, environment: string | undefined) =>
  environment === undefined || !finding.environments || finding.environments.includes(environment);

/** The shell commands a remedy quotes in backticks that rewrite a stored release. */
function mapKubeApisCommands(finding: Finding): string[] {
  return [...(finding.remedy ?? '').matchAll(/`(helm mapkubeapis [^`]+)`/g)].map((m) => m[1]);
}

/** The rollout's stages, or undefined when the report has no readiness facts. */
export function readinessView(report: Report, hooks: HooksOf, failOn?: FailOn): ReadinessView | undefined {
  const facts = report.readiness;
  if (!facts) return undefined;
  const policy = report.failOn ?? failOn ?? 'error';
  const findings = report.charts.flatMap((chart) => chart.findings.map((finding) => ({ chart, finding })));
  const ring = byRing(report);
  // sort is stable: config order within a ring
  const order = [...facts.environments].sort((a, b) => ring(a.name, b.name));
  let blockedRing: number | undefined;
  const stages = order.map((environment): ReadinessStage => {
    const raised = environment.to !== undefined;
    const mine = raised
      ? findings.filter(
          ({ finding }) => hooks(finding.rule).readiness !== undefined && holdsIn(finding, environment.name),
        )
      : [];
    const rows = mine.map(({ chart, finding }) => ({
      chart: chart.name,
      dir: chart.dir,
      rule: finding.rule,
      severity: finding.severity,
      blocker: finding.message,
      ...(finding.remedy ? { fix: finding.remedy } : {}),
      accepted: finding.accepted !== undefined,
    }));
    const blocking = rows.some(
      (row) => !row.accepted && (row.severity === 'error' || (policy === 'warning' && row.severity === 'warning')),
    );
    const commands = [
      ...new Set(
        mine.flatMap(({ finding }) =>
          hooks(finding.rule).runbook?.includes('map-kube-apis') ? mapKubeApisCommands(finding) : [],
        ),
      ),
    ];
    const held = blockedRing !== undefined && environment.ring !== undefined && environment.ring > blockedRing;
    const status: ReadinessStatus = held ? 'waiting' : !raised ? 'unchanged' : blocking ? 'blocked' : 'ready';
    if (raised && blocking && environment.ring !== undefined)
      blockedRing = Math.min(blockedRing ?? 99, environment.ring);
    return {
      ...environment,
      status,
      ...(held ? { blockedBy: blockedRing } : {}),
      rows,
      beforeClusterUpgrade: commands,
    };
  });
  return { soakDays: facts.soakDays, stages };
}

/** "staging (ring 0)", "the clusters" for the implicit environment. */
export function stageName(stage: Pick<ReadinessEnvironment, 'name' | 'ring'>): string {
  const name = stage.name ?? 'the clusters';
  return stage.ring === undefined ? name : `${name} (ring ${stage.ring})`;
}

/**
 * Environments in rollout order: by ring (an environment without one after every ringed one), then as given. For
 * the runbook and the fleet verdict, which list environments in the report's order otherwise.
 */
export function byRing(report: Pick<Report, 'readiness'>): (a: string | undefined, b: string | undefined) => number {
  const rings = new Map((report.readiness?.environments ?? []).map((e) => [e.name, e.ring]));
  return (a, b) => (rings.get(a) ?? 99) - (rings.get(b) ?? 99);
}

/** A stage's status in words: "blocked (5 blocking, 1 warning)", "waiting: blocked until ring 0 passes", "ready". */
export function stageStatus(stage: ReadinessStage): string {
  if (stage.status === 'waiting') return `waiting: blocked until ring ${stage.blockedBy} passes`;
  const open = stage.rows.filter((row) => !row.accepted);
  const errors = open.filter((row) => row.severity === 'error').length;
  const others = open.length - errors;
  const counts = [errors ? `${errors} blocking` : '', others ? `${others} warning${others === 1 ? '' : 's'}` : ''];
  const said = counts.filter(Boolean).join(', ');
  return said ? `${stage.status} (${said})` : stage.status;
}
