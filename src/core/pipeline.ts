// The one pipeline behind review, lint and review-with-lint: snapshots and a config in, one report out. Its steps
// read top to bottom in runPipeline; a plan (review.ts, lint.ts) says which charts and which rules. Knows nothing
// of GitHub or terminals.
//
//   1. workspaces   base and head: config, lockfile, override files per environment
//   2. changes      which charts (the changed ones, or all for a lint) × which environments (a shard's pairs)
//   3. analysis     per chart: both sides loaded once, each environment's overrides read
//   4. renders      per chart × environment, one render policy (helm looked up once, one pool of helm slots)
//   5. proof        extra head renders proving weakly accepted override keys ignored
//   6. rules        per chart as soon as its renders are in: environment-free rules once, the others per
//                   environment, findings merged
//   7. acceptances  findings the acceptances file accepts marked; expired and stale entries reported
//   8. report       assembled, redacted, verdict computed
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { type NewAcceptances, newAcceptancesApproved } from './acceptance-approval.js';
import { type AcceptanceEntry, acceptanceOutcome, acceptFindings, addsEntries } from './acceptances.js';
import { analyseChart, buildChartReport, type ChartAnalysis, renderJobsFor, withRenders } from './chart-analysis.js';
import { type ChartInputs, chartContext } from './chart-context.js';
import { createLimiter, type Limiter } from './concurrency.js';
import { chartConfigFor } from './config.js';
import { HELM_ABSENT, RENDER_DISABLED, usableHelm } from './helm-choice.js';
import { withIgnoredKeyProof } from './ignored-key-proof.js';
import { unknownChartKeys, unmatchedValuesPatterns } from './input-checks.js';
import { diffLockfiles } from './lockfile/changes.js';
import { entryProblems, fileProblems } from './lockfile/validate.js';
import type { ChartChange, Config, Environment, KubeTarget, LockEntry } from './model.js';
import { lockfileChange, type PolicyChange, pinChartSettings, policyChanges, withBasePolicy } from './policy.js';
import { baseOnlyContext, markIntroduced } from './preexisting.js';
import { type Redactor, redactChartReport, redactFindings, reportRedactor } from './redact.js';
import type { HelmBinary } from './render/helm.js';
import { helmVersionMemo } from './render/helm-version-memo.js';
import { RenderCache, type RenderCacheOptions } from './render/render-cache.js';
import { type RenderJob, renderAll } from './render/renderer.js';
import type { RenderResult } from './render/types.js';
import { changedFiles } from './repo/changed-files.js';
import type { Snapshot } from './repo/snapshot.js';
import {
  type EnvironmentReport,
  type FailOn,
  type Finding,
  type Report,
  type ReportStats,
  type RuleId,
  SCHEMA_VERSION,
  type Severity,
  summarise,
  verdictOf,
} from './report.js';
import { allRules, ruleHooks, rulesFor } from './rules/index.js';
import { renderSkippedOf } from './rules/render-skipped.js';
import type { ChartRule, RepoContext, RepoRule } from './rules/rule.js';
import { ruleCrashed } from './rules/rule-crashed.js';
import { runChartRules, runRepoRules } from './rules/run.js';
import { inShard, type Shard } from './shard.js';
import { stableJson } from './stable-json.js';
import { withUpgradeActions } from './runbook/upgrade-plan.js';
import { formatKeyPath } from './values/key-path.js';
import { orphanOverrideFiles } from './values/override-files.js';
import {
  DEFAULT_CONFIG_PATH,
  firstFileOf,
  loadWorkspace,
  readAcceptances,
  readConfig,
  type Workspace,
} from './workspace.js';

