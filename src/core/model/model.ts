// The domain model shared by loaders and rules: lockfile entries, chart changes, loaded charts, overrides, config.
// Loaders fill these from a Snapshot; rules read them and never touch git, helm or the file system.
import type { RINGS, RULE_SETTINGS, TEMPLATE_ENGINES } from '../config/config-definition.js';
import type { ChangeKind, FailOn, RuleId, SemverChange } from '../report/report.js';
import type { KeyPath } from '../values/key-path.js';

/** A problem a user caused in an input file: becomes a finding, never a thrown string. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

// ---------- lockfile (helm-freeze.yaml) ----------

export interface LockRepo {
  name: string;
  url: string;
  type?: string;
  line: number;
}

export interface LockDestination {
  name: string;
  /** As written, relative to the lockfile's folder. */
  path: string;
  /** Repo-relative, normalised. */
  repoPath: string;
  line: number;
}

export interface LockEntry {
  name: string;
  version: string;
  repoName?: string;
  dest?: string;
  destFolderOverride?: string;
  noSync: boolean;
  chartPath?: string;
  comment?: string;
  /** Repo-relative chart folder: <destination path>/<dest_folder_override or name>. */
  dir: string;
  /** Repo-relative destination folder. */
  destDir: string;
  /** 1-based line of the entry's first key, and of its version key. */
  line: number;
  versionLine: number;
}

export interface Lockfile {
  /** Repo-relative path of the lockfile. */
  path: string;
  charts: LockEntry[];
  repos: LockRepo[];
  destinations: LockDestination[];
  problems: InputProblem[];
  /** The file is not YAML a lockfile can be read from: it holds no entries, which says nothing about the charts. */
  unreadable?: boolean;
}

export interface ChartChange {
  name: string;
  /** Folder at head (at base when removed). */
  dir: string;
  change: ChangeKind;
  base?: LockEntry;
  head?: LockEntry;
  semverChange: SemverChange | null;
}

// ---------- charts as read from a snapshot ----------

export interface ChartDependency {
  name: string;
  alias?: string;
  version?: string;
  repository?: string;
  condition?: string;
}

export interface ChartMetadata {
  apiVersion?: string;
  name?: string;
  version?: string;
  appVersion?: string;
  kubeVersion?: string;
  deprecated?: boolean;
  annotations: Record<string, string>;
  dependencies: ChartDependency[];
}

export interface CrdSource {
  /** Repo-relative file under crds/ (or templates/ when found in a render). */
  file: string;
  content: string;
  /**
   * The paths helm may print for it in `# Source:`, after the top chart's name: "crds/x.yaml", or for a subchart
   * "charts/<alias or name>/crds/x.yaml" at any depth (helm 3 prints deeper levels by chart name, helm 4 by alias).
   */
  helmPaths: string[];
}

export interface LoadedChart {
  /** Repo-relative chart folder. */
  dir: string;
  metadata: ChartMetadata;
  chartYamlPath: string;
  /** The chart's own values.yaml, parsed ({} when absent). */
  ownDefaults: Record<string, unknown>;
  /** Defaults as .Values sees them: own values plus each subchart's defaults under its alias/name, and global. */
  defaults: Record<string, unknown>;
  /** Parsed values.schema.json of the top chart, when present and valid JSON. */
  schema?: unknown;
  schemaPath?: string;
  /** Key paths the templates read (.Values.a.b -> [a, b]), subchart reads prefixed with the subchart key. */
  templateReads: KeyPath[];
  /** README text, when present. */
  readme?: string;
  /** Files under crds/ (top chart and subcharts). */
  crds: CrdSource[];
  /**
   * Template files that can emit objects (top chart and subcharts; not .tpl helpers), with the paths helm prints
   * for them in `# Source:` after the top chart's name. Optional: charts built by hand in tests may leave it out.
   */
  templates?: CrdSource[];
  problems: InputProblem[];
}

// ---------- overrides ----------

export interface OverrideKey {
  /** Key path as Helm sees it, below the chart's .Values. */
  path: KeyPath;
  /** Leaf value (lists are kept whole: Helm replaces them whole). Opaque template placeholders are strings. */
  value: unknown;
  file: string;
  line: number;
  source: 'file' | 'config';
}

