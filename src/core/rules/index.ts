// The rule registry. Adding a rule is adding one file and one line here (and its test).

import type { RuleId } from '../report.js';
import { acceptanceExpired } from './acceptance-expired.js';
import { acceptanceStale } from './acceptance-stale.js';
import { apiDeprecated } from './api-deprecated.js';
import { apiRemoved } from './api-removed.js';
import { chartDeprecated } from './chart-deprecated.js';
import { chartDirMissing } from './chart-dir-missing.js';
import { chartDirOrphan } from './chart-dir-orphan.js';
import { chartFileInvalid } from './chart-file-invalid.js';
import { chartLocallyModified } from './chart-locally-modified.js';
import { chartVersionMismatch } from './chart-version-mismatch.js';
import { codeSetKeyUndeclared } from './code-set-key-undeclared.js';
import { configInvalid } from './config-invalid.js';
import { crdChanged } from './crd-changed.js';
import { crdMoved } from './crd-moved.js';
import { crdVersionRemoved } from './crd-version-removed.js';
import { immutableFieldChanged } from './immutable-field-changed.js';
import { kubeVersionUnsupported } from './kube-version-unsupported.js';
import { lockfileInvalid } from './lockfile-invalid.js';
import { majorUpgradeNotes } from './major-upgrade-notes.js';
import { overrideFileOrphan } from './override-file-orphan.js';
import { overrideKeyRemoved } from './override-key-removed.js';
import { overrideKeyUnknown } from './override-key-unknown.js';
import { overrideProofIncomplete } from './override-proof-incomplete.js';
import { overrideSchemaViolation } from './override-schema-violation.js';
import { overrideTypeChanged } from './override-type-changed.js';
import { policyChanged } from './policy-changed.js';
import { renderFailed } from './render-failed.js';
import { renderSkipped } from './render-skipped.js';
import { resourceRemoved } from './resource-removed.js';
import type { ChartRule, RepoRule, Rule } from './rule.js';
import { ruleCrashed } from './rule-crashed.js';
import { statefulsetReplaced } from './statefulset-replaced.js';
import { symlinkRefused } from './symlink-refused.js';
import { valuesFileInvalid, valuesFilePartial } from './values-file-invalid.js';

/** Rules that read a chart's own files and its overrides. */
const valuesRules: ChartRule[] = [
  valuesFileInvalid,
  valuesFilePartial,
  overrideKeyRemoved,
  overrideKeyUnknown,
  overrideProofIncomplete,
  overrideTypeChanged,
  overrideSchemaViolation,
];

/** Rules that compare or inspect rendered manifests (the renders themselves are checked by renderRules). */
export const manifestRules: ChartRule[] = [
  immutableFieldChanged,
  statefulsetReplaced,
  resourceRemoved,
  crdChanged,
  crdVersionRemoved,
  crdMoved,
  apiRemoved,
  apiDeprecated,
];

/** Rules that compare or inspect `helm template` output. */
const renderRules: ChartRule[] = [renderFailed, renderSkipped, symlinkRefused, ...manifestRules];

const chartFileRules: ChartRule[] = [
  chartDirMissing,
  chartFileInvalid,
  chartVersionMismatch,
  chartLocallyModified,
  chartDeprecated,
  kubeVersionUnsupported,
];

export const chartRules: ChartRule[] = [...chartFileRules, majorUpgradeNotes, ...valuesRules, ...renderRules];
export const repoRules: RepoRule[] = [lockfileInvalid, configInvalid, policyChanged];
/** Run after the acceptance step, on its outcome (review and lint alike). */
export const acceptanceRules: RepoRule[] = [acceptanceExpired, acceptanceStale];

// Lint sees one snapshot: no base, so the comparing rules find nothing and are left out.
export const lintChartRules: ChartRule[] = [
  ...chartFileRules,
  ...valuesRules,
  codeSetKeyUndeclared,
  renderFailed,
  renderSkipped,
  symlinkRefused,
  apiRemoved,
  apiDeprecated,
];
export const lintRepoRules: RepoRule[] = [lockfileInvalid, configInvalid, chartDirOrphan, overrideFileOrphan];

export const allRules: Rule[] = [
  ...new Set<Rule>([...chartRules, ...repoRules, ...lintChartRules, ...lintRepoRules, ...acceptanceRules]),
];

/** Rule id -> one-line description, for SARIF rule metadata and help texts (rule-crashed comes from the runner). */
export function ruleDescriptions(): Partial<Record<RuleId, string>> {
  return Object.fromEntries([...allRules, ruleCrashed].map((rule) => [rule.id, rule.description]));
}