/** What a review and a lint both take: where the repository is, how to read it, how to judge it. */
export interface AnalysisOptions {
  /** Repository root (for git and for resolving the config file). */
  repoDir: string;
  head: Snapshot;
  /** Repo-relative lockfile path; overrides the config; default helm-freeze.yaml. */
  lockfile?: string;
  /** Extra override file patterns ({chart}, {dir}, {dest} placeholders), added to the config's. */
  values?: string[];
  /** Repo-relative config path; default .github/chart-guard.yaml (absent is fine for the default). */
  configPath?: string;
  /** Target Kubernetes version "1.31"; overrides the config's (and every environment's). */
  kubernetesVersion?: string;
  failOn?: FailOn;
  /** Findings that already held on the base fail the review too; overrides the policy's failOnExisting. */
  failOnExisting?: boolean;
  /** helm binary: a path, undefined to look on PATH, null to disable rendering. */
  helm?: string | null;
  /** Parallel renders; default: CPU count. */
  concurrency?: number;
  /**
   * A folder of render outcomes shared between runs (render-cache.ts): renders (proof renders too) whose inputs did
   * not change are read from it instead of running helm. An unusable folder means renders without it.
   */
  cache?: RenderCacheOptions;
  /** Progress lines for long runs (the CLI prints them on stderr). */
  progress?: (message: string) => void;
  toolVersion?: string;
  /** The day acceptances are judged on (their expiry); default today. */
  today?: Date;
  /**
   * Only the chart × environment pairs of this shard (shard.ts); the report says which (Report.shard) and
   * `chart-guard merge` puts the shards' reports back together.
   */
  shard?: Shard;
  /**
   * Whether acceptances the change adds or renews count (acceptance-approval.ts): the adapter's word, `trusted` when
   * absent (the CLI and the Action always say; a library caller vouches for its own acceptances).
   */
  newAcceptances?: NewAcceptances;
  /**
   * Whose policy applies (rule severities, failOn, failOnExisting, free-form keys, render switches, acceptances): a
   * review's base. Without it (a lint), the snapshot's own config is its policy.
   */
  policyBase?: Snapshot;
}

export interface ReviewOptions extends AnalysisOptions {
  base: Snapshot;
}

/** What a plan chooses; the pipeline does the rest. */
export interface Plan {
  mode: 'review' | 'lint';
  /** Review: the base to compare with (only changed charts are analysed). Lint: none, every chart is. */
  base?: Snapshot;
  /** Lint: leave out these chart folders (review-with-lint lints only the charts the review did not look at). */
  skipCharts?: ReadonlySet<string>;
}

/** Charts analysed ahead of their renders, per helm slot (see runPipeline). */
const CHARTS_IN_FLIGHT_PER_SLOT = 3;