export interface OverrideFile {
  path: string;
  /** Parsed values (what could be parsed). */
  values: Record<string, unknown>;
  /** Leaf keys with their lines. */
  keys: OverrideKey[];
  /** Template lines ({% if %}, unparsable {{ }}) that were left out, with 1-based lines. */
  skipped: { line: number; text: string }[];
  /**
   * Line ranges (1-based, inclusive) of template branches that were not read: of each `{% if %}` only the first
   * branch is, and each `{% for %}` body once (values/template-branches.ts). The render reads the same branch.
   */
  notTaken?: { from: number; to: number }[];
  /** The template context the file was rendered with (config `templates.context`), when it was rendered. */
  renderedWith?: string;
  /** Set when the file could not be parsed at all. */
  error?: InputProblem;
  /** helm 3 reads only the first YAML document: the `---` line after which documents were ignored, and how many. */
  ignoredDocuments?: { line: number; count: number };
}

// ---------- configuration (.github/chart-guard.yaml) ----------

/** What `rules:` may set a rule to, as the config definition lists them. */
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface ChartConfig {
  /** Extra override file patterns for this chart. */
  values: string[];
  /** Keys set from code (--set style), with example values when given (undefined otherwise). */
  set: SetKey[];
  releaseName?: string;
  namespace?: string;
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** API versions this chart's clusters also serve (CRDs installed there), added to the config's. */
  apiVersions?: string[];
  /** Overrides the top-level `templates` for this chart's override files. */
  templates?: TemplateSettings;
  /** The environments it runs in (`environments: [aws]`); absent: every one. */
  environments?: string[];
  /** many: deployed as many releases (one per database); the runbook loops over `helm list` (default one). */
  releases?: 'one' | 'many';
  /** With releases: many, the `helm list --filter` regular expression selecting them (default ^<release name>). */
  releaseFilter?: string;
  /** Line of its key in the config file. */
  line?: number;
}

/**
 * One chart's settings in one environment (`environments.<env>.charts.<chart>`): `values` replaces the shared
 * patterns for the chart there; releaseName and namespace replace the chart's; set keys merge over the chart's.
 */
export interface EnvironmentChartConfig {
  /** false: the chart does not run in the environment. */
  enabled?: boolean;
  releaseName?: string;
  namespace?: string;
  values?: string[];
  set: SetKey[];
  /** Line of its key in the config file. */
  line?: number;
}

/**
 * How templated override files are rendered before they are read (config `templates`). Without it, template
 * expressions stay opaque for the key checks and become neutral placeholders in the render.
 */
export interface TemplateSettings {
  engine: (typeof TEMPLATE_ENGINES)[number];
  /** Repo-relative YAML file of the variables the deploy pipeline renders the files with; read from each snapshot. */
  context: string;
  /** Where the setting is written in the config file, for problems with the context file. */
  line?: number;
}

/** A `set:` entry: a key path the deploy passes with --set, and its example value when the config gives one. */
export interface SetKey {
  path: KeyPath;
  example?: unknown;
  line: number;
}

/**
 * One group of clusters the charts are deployed to (config `environments`), with the top-level settings resolved:
 * values patterns are the top-level ones then its own; kube its own `kubernetes`, else the top-level one; apiVersions
 * both lists; set the top-level keys, then its own (a key set in both takes the environment's example).
 */
export interface Environment {
  /** Undefined for the implicit environment of a config without `environments` (today's single render). */
  name?: string;
  values: string[];
  /** Its Kubernetes target, resolved once (--kube-version, else its own `kubernetes`, else the top-level one). */
  kube?: KubeTarget;
  apiVersions: string[];
  set: SetKey[];
  /** How its templated override files are rendered: its own `templates`, else the top-level one. */
  templates?: TemplateSettings;
  /** Its per-chart settings (`environments.<env>.charts`), keyed by lockfile entry name or chart folder. */
  charts?: Record<string, EnvironmentChartConfig>;
  /** Config line of the environment's name. */
  line?: number;
}

