// The report model, schemaVersion 1: a public interface (docs/reference/report-contract.md).
// Fields may be added, never renamed or removed without bumping SCHEMA_VERSION.
import type { RuleId } from '../registry/rule-ids.js';

export const SCHEMA_VERSION = 1;

export type Severity = 'error' | 'warning' | 'notice';
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

// One per rule, declared beside the rule registry (rules/ids.ts) and held to it by the type checker.
export type { RuleId };

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** One sentence a person understands. */
  message: string;
  chart?: string;
  file?: string;
  line?: number;
  /**
   * `file` and `line` are in the base commit, not the head: an object the change removed was rendered from a
   * template the head may no longer have.
   */
  fileAtBase?: true;
  resource?: ResourceRef;
  /** Field path in the resource, or values key path, in Helm --set notation. */
  path?: string;
  /**
   * The key the rule suggests instead of `path`, in the same notation (override-key-removed: where the chart moved
   * it; override-key-unknown: a spelling fix). The message says it too ("Did you mean ...?").
   */
  suggestion?: string;
  before?: unknown;
  after?: unknown;
  /** What to do, e.g. the exact kubectl/helm commands. */
  remedy?: string;
  /** Makes `helm upgrade` fail or lose data unless the release is reinstalled / the object recreated. */
  needsReinstall?: boolean;
  /**
   * The config's environments this finding holds in (config order). Absent for findings that do not depend on an
   * environment (lockfile, chart files) and for every finding of a config without environments.
   */
  environments?: string[];
  /** Reviewed and accepted in the acceptances file: kept in every output, but never counted towards fail-on. */
  accepted?: Acceptance;
  /**
   * Added field: an entry the change adds or renews accepts this finding, but no second person approved the change
   * since the acceptances file last changed (acceptance-approval.ts): the finding still counts, as if not accepted.
   */
  awaitingApproval?: Acceptance;
  /**
   * Review only: false when the same finding (rule, chart, key/field path, resource or file) holds on the base, so
   * the change did not cause it (src/core/pipeline/preexisting.ts). Absent in a lint, which has no base.
   */
  introduced?: boolean;
}

/** The acceptances-file entry that accepts a finding (src/core/acceptances/acceptances.ts). */
export interface Acceptance {
  reason: string;
  /** YYYY-MM-DD: the last day the entry applies. */
  expires: string;
  /** Where the entry is written. */
  file: string;
  line: number;
  /** The entry is not in the base's acceptances file: the change under review adds it (or renews it). */
  added?: boolean;
}

/**
 * `modified`: the lockfile entry is the same but files in its chart folder changed (a hand edit or a partial
 * re-sync). `unchanged`: lint only, every chart as it is. Both are additions to the contract's list.
 */
export type ChangeKind = 'bumped' | 'added' | 'removed' | 'moved' | 'overrides-changed' | 'modified' | 'unchanged';
export type SemverChange = 'major' | 'minor' | 'patch' | 'prerelease' | 'downgrade' | 'other';

export interface ValuesChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface ValuesDiff {
  added: string[];
  removed: string[];
  changed: ValuesChange[];
}

export interface RenderStatus {
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
  /** A failed render: the helm command that reproduces it, --api-versions list included (remedies leave it out). */
  command?: string;
}

/** One object of a rendered diff: a unified diff of its YAML (sorted keys, noise labels left out, redacted). */
export interface ObjectDiff {
  change: 'changed' | 'added' | 'removed';
  resource: ResourceRef;
  /** The template it was rendered from (head; base for a removed object). */
  file?: string;
  /** Unified diff with `--- a/<Kind>/<namespace>/<name>.yaml` and `+++ b/...` headers. */
  patch: string;
}

export interface RenderedDiff {
  /** Absent for the implicit environment of a config without `environments`. */
  environment?: string;
  objects: ObjectDiff[];
}

export interface UpgradeNote {
  /** The README heading the note was taken from, e.g. "To 8.0.0". */
  heading: string;
  text: string;
}

export interface ChartReport {
  name: string;
  dir: string;
  change: ChangeKind;
  from: string | null;
  to: string | null;
  semverChange: SemverChange | null;
  overrideFiles: string[];
  render: RenderStatus;
  valuesDiff: ValuesDiff;
  findings: Finding[];
  /** Added fields (schemaVersion 1 allows additions). */
  needsReinstall: boolean;
  reinstallReason?: string;
  upgradeNotes?: UpgradeNote[];
  lockfileComment?: string;
  artifactHubChanges?: string[];
  /** Lockfile line of the entry at head (at base if removed), for annotations. */
  lockfileLine?: number;
  /** Per configured environment: the override files it applies and how its renders went (absent without any). */
  environments?: ChartEnvironmentReport[];
  /**
   * The rendered diff (base render vs head render) per environment, in config order; absent when nothing rendered
   * on both sides or no object changed. Added field (docs/reference/report-contract.md).
   */
  renderedDiff?: RenderedDiff[];
  /** The upgrade runbook of a changed chart, one per environment (added field; src/core/runbook/upgrade-plan.ts). */
  upgradeActions?: UpgradeActions[];
}