export async function runPipeline(plan: Plan, options: AnalysisOptions): Promise<Report> {
  const progress = options.progress ?? (() => {});
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const cache = options.cache
    ? await RenderCache.open(options.cache, progress, options.toolVersion, options.repoDir)
    : undefined;
  const policy = renderPolicy(options, progress, cache);
  // 1. workspaces
  const spaces = await workspaces(plan, options);
  // 2. changes: which charts; each is checked in every one of spaces.head.environments
  const { changes: all, diagnostics } = changesOf(plan, spaces);
  progress(
    plan.mode === 'review'
      ? `${all.length} changed chart(s) in ${spaces.head.lockfilePath}`
      : `linting ${all.length} chart(s) of ${spaces.head.lockfilePath}`,
  );
  if (spaces.head.environments.length > 1) {
    progress(`environments: ${spaces.head.environments.map((e) => e.name).join(', ')}`);
  }
  // a shard analyses only its pairs: a chart none of whose environments is in the shard is not analysed at all
  const { shard } = options;
  const ofShard = (change: ChartChange) => (environment: Environment) => inShard(shard, change.dir, environment.name);
  const changes = all.filter((change) => spaces.head.environments.some(ofShard(change)));
  if (shard) progress(`shard ${shard.index}/${shard.count}: ${changes.length} of ${all.length} chart(s)`);

  // 3. analysis, 4. renders, 5. proof: charts are analysed `concurrency` at a time, in lockfile order, and each
  // chart's renders start as soon as it is analysed: helm runs while the next charts load (one git reader).
  // 6. rules: the ones the registry declares for this mode, on each chart as soon as its renders are in, while
  // helm still renders the next charts (the rules and the rendered diff are pure, per chart).
  const rules = rulesFor(plan.mode);
  const analyse = createLimiter(concurrency);
  // Charts between their analysis and their report hold their values, templates and renders: a few ahead of helm
  // keep it busy, more only take memory (a 300-chart lint analysed every chart while helm rendered the first ones).
  const inFlight = createLimiter(Math.max(4, concurrency * CHARTS_IN_FLIGHT_PER_SLOT));
  // helm is found before the charts are read: values files are read the way its major version reads them
  const helmMajor = changes.length > 0 ? (await policy.helm(spaces.head)).helm?.major : undefined;
  const checked = await Promise.all(
    changes.map((change) =>
      inFlight(() =>
        analyse(() => analyseChart(change, spaces.base, spaces.head, helmMajor, cache, ofShard(change)))
          .then((analyses) => rendersAndProof(analyses, spaces.head, policy))
          .then((analyses) => {
            const report = buildChartReport(analyses, chartFindings(rules.chart, analyses));
            return { analyses: withoutUnneededManifests(analyses), report };
          }),
      ),
    ),
  );
  const charts = checked.map(({ analyses }) => analyses);
  // the upgrade runbook of every chart and environment, from its findings and renders
  const chartReports = withUpgradeActions(
    checked.map(({ report }) => report),
    charts,
    { hooks: ruleHooks, keepOrderKinds: shard !== undefined },
  );
  const contexts = charts.flat().map((analysis) => analysis.context);
  // every shard checks the lockfile entries of the whole run: the same repository findings in each, merged once
  const repoRun = runRepoRules(rules.repo, {
    ...repoContextOf(plan, spaces, all),
    ...runConditions(spaces.head, options, contexts),
  });

  // 7. acceptances: after every rule, before the verdict
  const accepted = await withAcceptances(
    { charts: chartReports, findings: repoRun.findings },
    spaces,
    options,
    rules.acceptances,
  );

  const stats = renderStats(charts.flat());
  if (cache) {
    Object.assign(stats, { cacheHits: cache.hits, cacheMisses: cache.misses });
    await pruneCache(cache, progress);
  }

  // 8. report
  return assembleReport({
    mode: plan.mode,
    options: { ...options, base: plan.base },
    space: spaces.head,
    charts: accepted.charts,
    // a review's repository findings are about the files as the change leaves them
    findings: plan.base ? accepted.findings.map((finding) => ({ ...finding, introduced: true })) : accepted.findings,
    diagnostics,
    redactor: reportRedactor(contexts, spaces.head.config),
    stats,
    configDigest: configDigest(spaces.head, options),
    ...(shard ? { shard: { ...shard, runCharts: all.map((change) => change.dir) } } : {}),
  });
}

/** The run's cache figures on the progress lines, then the folder brought under its size bound. */
async function pruneCache(cache: RenderCache, progress: (m: string) => void): Promise<void> {
  progress(cache.summary());
  progress(cache.chartSummary());
  const pruned = await cache.prune();
  if (pruned.removed > 0) {
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    progress(
      `cache: removed ${pruned.removed} least recently used entries (${mib(pruned.freed)}) to stay under ${mib(cache.maxBytes)}`,
    );
  }
}

// ---------- 1. workspaces ----------

interface Workspaces {
  base: Workspace;
  head: Workspace;
  /** Files the review's diff touches (empty for a lint). */
  changed: Set<string>;
  /** How the head's config edits the policy of the base (empty for a lint). */
  policyChanges: PolicyChange[];
  /**
   * The entries of the acceptances file at the base, where they differ from `base` (a lint with the policy of a
   * review's base, in review-with-lint): entries the head adds are marked `added` in both halves.
   */
  baseAcceptances?: readonly AcceptanceEntry[];
}

