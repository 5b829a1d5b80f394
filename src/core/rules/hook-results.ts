// Putting what a rule's hook made of its findings (rule.ts mergeShards, combineHalves) back into a report's list,
// in the places the rule's findings had, so a run made of parts lists them where the whole run would.
import type { Finding, RuleId } from '../report/report.js';
import { ruleHooks } from './index.js';
import type { RuleHooks } from './rule.js';

/**
 * For each rule of `rules`: its findings (`own`) as its hook makes them (`apply` calls the hook; undefined when the
 * rule has none, and then the rule is left out: its findings stay as they are).
 */
export function hookResults(
  rules: Iterable<RuleId>,
  own: (id: RuleId) => readonly Finding[],
  apply: (hooks: RuleHooks, own: readonly Finding[], id: RuleId) => Finding[] | undefined,
): Map<RuleId, Finding[]> {
  const results = new Map<RuleId, Finding[]>();
  for (const id of new Set(rules)) {
    const result = apply(ruleHooks(id), own(id), id);
    if (result) results.set(id, result);
  }
  return results;
}

/**
 * `findings` with each hooked rule's findings replaced by its hook's result: a finding the hook kept stays in its
 * place, a new one takes the place of the rule's first finding (or goes last when the list had none of the rule).
 */
export function withHookResults(findings: readonly Finding[], results: ReadonlyMap<RuleId, Finding[]>): Finding[] {
  const listed = new Set(findings);
  const first = new Map<RuleId, Finding>();
  for (const finding of findings)
    if (results.has(finding.rule) && !first.has(finding.rule)) first.set(finding.rule, finding);
  const fresh = (rule: RuleId) => (results.get(rule) ?? []).filter((finding) => !listed.has(finding));
  const out = findings.flatMap((finding) => {
    const result = results.get(finding.rule);
    if (!result) return [finding];
    const kept = result.includes(finding) ? [finding] : [];
    return first.get(finding.rule) === finding ? [...kept, ...fresh(finding.rule)] : kept;
  });
  for (const rule of results.keys()) if (!first.has(rule)) out.push(...fresh(rule));
  return out;
}
