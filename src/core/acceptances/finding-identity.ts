// What makes a finding the same finding from one run to the next: the rule, the chart, the environments it holds
// in, and what it is about (the values key or resource field, the Kubernetes object, the file). Never its line or
// message: lines move with every edit and messages name versions, and an acceptance or a code-scanning alert must
// survive both. Acceptances match on it (acceptances.ts); SARIF gives it as partialFingerprints.
import { createHash } from 'node:crypto';
import type { Finding, RuleId } from '../report/report.js';

export interface FindingIdentity {
  rule: RuleId;
  chart?: string;
  /** Sorted; absent for a single, implicit environment (or a finding that holds in every one). */
  environments?: string[];
  /** "Kind/name": the API version may move (apps/v1beta2 -> apps/v1) and the object stays the same. */
  resource?: string;
  /** The values key, or the field within the resource, in Helm --set notation. */
  key?: string;
  file?: string;
}

export function findingIdentity(finding: Finding): FindingIdentity {
  const environments = finding.environments;
  return {
    rule: finding.rule,
    ...(finding.chart !== undefined ? { chart: finding.chart } : {}),
    ...(environments?.length ? { environments: [...environments].sort() } : {}),
    ...(finding.resource ? { resource: `${finding.resource.kind}/${finding.resource.name}` } : {}),
    ...(finding.path !== undefined ? { key: finding.path } : {}),
    ...(finding.file !== undefined ? { file: finding.file } : {}),
  };
}

/** The identity as a short stable hash (SARIF partialFingerprints, `chartGuardFinding/v2`). */
export function findingFingerprint(finding: Finding): string {
  const id = findingIdentity(finding);
  const parts = [
    id.rule,
    id.chart ?? '',
    (id.environments ?? []).join(','),
    id.resource ?? '',
    id.key ?? '',
    id.file ?? '',
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