async function workspaces(plan: Plan, options: AnalysisOptions): Promise<Workspaces> {
  const policyBase = plan.base ?? options.policyBase;
  if (!plan.base) {
    const policy = await policyOf(options, policyBase);
    const head = await loadWorkspace(options.head, { ...options, configOverride: policy.config, ownConfig: true });
    pinChartSettings(head.config, policy.base, policy.head, head.lockfile.charts);
    const baseAcceptances = policyBase && (await readAcceptances(policyBase, head.config, options.today)).entries;
    return { base: head, head, changed: new Set(), policyChanges: [], ...(baseAcceptances ? { baseAcceptances } : {}) };
  }
  const [policy, changed] = await Promise.all([
    policyOf(options, policyBase),
    changedFiles(options.repoDir, plan.base, options.head),
  ]);
  const head = await loadWorkspace(options.head, { ...options, configOverride: policy.config, ownConfig: true });
  const pinned = pinChartSettings(head.config, policy.base, policy.head, head.lockfile.charts);
  // Both sides are read with the config the review applies, each lockfile at its own side's path (the flag sets
  // both): a moved lockfile is compared entry by entry. A base without one there (the change adopts chart-guard
  // with another path) is read at the head's.
  const baseLockfile =
    options.lockfile === undefined
      ? await firstFileOf(plan.base, [policy.base.lockfile, head.lockfilePath])
      : undefined;
  const base = await loadWorkspace(plan.base, {
    ...options,
    lockfile: options.lockfile ?? baseLockfile ?? head.lockfilePath,
    configOverride: head.config,
    lockfileOptional: true,
    templateContextFallback: head,
  });
  const moved =
    baseLockfile === base.lockfilePath && baseLockfile !== head.lockfilePath
      ? lockfileChange(policy.base, policy.config, head.paths.includes(baseLockfile))
      : undefined;
  return { base, head, changed, policyChanges: [...(moved ? [moved] : []), ...policy.changes, ...pinned] };
}

/**
 * The config the run applies: the head's, with the policy of `policyBase` (a review's base) when there is one, and
 * how the head changes that policy (policy.ts). Without a policy base, the snapshot's own config is its policy.
 */
async function policyOf(
  options: AnalysisOptions,
  policyBase: Snapshot | undefined,
): Promise<{ config: Config; changes: PolicyChange[]; base: Config; head: Config }> {
  const head = await readConfig(options.head, options.configPath);
  if (!policyBase) return { config: head, changes: [], base: head, head };
  // the base may predate the config file (or a config named by the workflow): its policy is then the defaults
  const base = await readConfig(policyBase, options.configPath).catch(() => readConfig(policyBase, undefined));
  return {
    config: withBasePolicy(head, base, defaultSeverity),
    changes: policyChanges(base, head, defaultSeverity, options.configPath ?? DEFAULT_CONFIG_PATH),
    base,
    head,
  };
}

/**
 * What the run's findings depend on besides the commits: the config as applied (with the base's policy), the flags
 * that change it, the environments resolved, and whether charts are rendered. Shards merge only when it is equal.
 */
function configDigest(space: Workspace, options: AnalysisOptions): string {
  const effective = {
    config: space.config,
    lockfile: space.lockfilePath,
    values: options.values ?? [],
    kube: space.kube ?? null,
    environments: space.environments,
    render: options.helm !== null,
  };
  return `sha256:${createHash('sha256').update(stableJson(effective)).digest('hex')}`;
}

// ---------- 2. changes ----------

