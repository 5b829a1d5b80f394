// Step 6, rules: a chart's rules as soon as its renders are in (environment-free rules once, the others per
// environment, findings merged), and what the repository rules read of the run.

import { unknownChartKeys, unmatchedValuesPatterns } from '../input/input-checks.js';
import { entryProblems, fileProblems } from '../lockfile/validate.js';
import { bumpFacts, type ChartInputs, chartContext } from '../model/chart-context.js';
import type { ChartChange } from '../model/model.js';
import type { Finding } from '../report/report.js';
import { renderSkippedOf } from '../rules/render-skipped.js';
import type { ChartRule, RepoContext } from '../rules/rule.js';
import { runChartRules } from '../rules/run.js';
import { stableJson } from '../runtime/stable-json.js';
import { orphanOverrideFiles } from '../values/override-files.js';
import { ChartSchemas } from '../values/schema.js';
import type { ChartAnalysis } from './chart-analysis.js';
import { mergedRemedy } from './merged-remedies.js';
import type { AnalysisOptions, Plan } from './options.js';
import { baseOnlyContext, markIntroduced } from './preexisting.js';
import { readinessCounts } from './readiness.js';
import type { Workspace } from './workspace.js';
import type { Workspaces } from './workspaces.js';

/**
 * A chart's findings in rule order. A rule that declares it does not depend on the environment runs once; the
 * others run in every environment, and a finding that holds in several is one finding naming them all.
 */
export function chartFindings(
  rules: readonly ChartRule[],
  analyses: readonly ChartAnalysis[],
  chartSchemas: ChartSchemas = new ChartSchemas(),
): Finding[] {
  const findings: Finding[] = [];
  const named = analyses[0].context.environment !== undefined;
  // one rules' view per environment, so the facts rules share are worked out once per environment, and those of
  // the bump itself once per chart (every environment holds the same loaded sides)
  const bump = bumpFacts(analyses[0].context, chartSchemas);
  const sameSides = (inputs: ChartInputs) =>
    inputs.base === analyses[0].context.base && inputs.head === analyses[0].context.head;
  const all = analyses.map(({ context }) =>
    chartContext(context, sameSides(context) ? bump : bumpFacts(context, chartSchemas)),
  );
  // a review compares each with the base as a lint sees it (preexisting.ts); a lint has no base
  const bases = all.map((context) => (context.change.change === 'unchanged' ? undefined : baseOnlyContext(context)));
  for (const rule of rules) {
    const perEnvironment = rule.needs.environment !== false;
    const contexts = perEnvironment ? all : [all[0]];
    const merged = new Map<string, { finding: Finding; remedies: Map<string, string[]> }>();
    contexts.forEach((context, i) => {
      const run = runChartRules([rule], context).findings;
      const marked = context.change.change === 'unchanged' ? run : markIntroduced([rule], bases[i], run);
      for (const finding of readinessCounts(context, marked)) {
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
      // the same problem, with each environment's own commands (its -f files): one remedy, their commands below it
      if (remedies.size > 1) finding.remedy = mergedRemedy(remedies);
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

export function repoContextOf(plan: Plan, spaces: Workspaces, changes: ChartChange[]): RepoContext {
  const { base, head, changed } = spaces;
  if (plan.base) {
    // In a review, lockfile problems count where they touch a changed entry, or the whole file when the PR edits it.
    // a raise's readiness charts (unchanged entries, readiness.ts) are not the change's lockfile edits
    const entries = changes.flatMap((c) => (c.head && c.change !== 'unchanged' ? [c.head] : []));
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
 * the run nor any environment has one) and the environments without one, renders skipped for the whole run.
 */
export function runConditions(
  space: Workspace,
  options: AnalysisOptions,
  contexts: readonly ChartInputs[],
  chartRules: readonly ChartRule[] = [],
): Pick<RepoContext, 'unmatchedPatterns' | 'kube' | 'kubeUnsetIn' | 'renderSkipped'> {
  const kube = space.kube ?? space.environments.find((environment) => environment.kube)?.kube;
  return {
    unmatchedPatterns: unmatchedValuesPatterns(space.config, options.values ?? [], space.lockfile, space.overridePaths),
    kube,
    // where some environments have a target and others none, the others are named (kube-version-unset)
    kubeUnsetIn: kube ? space.environments.flatMap((e) => (e.name !== undefined && !e.kube ? [e.name] : [])) : [],
    renderSkipped: renderSkippedOf(contexts, chartRules),
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
