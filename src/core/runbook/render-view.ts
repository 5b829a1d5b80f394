// What the upgrade runbook reads of a chart's renders, kept once the chart's rules ran and its report is built: the
// pipeline then drops the rest, chart by chart, so a run never holds every document of every environment (a 5 MB
// kube-prometheus-stack render is mostly CRD schemas and dashboard ConfigMaps, which no step after the rules reads).
// Every manifest stays, with its identity (ref, group, source, hook and crds/ markers: the order of the runbook and
// its object lookups); the objects shrink to what the runbook reads of them:
//   apps workloads   whole (rollout checks, downtime: the pod template; orphan clean-up: selector and pod labels;
//                    replicas, ordinals, PVC retention)
//   CRDs             spec.group, spec.names and spec.scope (crds/ applies, template CRD owners, upgrade order)
//   anything else    apiVersion, kind, metadata.name and namespace
// The kept values are copies: a string the YAML parser cut out of helm's output holds the whole output in memory.
// test/runbook/render-view.test.ts checks that the runbook of the kept view is the runbook of the full renders.
import { LazyManifest } from '../render/manifests.js';
import type { Manifest, RenderPair, RenderResult } from '../render/types.js';
import { isCrd } from '../rules/analysis/crds.js';
import { isMap } from '../values/key-path.js';

/** The renders of a chart's environments reduced to the runbook's view, in place (environments share results). */
export function keepRunbookView(pairs: readonly (RenderPair | undefined)[]): void {
  const done = new Set<RenderResult>();
  for (const { base, head, headAtMin, deployed } of pairs.map((pair) => pair ?? {})) {
    for (const result of [base, head, headAtMin, deployed]) {
      if (!result || done.has(result)) continue;
      done.add(result);
      result.manifests = result.manifests.map(runbookManifest);
    }
  }
}

export function runbookManifest(m: Manifest): Manifest {
  // a document no check parsed keeps its text (a fraction of its object's size) and is parsed if the runbook reads it
  if (m instanceof LazyManifest && !m.parsed) return m;
  return structuredClone({ ...m, object: runbookObject(m) });
}

function runbookObject(m: Manifest): Record<string, unknown> {
  if (m.group === 'apps') return m.object;
  const metadata = isMap(m.object.metadata) ? m.object.metadata : {};
  const identity = {
    apiVersion: m.object.apiVersion,
    kind: m.object.kind,
    metadata: { name: metadata.name, ...(metadata.namespace !== undefined ? { namespace: metadata.namespace } : {}) },
  };
  if (!isCrd(m)) return identity;
  const spec = isMap(m.object.spec) ? m.object.spec : {};
  return { ...identity, spec: { group: spec.group, names: spec.names, scope: spec.scope } };
}