/** An environment as written in the config, before the top-level settings are merged in. */
export interface EnvironmentConfig {
  name: string;
  values: string[];
  kubernetes?: KubeTarget;
  apiVersions: string[];
  set: SetKey[];
  templates?: TemplateSettings;
  /** Per-chart settings in this environment, keyed by lockfile entry name or chart folder. */
  charts?: Record<string, EnvironmentChartConfig>;
  line: number;
  /** Line of its `values:` key, for "matches no file" problems. */
  valuesLine?: number;
  /** Its rollout ring (0 test, 1 non-production, 2 production): Kubernetes upgrades roll out ring by ring. */
  ring?: Ring;
}

/** A rollout ring, as config `environments.<env>.ring` sets it. */
export type Ring = (typeof RINGS)[number];

export interface KubeTarget {
  /** Oldest and newest cluster version of the fleet, "1.29" style; equal for a single target. */
  min: string;
  max: string;
}

/** `redact:` in the config: extra credential names (words like `stripeKey`, or exact key paths), or only those. */
export interface RedactConfig {
  keys: string[];
  replace: boolean;
}

export interface Config {
  /** Repo-relative path it was read from, or undefined when defaults. */
  path?: string;
  lockfile: string;
  values: string[];
  kubernetes?: KubeTarget;
  /** Last key segments below which any key is accepted (annotations, labels, nodeSelector...). */
  freeFormKeys: string[];
  rules: Partial<Record<RuleId, RuleSetting>>;
  /**
   * API versions the clusters serve beyond the built-in ones ("monitoring.coreos.com/v1", or with a kind
   * "monitoring.coreos.com/v1/ServiceMonitor"), passed to helm template with --api-versions.
   */
  apiVersions: string[];
  /** Per chart, keyed by lockfile entry name or chart folder. */
  charts: Record<string, ChartConfig>;
  /** Values every chart's render gets in every environment (--set style, with example values), before its own. */
  set: SetKey[];
  /** Groups of clusters, in config order; empty: one implicit environment with the top-level settings. */
  environments: EnvironmentConfig[];
  render: {
    enabled: boolean;
    helm?: string;
    timeoutSeconds: number;
    /** Extra head renders per chart to prove weakly accepted override keys ignored; 0 turns the proof off. */
    proofRenders: number;
  };
  /** Extra credential names whose values are hidden in every output (src/core/redact/credentials.ts). */
  redact: RedactConfig;
  /** Render templated override files with a context (per chart: ChartConfig.templates). */
  templates?: TemplateSettings;
  /** The fail-on policy; the --fail-on flag and the fail-on input win over it. */
  failOn?: FailOn;
  /** Repo-relative path of the acceptances file (acceptances.ts). */
  acceptances: string;
  /**
   * Who may approve the acceptances a change adds (`acceptances: { approvers: [...] }`): logins or "org/team".
   * Absent: anyone but the change's author (acceptance-approval.ts). A policy setting: the base's applies.
   */
  acceptanceApprovers?: string[];
  /** How far ahead an acceptance may expire, in days. */
  acceptanceMaxDays: number;
  /** Line of each policy setting as written ("rules.<id>", "charts.<chart>.rules.<id>", "render.enabled"...). */
  policyLines: Record<string, number>;
  /** Findings that already held on the base fail a review too (they always fail a lint); a policy setting. */
  failOnExisting?: boolean;
  /** `rings:` how Kubernetes upgrades roll out across the rings; absent: the defaults (a soak of 7 days). */
  rings?: { soakDays: number };
  problems: InputProblem[];
}

export const DEFAULT_FREE_FORM_KEYS = [
  'annotations',
  'labels',
  'nodeSelector',
  'podAnnotations',
  'podLabels',
  'commonLabels',
  'commonAnnotations',
  'extraLabels',
  'extraAnnotations',
  'matchLabels',
  'selectorLabels',
  'env',
  'extraEnv',
  'extraEnvVars',
  'envVars',
  'configmap',
  'config',
  'data',
  'stringData',
  'secrets',
  'resources',
  'securityContext',
  'podSecurityContext',
  'containerSecurityContext',
  'affinity',
  'tolerations',
];

export const DEFAULT_VALUES_PATTERNS: string[] = [];
