// Problems that were already there: a finding that holds identically on the base is not the bump's doing.
// Each chart rule is evaluated a second time against a base-only context — the base as a lint sees it: the base
// entry, chart, override files and render as the "head" of an unchanged chart — and a finding whose identity (the
// one acceptances match on, finding-identity.ts: rule, chart, key or field, resource Kind/name, file) the base-only
// run also produces is marked `introduced: false`. Lines and messages are left out of the identity: a key that moved
// down two lines, or a message naming the new version, is still the same problem. Comparing rules (immutable
// fields, removed keys...) find nothing on a base-only context, so their findings always count as introduced. A
// rule may compare on something else than the identity (its preexistingKey hook): a render failure, of either side, is
// already there when the base fails for the same cause in the same environment.

import { findingFingerprint } from '../acceptances/finding-identity.js';
import { bumpFacts, type ChartInputs, chartContext } from '../model/chart-context.js';
import type { Finding, RuleId } from '../report/report.js';
import { ruleHooks } from '../rules/index.js';
import type { ChartContext, ChartRule } from '../rules/rule.js';
import { runChartRules } from '../rules/run.js';

/**
 * Findings about the run rather than the chart (a skipped render, a crashed rule: their runCondition hook): never
 * "already there", they say what this review could not do.
 */
const isRunCondition = (rule: RuleId) => ruleHooks(rule).runCondition === true;

/**
 * The base as a lint sees it; undefined for an added chart (nothing was there) or a base chart folder that was
 * missing (its findings cannot be compared).
 */
export function baseOnlyContext(ctx: ChartContext): ChartContext | undefined {
  const entry = ctx.change.base;
  if (!entry || !ctx.base || ctx.change.change === 'added') return undefined;
  const baseRender = ctx.renders?.base;
  // its own facts (coverage, schema...), worked out from the base inputs: a spread copy carries none (but the run's
  // compiled schemas)
  const inputs: ChartInputs = {
    ...ctx,
    change: { name: entry.name, dir: entry.dir, change: 'unchanged', head: entry, semverChange: null },
    base: undefined,
    head: ctx.base,
    overrides: ctx.baseOverrides,
    baseOverrides: [],
    upgradeNotes: [],
    renders: baseRender ? { head: baseRender } : undefined,
    ignoredKeyProof: undefined,
    refusedSymlinks: ctx.refusedSymlinks?.filter((s) => s.side === 'base').map((s) => ({ ...s, side: 'head' })),
  };
  return chartContext(inputs, bumpFacts(inputs, ctx.chartSchemas));
}

/**
 * The chart's findings, each marked `introduced`: false when the same rules on the base-only context (built once per
 * chart and environment with baseOnlyContext) produce a finding of the same identity. Rules run with the same
 * configuration (re-grading, `off`) on both sides.
 */
export function markIntroduced(
  rules: readonly ChartRule[],
  baseCtx: ChartContext | undefined,
  findings: Finding[],
): Finding[] {
  const before = new Set(
    baseCtx
      ? runChartRules(
          rules.filter((rule) => !isRunCondition(rule.id)),
          baseCtx,
        ).findings.map(comparedAs)
      : [],
  );
  return findings.map((finding) => ({
    ...finding,
    introduced: isRunCondition(finding.rule) || !before.has(comparedAs(finding)),
  }));
}

/**
 * What a finding is compared on: its identity, or what its rule says makes it the same problem (a render failure:
 * its cause, whichever side failed; the base-only run renders the base as its "new" side).
 */
function comparedAs(finding: Finding): string {
  const key = ruleHooks(finding.rule).preexistingKey;
  return key ? `${finding.rule}\u0000${finding.chart ?? ''}\u0000${key(finding)}` : findingFingerprint(finding);
}
