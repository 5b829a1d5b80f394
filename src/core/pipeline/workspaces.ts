// Step 1, workspaces: base and head read with the config the run applies (the head's, under the policy of the base),
// each lockfile at its own side's path, and how the head changes that policy.
import type { AcceptanceEntry } from '../acceptances/acceptances.js';
import { parseConfig } from '../config/config.js';
import { configCheck } from '../config/config-schema.js';
import { normaliseKubeVersion } from '../config/kube-version.js';
import { withBasePolicy } from '../config/policy.js';
import { lockfileChange, type PolicyChange, policyChanges } from '../config/policy-changes.js';
import { pinChartSettings } from '../config/policy-pins.js';
import { pinChartScopes } from '../config/policy-scope.js';
import { parseLockfile } from '../lockfile/parse.js';
import type { Config, KubeTarget, LockEntry } from '../model/model.js';
import { changedFiles } from '../repo/changed-files.js';
import { readText, type Snapshot } from '../repo/snapshot.js';
import type { RuleId, Severity } from '../report/report.js';
import { allRules } from '../rules/index.js';
import { ruleCrashed } from '../rules/rule-crashed.js';
import type { AnalysisOptions, Plan } from './options.js';
import { type RaisedEnvironment, readinessOf } from './readiness.js';
import {
  DEFAULT_CONFIG_PATH,
  firstFileOf,
  loadWorkspace,
  ReviewError,
  readAcceptances,
  readConfig,
  type Workspace,
} from './workspace.js';

export interface Workspaces {
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
  /** The environments whose Kubernetes target the run raises: a readiness review of each (readiness.ts). */
  readiness: RaisedEnvironment[];
}

export async function workspaces(plan: Plan, options: AnalysisOptions): Promise<Workspaces> {
  const policyBase = plan.base ?? options.policyBase;
  if (!plan.base) {
    const policy = await policyOf(options, policyBase);
    const kube = flagTarget(options.kubernetesVersion);
    const head = await loadWorkspace(options.head, {
      ...options,
      kube,
      configOverride: policy.config,
      ownConfig: true,
      pinPolicy: policyBase ? scopePins(policy, await entriesAt(policyBase, options.lockfile, policy)) : undefined,
    });
    pinChartSettings(head.config, policy.base, policy.head, head.lockfile.charts);
    const baseAcceptances = policyBase && (await readAcceptances(policyBase, head.config, options.today)).entries;
    const readiness = readinessOf({ base: policyBase ? policy.base : undefined, head: policy.head }, kube);
    return {
      base: head,
      head,
      changed: new Set(),
      policyChanges: [],
      readiness,
      ...(baseAcceptances ? { baseAcceptances } : {}),
    };
  }
  const [policy, changed] = await Promise.all([
    policyOf(options, policyBase),
    changedFiles(options.repoDir, plan.base, options.head),
  ]);
  // the run's target, read once for both sides
  const kube = flagTarget(options.kubernetesVersion);
  // Both sides are read with the config the review applies, each lockfile at its own side's path (the flag sets
  // both): a moved lockfile is compared entry by entry. A base without one there (the change adopts chart-guard
  // with another path) is read at the head's.
  const baseLockfile =
    options.lockfile === undefined
      ? await firstFileOf(plan.base, [policy.base.lockfile, policy.config.lockfile])
      : undefined;
  // where each chart runs, and with what, in each of the base's environments: pinned before the files are mapped
  const scopes: PolicyChange[] = [];
  const head = await loadWorkspace(options.head, {
    ...options,
    kube,
    configOverride: policy.config,
    ownConfig: true,
    pinPolicy: scopePins(policy, await entriesAt(plan.base, options.lockfile ?? baseLockfile, policy), scopes),
  });
  const pinned = [...pinChartSettings(head.config, policy.base, policy.head, head.lockfile.charts), ...scopes];
  const base = await loadWorkspace(plan.base, {
    ...options,
    kube,
    lockfile: options.lockfile ?? baseLockfile ?? head.lockfilePath,
    configOverride: head.config,
    lockfileOptional: true,
    templateContextFallback: head,
  });
  const moved =
    baseLockfile === base.lockfilePath && baseLockfile !== head.lockfilePath
      ? lockfileChange(policy.base, policy.config, head.paths.includes(baseLockfile))
      : undefined;
  return {
    base,
    head,
    changed,
    policyChanges: [...(moved ? [moved] : []), ...policy.changes, ...pinned],
    readiness: readinessOf({ base: policy.base, head: policy.head }, kube),
  };
}

/**
 * Pins where each head entry runs to the base's (policy-scope.ts), for the entries the base's lockfile has: a chart
 * the change adds was never checked by the base, so scoping it narrows nothing. The edits it finds go to `changes`.
 */
function scopePins(
  policy: { base: Config; head: Config },
  baseEntries: readonly LockEntry[],
  changes: PolicyChange[] = [],
): (config: Config, entries: readonly LockEntry[]) => void {
  const known = (entry: LockEntry) => baseEntries.some((b) => b.dir === entry.dir || b.name === entry.name);
  return (config, entries) => {
    changes.push(...pinChartScopes(config, policy.base, policy.head, entries.filter(known)));
  };
}

/** The entries of a snapshot's lockfile (at `path`, else where its policy or the applied config puts it). */
async function entriesAt(
  snapshot: Snapshot,
  path: string | undefined,
  policy: { base: Config; config: Config },
): Promise<LockEntry[]> {
  const at = path ?? (await firstFileOf(snapshot, [policy.base.lockfile, policy.config.lockfile]));
  const text = at === undefined ? undefined : await readText(snapshot, at);
  return at === undefined || text === undefined ? [] : parseLockfile(text, at).charts;
}

/** The target --kube-version (or the library's kubernetesVersion) sets for the whole run, read once. */
function flagTarget(flag: string | undefined): KubeTarget | undefined {
  if (flag === undefined) return undefined;
  const version = normaliseKubeVersion(flag);
  if (!version) throw new ReviewError(`kubernetes version "${flag}" is not a version like 1.31`);
  return { min: version, max: version };
}

/**
 * The config the run applies: the head's, with the policy of `policyBase` (a review's base) when there is one, and
 * how the head changes that policy (config/policy-changes.ts). Without a policy base, the snapshot's own config is its policy.
 */
async function policyOf(
  options: AnalysisOptions,
  policyBase: Snapshot | undefined,
): Promise<{ config: Config; changes: PolicyChange[]; base: Config; head: Config }> {
  const configs = configCheck(); // both configs are checked by one compiled schema
  if (options.trustedConfig) {
    // the caller's own file (a CLI flag): the policy of both sides, none of the snapshots' configs
    const trusted = parseConfig(options.trustedConfig.text, options.trustedConfig.path, configs);
    return { config: trusted, changes: [], base: trusted, head: trusted };
  }
  const head = await readConfig(options.head, options.configPath, configs);
  if (!policyBase) return { config: head, changes: [], base: head, head };
  // the base may predate the config file (or a config named by the workflow): its policy is then the defaults
  const base = await readConfig(policyBase, options.configPath, configs).catch(() =>
    readConfig(policyBase, undefined, configs),
  );
  return {
    config: withBasePolicy(head, base, defaultSeverity),
    changes: policyChanges(base, head, defaultSeverity, options.configPath ?? DEFAULT_CONFIG_PATH),
    base,
    head,
  };
}

/** A rule's severity when the config does not set one. */
function defaultSeverity(id: RuleId): Severity {
  return allRules.find((rule) => rule.id === id)?.severity ?? ruleCrashed.severity;
}
