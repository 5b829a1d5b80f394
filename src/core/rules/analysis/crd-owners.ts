// Which release owns a CRD in an environment. A CRD that one chart renders as a template and another ships in crds/
// (karpenter-crd and karpenter) belongs to the first: helm upgrades it with that release, and the crds/ copy is only
// installed where the CRD is missing. The one derivation of that fact: the runbook orders the owner first and never
// `kubectl apply`s the copy (runbook/upgrade-plan.ts), and the CRD rules say the same of their findings here
// (their ownedCrds hook), after every chart of the run was checked: a rule sees one chart, the owner is another.
// Only charts the run renders count: an unchanged chart has no render, so its templates own nothing here.

import type { ChartInputs } from '../../model/chart-context.js';
import type { HooksOf } from '../../registry/rule-hooks.js';
import type { ChartReport, Finding } from '../../report/report.js';
import { stableJson } from '../../runtime/stable-json.js';
import { isCrd } from './crds.js';

/** Per environment (undefined: the implicit one), CRD name -> the chart that renders it as a template. */
export type CrdOwners = Map<string | undefined, Map<string, string>>;

/** The release owning a CRD, as the findings about another chart's copy name it. */
export interface CrdOwner {
  chart: string;
  /** The owner's versions in this change (equal when only its overrides changed). */
  from: string | null;
  to: string | null;
  /** Its release in the environment, and the namespace it is rendered in (an owned CRD's Helm ownership metadata). */
  release: string;
  namespace: string;
}

/** Owners among `members` (each chart in each environment it runs in, as analysed): the first renderer wins. */
export function templateCrdOwners(members: readonly { chart: string; context: ChartInputs }[]): CrdOwners {
  const owners: CrdOwners = new Map();
  for (const { chart, context } of members) {
    if (!owners.has(context.environment)) owners.set(context.environment, new Map());
    const owned = owners.get(context.environment)!;
    const head = context.renders?.head?.status === 'ok' ? context.renders.head : undefined;
    for (const m of head?.manifests ?? []) {
      if (isCrd(m) && !m.fromCrdsDir && !owned.has(m.ref.name)) owned.set(m.ref.name, chart);
    }
  }
  return owners;
}

/** The run's changed charts in every environment they were analysed in: the members whose renders own CRDs. */
export function changedMembers(
  charts: readonly ChartReport[],
  analyses: readonly (readonly { context: ChartInputs }[])[],
): { chart: string; context: ChartInputs }[] {
  return charts.flatMap((chart, i) =>
    chart.change === 'unchanged' ? [] : analyses[i].map(({ context }) => ({ chart: chart.name, context })),
  );
}

/**
 * The charts' findings with each environment's CRD owners applied: a finding whose rule has an ownedCrds hook says,
 * in an environment where another chart owns a CRD it names, what the hook says instead. A finding holding in several
 * environments is split where their owners differ, and environments saying the same again are one finding.
 */
export function withCrdOwners(
  charts: ChartReport[],
  analyses: readonly (readonly { context: ChartInputs }[])[],
  hooks: HooksOf,
): ChartReport[] {
  const owners = templateCrdOwners(changedMembers(charts, analyses));
  if (![...owners.values()].some((owned) => owned.size > 0)) return charts;
  const ownerOf = (environment: string | undefined, chart: string) => {
    const owned = new Map<string, CrdOwner>();
    for (const [crd, owner] of owners.get(environment) ?? []) {
      const i = charts.findIndex((c) => c.name === owner);
      const context = analyses[i]?.find((a) => a.context.environment === environment)?.context;
      // the owner's head render made it the owner: it has one, with the namespace helm rendered it in
      const namespace = context?.renders?.head?.namespace;
      if (owner === chart || !context || namespace === undefined) continue;
      const { from, to } = charts[i];
      owned.set(crd, { chart: owner, from, to, release: context.chartConfig.releaseName ?? owner, namespace });
    }
    return owned;
  };
  return charts.map((chart) => {
    if (chart.change === 'unchanged' || !chart.findings.some((f) => hooks(f.rule).ownedCrds)) return chart;
    const findings = chart.findings.flatMap((finding) => {
      const hook = hooks(finding.rule).ownedCrds;
      if (!hook) return [finding];
      const environments = finding.environments ?? [undefined];
      const said = environments.map((environment) => {
        const owned = ownerOf(environment, chart.name);
        const own = environment === undefined ? finding : { ...finding, environments: [environment] };
        return { environment, findings: owned.size > 0 ? hook(own, owned, chart) : [finding] };
      });
      if (said.every((s) => s.findings.length === 1 && s.findings[0] === finding)) return [finding];
      return regrouped(said.flatMap(({ environment, findings }) => findings.map((f) => ({ environment, finding: f }))));
    });
    return { ...chart, findings };
  });
}

/** Findings per environment: the same finding once, with its environments in their order. */
function regrouped(said: { environment: string | undefined; finding: Finding }[]): Finding[] {
  const groups = new Map<string, Finding>();
  for (const { environment, finding: f } of said) {
    const { environments: _, ...rest } = f;
    const key = stableJson(rest);
    const group = groups.get(key);
    if (!group) groups.set(key, environment === undefined ? f : { ...f, environments: [environment] });
    else if (environment !== undefined) group.environments = [...(group.environments ?? []), environment];
  }
  return [...groups.values()];
}