function changesOf(plan: Plan, spaces: Workspaces): { changes: ChartChange[]; diagnostics: string[] } {
  const { base, head, changed } = spaces;
  if (!plan.base) {
    const entries = head.lockfile.charts.filter((entry) => !plan.skipCharts?.has(entry.dir));
    const changes = entries.map(
      (entry): ChartChange => ({
        name: entry.name,
        dir: entry.dir,
        change: 'unchanged',
        head: entry,
        semverChange: null,
      }),
    );
    return { changes, diagnostics: [] };
  }
  // An unreadable lockfile has no entries: diffing it would report every chart as added or removed.
  const unreadable = [base, head].find((space) => space.lockfile.unreadable);
  if (unreadable) {
    const why = `charts were not compared: ${unreadable.lockfilePath} cannot be read at ${unreadable.snapshot.ref}`;
    return { changes: [], diagnostics: [why] };
  }
  const overridesChanged = (entry: LockEntry) =>
    [...(head.overrideFiles.get(entry.dir) ?? []), ...(base.overrideFiles.get(entry.dir) ?? [])].some((f) =>
      changed.has(f),
    );
  // an entry renamed (or moved) with its release kept is the same release: a bump, with every check of one
  const release = (entry: LockEntry) => {
    const chart = chartConfigFor(head.config, entry);
    return `${chart.namespace ?? 'default'}/${chart.releaseName ?? entry.name}`;
  };
  return {
    changes: diffLockfiles(base.lockfile, head.lockfile, changed, overridesChanged, release),
    diagnostics: [],
  };
}

// ---------- 4. renders, 5. proof ----------

/** How every render of a run is made: helm looked up once (when first needed), one pool of helm slots. */
interface RenderPolicy {
  helm(space: Workspace): Promise<{ helm?: HelmBinary; skipReason?: string }>;
  slots: Limiter;
  cache?: RenderCache;
}

function renderPolicy(options: AnalysisOptions, progress: (m: string) => void, cache?: RenderCache): RenderPolicy {
  // with a cache folder, `helm version` is remembered there for the very binary: a warm run spawns no helm at all
  const memo = cache ? helmVersionMemo(cache.dir) : undefined;
  // `helm version` runs while the workspaces load when the helm path is given (no config needed to find it)
  // (a path that is not a runnable helm rejects: the run stops, naming the path)
  const explicit = typeof options.helm === 'string' ? usableHelm(options.helm, memo) : undefined;
  explicit?.catch(() => {}); // awaited later; not an unhandled rejection meanwhile
  let lookup: Promise<{ helm?: HelmBinary; skipReason?: string }> | undefined;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  return {
    slots: createLimiter(concurrency),
    cache,
    helm(space) {
      lookup ??= (async () => {
        const enabled = options.helm !== null && space.config.render.enabled;
        const helm = enabled
          ? await (explicit ?? usableHelm(options.helm ?? space.config.render.helm, memo))
          : undefined;
        const skipReason = !enabled ? RENDER_DISABLED : !helm ? HELM_ABSENT : undefined;
        progress(helm ? `rendering charts with helm ${helm.version}` : `render skipped: ${skipReason}`);
        return { helm, skipReason };
      })();
      return lookup;
    },
  };
}

/**
 * One chart's renders in every environment, in one renderAll call so identical inputs (two environments with the
 * same files, target and APIs) run helm once; then each environment's ignored-key proof, in the same helm slots,
 * once per distinct set of inputs too.
 */
async function rendersAndProof(
  analyses: ChartAnalysis[],
  space: Workspace,
  policy: RenderPolicy,
): Promise<ChartAnalysis[]> {
  const jobsOf = analyses.map(renderJobsFor);
  const jobs: RenderJob[] = jobsOf.flat();
  if (jobs.length === 0) return analyses;
  const { helm, skipReason } = await policy.helm(space);
  const { timeoutSeconds, proofRenders } = space.config.render;
  const renderOptions = { helm, skipReason, helmSlots: policy.slots, timeoutSeconds, cache: policy.cache };
  const outcomes = await renderAll(jobs, renderOptions);
  const render = (proofJobs: RenderJob[]) => renderAll(proofJobs, renderOptions);
  const proofs = new Map<string, Promise<ChartAnalysis>>();
  return Promise.all(
    analyses.map(async (analysis, i) => {
      const rendered = withRenders(analysis, outcomes);
      const key = proofInputs(rendered, jobsOf[i]);
      const same = proofs.get(key);
      if (same) {
        const proof = (await same).context.ignoredKeyProof;
        return proof ? { ...rendered, context: { ...rendered.context, ignoredKeyProof: proof } } : rendered;
      }
      const proven = withIgnoredKeyProof(rendered, jobsOf[i], outcomes, render, proofRenders);
      proofs.set(key, proven);
      return proven;
    }),
  );
}

