// The order of the runbook: charts that ship CRDs first, and every chart after those whose CRDs its objects use. A
// CRD that one chart renders as a template and another ships in crds/ (karpenter-crd and karpenter) belongs to the
// first: helm upgrades it there, and the crds/ copy is only installed where it is missing. So the crds/ chart counts
// as using those kinds: it comes after the owner (the owners: rules/analysis/crd-owners.ts).
import { crdDefines } from '../render/document-facts.js';
import type { Manifest, RenderResult } from '../render/types.js';
import type { OrderKinds } from '../report/report.js';
import { isCrd } from '../rules/analysis/crds.js';

/** What a chart's place in the runbook depends on: the CRD kinds its head render ships, and the kinds it uses. */
export function orderKinds(render: RenderResult | undefined): OrderKinds {
  const manifests = render?.manifests ?? [];
  return {
    provides: [...new Set(manifests.filter(isCrd).flatMap(crdKind))],
    uses: [
      ...new Set([
        ...manifests.filter((m) => !isCrd(m)).map((m) => `${m.group}/${m.ref.kind}`),
        ...manifests.filter((m) => isCrd(m) && m.fromCrdsDir).flatMap(crdKind),
      ]),
    ],
  };
}

/**
 * Charts that ship CRDs go first, and every chart after the charts whose CRDs its objects use (stable otherwise,
 * in lockfile order). A cycle keeps lockfile order.
 */
export function upgradeOrder(charts: readonly { name: string; kinds: OrderKinds }[]): {
  position: number[];
  dependsOn: string[][];
} {
  const provides = charts.map((c) => new Set(c.kinds.provides));
  const uses = charts.map((c) => new Set(c.kinds.uses));
  const dependsOn = charts.map((_, i) =>
    charts.flatMap((_other, j) => (j !== i && [...uses[i]].some((k) => provides[j].has(k)) ? [j] : [])),
  );
  const candidates = charts
    .map((_, i) => i)
    .sort((a, b) => Number(provides[b].size > 0) - Number(provides[a].size > 0));
  const placed: number[] = [];
  while (placed.length < charts.length) {
    const ready = candidates.find((i) => !placed.includes(i) && dependsOn[i].every((j) => placed.includes(j)));
    placed.push(ready ?? candidates.find((i) => !placed.includes(i))!);
  }
  return {
    position: charts.map((_, i) => placed.indexOf(i)),
    dependsOn: dependsOn.map((deps) => deps.map((j) => charts[j].name)),
  };
}

/** "example.com/Widget" of a CRD. */
function crdKind(m: Manifest): string[] {
  const defined = crdDefines(m);
  return defined ? [`${defined.group}/${defined.kind}`] : [];
}