export interface ChartEnvironmentReport {
  name: string;
  overrideFiles: string[];
  render: RenderStatus;
}

/** A configured environment with its settings resolved (config `environments`, top-level settings merged in). */
export interface EnvironmentReport {
  name: string;
  /** Override file patterns, in the order their files are layered. */
  values: string[];
  /** "1.31", or "1.29-1.31" for a range; null without a target. */
  kubernetesVersion: string | null;
  apiVersions: string[];
  /** Key paths passed with --set in every chart's render (examples are not shown: they may be credentials). */
  set: string[];
}

/** One step of a runbook: what to do and, unless a person has to act (a backup), the shell commands, one a line. */
export interface UpgradeStep {
  phase: 'before' | 'upgrade' | 'after';
  description: string;
  commands: string[];
  /** The runbook stops here until it is done (a stepping-stone version, a template without a rendered copy). */
  blocking?: true;
}

/** A templated override file rendered for the runbook: the plan writes `content` to `path` in its folder (--plan-dir). */
export interface RenderedFile {
  /** The override file as the repository holds it (Jinja). */
  source: string;
  /** Relative path in the plan folder: environment/chart/n-name.yaml, safe words only. */
  path: string;
  /** The template context file it was rendered with. */
  renderedWith: string;
  content: string;
}

/** A crds/ CRD `helm upgrade` does not apply (crd-changed, crd-version-removed). */
export interface CrdApply {
  name: string;
  file: string;
  command: string;
}

/** An object deleted before the upgrade so Helm can re-create it (immutable-field-changed, statefulset-replaced). */
export interface ObjectDelete {
  kind: string;
  name: string;
  namespace?: string;
  /** orphan: the workload's pods keep running until the new ones are ready; background: a plain delete. */
  cascade: 'orphan' | 'background';
  command: string;
}

/** Data to back up before the upgrade: the PVCs of a replaced StatefulSet (or a re-created claim or CRD). */
export interface Backup {
  kind: string;
  name: string;
  namespace?: string;
  /** The PVCs holding the data. */
  claims: string[];
  /** The StatefulSet that takes its place (statefulset-replaced), and its new claims. */
  successor?: { name: string; claims: string[] };
  note: string;
}

/** What a deploy tool does for one chart in one environment, in order (`steps`), and the same facts as fields. */
export interface UpgradeActions {
  /** The configured environment; absent for the implicit one. */
  environment?: string;
  release: string;
  namespace: string;
  /** 1-based place of the chart in the environment's runbook: charts shipping CRDs others use come first. */
  order: number;
  /** Changed charts whose CRDs this chart's resources use (upgraded before it). */
  dependsOn: string[];
  reinstall: boolean;
  crdsToApply: CrdApply[];
  orphanDeletes: ObjectDelete[];
  backups: Backup[];
  /** The helm command of the upgrade itself (`helm uninstall` for a removed chart). */
  upgrade: string;
  steps: UpgradeStep[];
  /** Deployed as many releases (config releases: many): the `helm list --filter` selecting them (release: the example). */
  releaseFilter?: string;
  /** Copies of its templated override files rendered with the environment's template context, for the plan folder. */
  renderedFiles?: RenderedFile[];
  /**
   * A shard's report only: what `order` and `dependsOn` were worked out from, so merging the shards orders the
   * charts of all of them together (shards/merge-reports.ts); a merged or unsharded report has none.
   */
  orderKinds?: OrderKinds;
}

/** CRD kinds ("example.com/Widget") a chart's head render ships, and the kinds ("group/Kind") its objects use. */
export interface OrderKinds {
  provides: string[];
  uses: string[];
}

export type Verdict = 'pass' | 'warn' | 'fail';
export type FailOn = 'error' | 'warning' | 'never';

/**
 * Counts of the findings the change introduced (in a lint: every finding) and that are not accepted; accepted and
 * pre-existing findings are counted apart, whatever their severity (one both accepted and pre-existing: accepted).
 */