/**
 * Once a chart's rules ran, an unchanged chart (a lint) needs nothing of its renders but their status and times (the
 * run's stats and render-skipped): the objects are dropped, so a 300-chart lint does not hold its 600 renders until
 * the report. A changed chart keeps them for the upgrade runbook. The results are emptied in place: environments
 * share them, and the stats count each once by identity.
 */
function withoutUnneededManifests(analyses: ChartAnalysis[]): ChartAnalysis[] {
  for (const { context } of analyses) {
    if (context.change.change !== 'unchanged') continue;
    for (const result of [context.renders?.base, context.renders?.head, context.renders?.headAtMin]) {
      if (result) result.manifests = [];
    }
  }
  return analyses;
}

/** What the ignored-key proof of an environment depends on: its renders' inputs and its override keys. */
function proofInputs(analysis: ChartAnalysis, jobs: readonly RenderJob[]): string {
  const { overrides, codeSet } = analysis.context;
  return stableJson([
    jobs.map(({ key: _, snapshot: __, ...inputs }) => inputs),
    overrides.map((file) => file.path),
    codeSet.map((key) => key.path),
  ]);
}

/**
 * Counts and wall time of the helm renders (each shared render once; cache hits are not helm renders), and of the
 * ignored-key proof's renders.
 */
export function renderStats(analyses: readonly ChartAnalysis[]): ReportStats {
  const stats: ReportStats = { renders: 0, renderMs: 0, proofRenders: 0, proofRenderMs: 0 };
  const counted = new Set<RenderResult>();
  const proofs = new Set<unknown>();
  for (const { context } of analyses) {
    const { renders, ignoredKeyProof: proof } = context;
    for (const result of [renders?.base, renders?.head, renders?.headAtMin]) {
      if (result?.status !== 'ok' && result?.status !== 'failed') continue;
      if (counted.has(result) || result.cached) continue;
      counted.add(result);
      stats.renders++;
      stats.renderMs += result.durationMs ?? 0;
    }
    // environments with identical inputs share one proof
    if (!proof || proofs.has(proof)) continue;
    proofs.add(proof);
    stats.proofRenders += proof.renders;
    stats.proofRenderMs += proof.durationMs;
  }
  return stats;
}

// ---------- 6. rules ----------

/**
 * A chart's findings in rule order. A rule that declares it does not depend on the environment runs once; the
 * others run in every environment, and a finding that holds in several is one finding naming them all.
 */
function chartFindings(rules: readonly ChartRule[], analyses: readonly ChartAnalysis[]): Finding[] {
  const findings: Finding[] = [];
  const named = analyses[0].context.environment !== undefined;
  // one rules' view per environment, so the facts rules share are worked out once per environment
  const all = analyses.map((analysis) => chartContext(analysis.context));
  // a review compares each with the base as a lint sees it (preexisting.ts); a lint has no base
  const bases = all.map((context) => (context.change.change === 'unchanged' ? undefined : baseOnlyContext(context)));
  for (const rule of rules) {
    const perEnvironment = rule.needs.environment !== false;
    const contexts = perEnvironment ? all : [all[0]];
    const merged = new Map<string, { finding: Finding; remedies: Map<string, string[]> }>();
    contexts.forEach((context, i) => {
      const run = runChartRules([rule], context).findings;
      for (const finding of context.change.change === 'unchanged' ? run : markIntroduced([rule], bases[i], run)) {
        if (!named || !perEnvironment) {
          findings.push(finding);
          continue;
        }
        const environment = context.environment!;
        const key = mergeKey(finding);
        let entry = merged.get(key);
        if (!entry) {
          entry = { finding: { ...finding, environments: [] }, remedies: new Map() };
          merged.set(key, entry);
          findings.push(entry.finding);
        }
        entry.finding.environments!.push(environment);
        if (finding.remedy !== undefined) {
          const envs = entry.remedies.get(finding.remedy) ?? [];
          entry.remedies.set(finding.remedy, [...envs, environment]);
        }
      }
    });
    for (const { finding, remedies } of merged.values()) {
      // the same problem, with each environment's own commands (its -f files): one remedy per group of environments
      if (remedies.size > 1) {
        finding.remedy = [...remedies].map(([remedy, envs]) => `${envs.join(', ')}: ${remedy}`).join('\n');
      }
    }
  }
  return findings;
}

