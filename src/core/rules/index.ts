// The rule registry. Adding a rule is adding its file (its check and its hooks, registry/rule-hooks.ts), one line
// here, its id in registry/rule-ids.ts (the type checker insists on both) and its test; `npm run docs` then writes
// its rows (README, the report contract, the config schema's rule ids). pdb-blocks-drain was added that way.

import type { RuleId } from '../registry/rule-ids.js';
import { acceptanceExpired } from './acceptance-expired.js';
import { acceptanceStale } from './acceptance-stale.js';
import { apiDeprecated } from './api-deprecated.js';
import { apiRemoved } from './api-removed.js';
import { chartDeprecated } from './chart-deprecated.js';
import { chartDirMissing } from './chart-dir-missing.js';
import { chartDirOrphan } from './chart-dir-orphan.js';
import { chartFileInvalid } from './chart-file-invalid.js';
import { chartLocallyModified } from './chart-locally-modified.js';
import { chartRunsNowhere } from './chart-runs-nowhere.js';
import { chartVersionMismatch } from './chart-version-mismatch.js';
import { codeSetKeyUndeclared } from './code-set-key-undeclared.js';
import { configInvalid } from './config-invalid.js';
import { crdChanged } from './crd-changed.js';
import { crdMoved } from './crd-moved.js';
import { crdVersionRemoved } from './crd-version-removed.js';
import { immutableFieldChanged } from './immutable-field-changed.js';
import { kubeVersionUnset } from './kube-version-unset.js';
import { kubeVersionUnsupported } from './kube-version-unsupported.js';
import { lockfileInvalid } from './lockfile-invalid.js';
import { majorUpgradeNotes } from './major-upgrade-notes.js';
import { overrideFileOrphan } from './override-file-orphan.js';
import { overrideKeyRemoved } from './override-key-removed.js';
import { overrideKeyUnknown } from './override-key-unknown.js';
import { overrideProofIncomplete } from './override-proof-incomplete.js';
import { overrideSchemaViolation } from './override-schema-violation.js';
import { overrideTypeChanged } from './override-type-changed.js';
import { pdbBlocksDrain } from './pdb-blocks-drain.js';
import { pdbSelectsNothing } from './pdb-selects-nothing.js';
import { policyChanged } from './policy-changed.js';
import { releaseApiRemoved } from './release-api-removed.js';
import { renderFailed } from './render-failed.js';
import { renderSkipped } from './render-skipped.js';
import { resourceRemoved } from './resource-removed.js';
import type { ChartRule, RepoRule, Rule, RuleHooks, RuleMode } from './rule.js';
import { ruleCrashed } from './rule-crashed.js';
import { statefulsetReplaced } from './statefulset-replaced.js';
import { symlinkRefused } from './symlink-refused.js';
import { upgradeSteppingStone } from './upgrade-stepping-stone.js';
import { valuesFileInvalid, valuesFilePartial } from './values-file-invalid.js';
import { valuesPatternUnmatched } from './values-pattern-unmatched.js';

/**
 * Every rule, in the order its findings are listed. Each declares the modes it runs in and what it needs
 * (rule.ts); the pipeline picks by these declarations (rulesFor), and RuleId, the config's rule ids and the
 * README's rule table are checked against this list (test/rules/registry.test.ts).
 */
const registry = [
  // the chart's own files and the lockfile
  chartDirMissing,
  chartFileInvalid,
  chartVersionMismatch,
  chartLocallyModified,
  chartDeprecated,
  kubeVersionUnsupported,
  majorUpgradeNotes,
  upgradeSteppingStone,
  // values files and overrides
  valuesFileInvalid,
  valuesFilePartial,
  overrideKeyRemoved,
  overrideKeyUnknown,
  overrideProofIncomplete,
  overrideTypeChanged,
  overrideSchemaViolation,
  codeSetKeyUndeclared,
  // the renders themselves, then rendered manifests
  renderFailed,
  symlinkRefused,
  immutableFieldChanged,
  statefulsetReplaced,
  resourceRemoved,
  crdChanged,
  crdVersionRemoved,
  crdMoved,
  apiRemoved,
  apiDeprecated,
  releaseApiRemoved,
  pdbBlocksDrain,
  pdbSelectsNothing,
  // the repository
  lockfileInvalid,
  configInvalid,
  policyChanged,
  chartDirOrphan,
  overrideFileOrphan,
  chartRunsNowhere,
  // inputs that would weaken the review in silence, said once for the run
  renderSkipped,
  valuesPatternUnmatched,
  kubeVersionUnset,
  // on the acceptance step's outcome
  acceptanceExpired,
  acceptanceStale,
] as const satisfies readonly Rule[];
export const allRules: readonly Rule[] = registry;

/** Every rule's id, rule-crashed's (the runner's own finding) included. */
type RegisteredId = (typeof registry)[number]['id'] | typeof ruleCrashed.id;
/** Compiles only when registry/rule-ids.ts lists exactly the registered ids: one missing there or ruleless fails. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const registryMatchesIds: Same<RegisteredId, RuleId> = true;
void registryMatchesIds;

let hooksById: Map<RuleId, RuleHooks> | undefined;

/**
 * A rule's hooks (registry/rule-hooks.ts): how describe, markdown, reinstall, the runbook, acceptances, combine,
 * merge and preexisting treat its findings. The map is built on first use, not at load: a module the rules import
 * may ask.
 */
export function ruleHooks(id: RuleId): RuleHooks {
  hooksById ??= new Map(everyRule().map((rule) => [rule.id, rule]));
  return hooksById.get(id) ?? {};
}

function everyRule(): readonly (RuleHooks & { id: RuleId })[] {
  return [...allRules, ruleCrashed];
}

/** The rules a plan runs, in registry order: chart rules, repo rules, and repo rules on the acceptances' outcome. */
export function rulesFor(mode: RuleMode): { chart: ChartRule[]; repo: RepoRule[]; acceptances: RepoRule[] } {
  const rules = allRules.filter((rule) => rule.modes.includes(mode));
  const repo = rules.filter((rule): rule is RepoRule => rule.scope === 'repo');
  return {
    chart: rules.filter((rule): rule is ChartRule => rule.scope === 'chart'),
    repo: repo.filter((rule) => !rule.needs.acceptances),
    acceptances: repo.filter((rule) => rule.needs.acceptances === true),
  };
}

/** Rule id -> one-line description, for SARIF rule metadata and help texts (rule-crashed comes from the runner). */
export function ruleDescriptions(): Partial<Record<RuleId, string>> {
  return Object.fromEntries([...allRules, ruleCrashed].map((rule) => [rule.id, rule.description]));
}