export interface ReportSummary {
  errors: number;
  warnings: number;
  notices: number;
  needsReinstall: boolean;
  /** Added field: findings an acceptances-file entry accepts (left out of errors, warnings and notices). */
  accepted?: number;
  /**
   * Findings that already held on the base (introduced: false) and are not accepted, counted apart; present when
   * there are any.
   */
  preexisting?: { errors: number; warnings: number; notices: number };
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'chart-guard'; version: string };
  mode: 'review' | 'lint';
  base: { ref: string; sha: string | null } | null;
  head: { ref: string; sha: string | null };
  lockfile: string;
  kubernetesVersion: string | null;
  /**
   * Added field, with config `environments`: each environment's Kubernetes target by name ("1.31", "1.29-1.31", or
   * null where it has none), the versions its API and kubeVersion checks ran against.
   */
  kubernetes?: Record<string, string | null>;
  verdict: Verdict;
  summary: ReportSummary;
  charts: ChartReport[];
  findings: Finding[];
  /** Things the run could not do but that did not stop it (e.g. skipped template lines). */
  diagnostics?: string[];
  /** What the run cost (added field; differs from run to run, unlike the rest of the report). */
  stats?: ReportStats;
  /** The config's environments with their resolved settings (added field; absent without `environments`). */
  environments?: EnvironmentReport[];
  /** Added field: the fail-on policy the verdict was made with (the flag or input, else the config's failOn). */
  failOn?: FailOn;
  /** Added field, present when true: pre-existing findings counted towards the verdict (failOnExisting). */
  failOnExisting?: boolean;
  /**
   * Added field: a digest of the effective config (config file, flags that change it, environments, rendering on or
   * off). Reports merge only when theirs are equal.
   */
  configDigest?: string;
  /** Added field, present in a sharded run's report (`--shard 2/3`): which part of the run it holds. */
  shard?: ReportShard;
  /**
   * Added field, present when the change raises an environment's Kubernetes target (or `lint --kube-version` does)
   * or the environments have rollout rings: the readiness review's facts (pipeline/readiness.ts, report/readiness.ts).
   */
  readiness?: ReadinessFacts;
}

/** The rollout of a Kubernetes upgrade: each environment's ring and raise, and the soak between rings. */
export interface ReadinessFacts {
  /** Days a ring runs the new version before the next ring is upgraded (config rings.soakDays). */
  soakDays: number;
  /** Every environment of the run, in config order. */
  environments: ReadinessEnvironment[];
}

export interface ReadinessEnvironment {
  /** Absent for the implicit environment (a config without `environments`). */
  name?: string;
  /** Its rollout ring (0 test, 1 non-production, 2 production), when the config gives one. */
  ring?: number;
  /** When the change raises its target: the version its clusters run now and the new one ("1.24", "1.25"). */
  from?: string;
  to?: string;
}

/** Which part of a sharded run a report holds. */
export interface ReportShard {
  /** 1-based. */
  index: number;
  count: number;
  /**
   * The folders of every chart of the whole run (every shard's), in the order an unsharded report lists them:
   * `chart-guard merge` orders the merged charts by it and checks that the shards belong to the same run.
   */
  runCharts: string[];
}

export interface ReportStats {
  /** `helm template` runs of the charts' base and head sides, and their summed helm time. */
  renders: number;
  renderMs: number;
  /** Extra head renders that proved weakly accepted override keys ignored (render.proofRenders), and their time. */
  proofRenders: number;
  proofRenderMs: number;
  /**
   * With a render cache (--cache): renders (base, head and proof) read from it, and renders looked up and not
   * found (then made with helm).
   */
  cacheHits?: number;
  cacheMisses?: number;
}

export function allFindings(report: Pick<Report, 'charts' | 'findings'>): Finding[] {
  return [...report.findings, ...report.charts.flatMap((c) => c.findings)];
}

/**
 * A finding the change did not cause (it held identically on the base), counted and listed apart. An accepted one
 * is counted and listed as accepted instead: the acceptance is the more deliberate word on it.
 */
export function isPreexisting(finding: Finding): boolean {
  return finding.introduced === false && !finding.accepted;
}

function counts(findings: Finding[]) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notices: findings.filter((f) => f.severity === 'notice').length,
  };
}

export function summarise(report: Pick<Report, 'charts' | 'findings'>): ReportSummary {
  const all = allFindings(report);
  const open = all.filter((f) => !f.accepted);
  const accepted = all.length - open.length;
  const preexisting = open.filter(isPreexisting);
  return {
    ...counts(open.filter((f) => !isPreexisting(f))),
    needsReinstall: report.charts.some((c) => c.needsReinstall),
    ...(accepted > 0 ? { accepted } : {}),
    ...(preexisting.length ? { preexisting: counts(preexisting) } : {}),
  };
}

/**
 * The fail-on policy: errors fail unless fail-on is never; warnings fail only with fail-on: warning. Findings that
 * were already there count only with fail-on-existing (a lint has none: it judges every finding).
 */
export function verdictOf(summary: ReportSummary, failOn: FailOn, failOnExisting = false): Verdict {
  const old = failOnExisting ? summary.preexisting : undefined;
  const errors = summary.errors + (old?.errors ?? 0);
  const warnings = summary.warnings + (old?.warnings ?? 0);
  if (failOn === 'error' && errors > 0) return 'fail';
  if (failOn === 'warning' && errors + warnings > 0) return 'fail';
  if (errors + warnings > 0) return 'warn';
  return 'pass';
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

/** One status for several renders (a chart's environments, or its shards): a failure first, then a skip, else ok. */
export function worstRenderStatus(statuses: readonly RenderStatus[]): RenderStatus {
  return statuses.find((s) => s.status === 'failed') ?? statuses.find((s) => s.status === 'skipped') ?? statuses[0];
}