/**
 * Two environments' findings merge into one when everything they say but the remedy is the same: rule, chart, file,
 * line, key or field, resource, message and values. Remedies may differ by the environment's own override files in
 * the helm command; the merged finding then gives each environment's. A message that names the environment's
 * Kubernetes version makes two findings. (Stricter than finding-identity.ts, which leaves out lines and messages.)
 */
export function mergeKey(finding: Finding): string {
  const { environments: _, remedy: __, ...rest } = finding;
  return stableJson(rest);
}

function repoContextOf(plan: Plan, spaces: Workspaces, changes: ChartChange[]): RepoContext {
  const { base, head, changed } = spaces;
  if (plan.base) {
    // In a review, lockfile problems count where they touch a changed entry, or the whole file when the PR edits it.
    const entries = changes.flatMap((c) => (c.head ? [c.head] : []));
    const own = entries.flatMap((entry) => entryProblems(head.lockfile, entry));
    const whole = changed.has(head.lockfilePath) ? fileProblems(head.lockfile) : [];
    return {
      config: withTemplateProblems(head),
      base: base.lockfile,
      head: { ...head.lockfile, problems: [...new Set([...whole, ...own])] },
      policyChanges: spaces.policyChanges,
    };
  }
  return {
    config: withTemplateProblems(head),
    head: head.lockfile,
    files: head.paths,
    orphanOverrideFiles: orphansInEveryEnvironment(head),
  };
}

/**
 * The config with the problems of its template context files (read while the charts were analysed), of its
 * acceptances file and of its `charts:` keys that name no chart.
 */
function withTemplateProblems(space: Workspace): Workspace['config'] {
  const extra = [
    ...space.templateProblems,
    ...space.acceptances.problems,
    ...unknownChartKeys(space.config, space.lockfile, space.paths),
  ];
  if (extra.length === 0) return space.config;
  return { ...space.config, problems: [...space.config.problems, ...extra] };
}

/**
 * What the run-wide rules read: values patterns that match nothing, the Kubernetes target (unset only when neither
 * the run nor any environment has one), renders skipped for the whole run.
 */
function runConditions(
  space: Workspace,
  options: AnalysisOptions,
  contexts: readonly ChartInputs[],
): Pick<RepoContext, 'unmatchedPatterns' | 'kube' | 'renderSkipped'> {
  return {
    unmatchedPatterns: unmatchedValuesPatterns(space.config, options.values ?? [], space.lockfile, space.overridePaths),
    kube: space.kube ?? space.environments.find((environment) => environment.kubernetes)?.kubernetes,
    renderSkipped: renderSkippedOf(contexts),
  };
}

/** Override-file shapes no chart claims in any environment (a file of aws's shape is gcp's concern only if gcp's). */
function orphansInEveryEnvironment(space: Workspace): string[] {
  const orphans = space.environments.map((environment) =>
    orphanOverrideFiles(space.lockfile, (entry) => space.patternsFor(entry, environment), space.paths),
  );
  const owned = new Set([...space.overrideFiles.values()].flat());
  return [...new Set(orphans.flat())].filter((path) => !owned.has(path)).sort();
}

/** A rule's severity when the config does not set one. */
function defaultSeverity(id: RuleId): Severity {
  return allRules.find((rule) => rule.id === id)?.severity ?? ruleCrashed.severity;
}

// ---------- 7. acceptances ----------

/**
 * After every rule ran and before the verdict: findings an acceptances-file entry (read at head) accepts are
 * marked, and the findings of expired and stale entries added. Entries the base's file lacks are `added`.
 */
async function withAcceptances(
  report: Pick<Report, 'charts' | 'findings'>,
  spaces: Workspaces,
  options: Pick<AnalysisOptions, 'today' | 'newAcceptances' | 'repoDir' | 'head' | 'policyBase'>,
  acceptanceRules: readonly RepoRule[],
): Promise<Pick<Report, 'charts' | 'findings'>> {
  const { head, base } = spaces;
  const { entries } = head.acceptances;
  if (entries.length === 0) return report;
  const today = options.today ?? new Date();
  const matched = new Map();
  const baseEntries = spaces.baseAcceptances ?? (base === head ? undefined : base.acceptances.entries);
  // entries the change adds count once a second person approved them (acceptance-approval.ts)
  const trustAdded =
    !addsEntries(entries, baseEntries) ||
    (await newAcceptancesApproved(options.newAcceptances ?? 'trusted', {
      repoDir: options.repoDir,
      baseSha: base === head ? options.policyBase?.sha : base.snapshot.sha,
      headSha: options.head.sha,
      path: head.acceptances.path,
      approvers: head.config.acceptanceApprovers,
    }));
  const accept = { today, baseEntries, trustAdded };
  const charts = report.charts.map((chart) => ({
    ...chart,
    findings: acceptFindings(chart.findings, entries, accept, matched),
  }));
  const findings = acceptFindings(report.findings, entries, accept, matched);
  const run = runRepoRules(acceptanceRules, {
    config: head.config,
    head: head.lockfile,
    acceptances: acceptanceOutcome(entries, matched, today),
  });
  return { charts, findings: [...findings, ...run.findings] };
}

// ---------- 8. report ----------

export interface AssembleInput {
  mode: 'review' | 'lint';
  options: Pick<ReviewOptions, 'head' | 'failOn' | 'failOnExisting' | 'toolVersion'> & { base?: Snapshot };
  space: Workspace;
  charts: Report['charts'];
  findings: Finding[];
  diagnostics: string[];
  /** Hides the run's credentials: applied here, to everything the report says, so no format can show one. */
  redactor: Redactor;
  stats?: ReportStats;
  configDigest?: string;
  shard?: Report['shard'];
}

export function assembleReport(input: AssembleInput): Report {
  const { mode, options, space, redactor, stats, configDigest, shard } = input;
  const charts = input.charts.map((chart) => redactChartReport(chart, redactor));
  const findings = redactFindings(input.findings, redactor);
  const diagnostics = input.diagnostics.map(redactor.text);
  const partial = { charts, findings };
  const summary = summarise(partial);
  // the flag or input, else the policy's failOn (and failOnExisting)
  const failOn = options.failOn ?? space.config.failOn ?? 'error';
  const failOnExisting = options.failOnExisting ?? space.config.failOnExisting ?? false;
  const environments = space.environments.flatMap((e) => (e.name === undefined ? [] : [environmentReport(e)]));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chart-guard', version: options.toolVersion ?? '0.0.0' },
    mode,
    base: options.base ? { ref: options.base.ref, sha: options.base.sha } : null,
    head: { ref: options.head.ref, sha: options.head.sha },
    lockfile: space.lockfilePath,
    kubernetesVersion: kubeText(space.kube),
    verdict: verdictOf(summary, failOn, failOnExisting),
    summary,
    charts,
    findings,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(stats ? { stats } : {}),
    ...(environments.length ? { environments } : {}),
    failOn,
    ...(failOnExisting ? { failOnExisting } : {}),
    ...(configDigest ? { configDigest } : {}),
    ...(shard ? { shard } : {}),
  };
}

function environmentReport(environment: Environment): EnvironmentReport {
  return {
    name: environment.name!,
    values: environment.values,
    kubernetesVersion: kubeText(environment.kubernetes),
    apiVersions: environment.apiVersions,
    set: environment.set.map((key) => formatKeyPath(key.path)),
  };
}

function kubeText(kube: KubeTarget | undefined): string | null {
  if (!kube) return null;
  return kube.min === kube.max ? kube.max : `${kube.min}-${kube.max}`;
}
