// Once a chart's rules ran, the pipeline keeps only the runbook's view of its renders (src/core/runbook/render-view.ts)
// and drops the rest, so a run does not hold every document of every environment. The runbook made from that view
// must be the runbook made from the whole renders: checked on every corpus bump and on a chart with crds/ and
// template CRDs, a custom resource, workloads and a large ConfigMap, all rendered by the real helm.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/render/types.js';
import { keepRunbookView } from '../../src/core/runbook/render-view.js';
import { crd } from '../rules/support/crd.js';
import { CORPUS_DIR } from '../support/git-repo.js';
import { corpusContext, tinyPairContext } from '../support/render-corpus.js';
import { plannedBump } from '../support/runbook.js';

const deployment = (image: string, replicas = 1) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: rel-web, labels: {app: web}}
spec:
  replicas: ${replicas}
  strategy: {type: Recreate}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: '${image}'}]}
`;

const dashboards = (title: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rel-dashboards}\ndata:\n  board.json: '${JSON.stringify({ title, panels: Array.from({ length: 200 }, (_, i) => ({ id: i })) })}'\n`;

const gadgets = (yaml: string) => yaml.replace(/widgets/g, 'gadgets').replace(/Widget/g, 'Gadget');

/** An operator chart: a crds/ CRD that changes, a template CRD, a custom resource of it, a workload, dashboards. */
const operator = () =>
  tinyPairContext(
    'op',
    {
      'crds/widgets.yaml': crd([{ name: 'v1', storage: true }]),
      'templates/gadgets.yaml': gadgets(crd([{ name: 'v1', storage: true }])),
      'templates/gadget.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: rel-gadget}\n',
      'templates/web.yaml': deployment('nginx:1'),
      'templates/dashboards.yaml': dashboards('old'),
    },
    {
      'crds/widgets.yaml': crd([{ name: 'v1', storage: true }, { name: 'v2' }]),
      'templates/gadgets.yaml': gadgets(crd([{ name: 'v1', storage: true, columns: ['Ready'] }])),
      'templates/gadget.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: rel-gadget}\n',
      'templates/web.yaml': deployment('nginx:2'),
      'templates/dashboards.yaml': dashboards('new'),
    },
  );

describe("the runbook's view of a chart's renders", () => {
  it('gives the runbook of the whole renders, with crds/ applies, order kinds, downtime and rollout checks', () => {
    const ctx = operator();
    const full = plannedBump(ctx);
    keepRunbookView([ctx.renders]);
    expect(plannedBump(ctx, full.findings).actions).toEqual(full.actions);
    // the runbook has something to lose: a CRD to apply and a downtime step read from the workload's pod template
    expect(full.actions.crdsToApply.map((c) => c.name)).toEqual(['widgets.example.com']);
    expect(full.actions.steps.map((s) => s.description).join('\n')).toContain('Downtime: Deployment rel-web');
  });

  it.each(readdirSync(CORPUS_DIR).filter((p) => p.includes('-to-')))(
    'gives the runbook of the whole renders of %s',
    (pair) => {
      const ctx = corpusContext(pair);
      const full = plannedBump(ctx);
      keepRunbookView([ctx.renders]);
      expect(plannedBump(ctx, full.findings).actions).toEqual(full.actions);
    },
  );

  it('keeps every object, workloads whole, CRDs by their names, and of anything else its identity', () => {
    const ctx = operator();
    const before = ctx.renders!.head!.manifests.map((m) => structuredClone(m));
    keepRunbookView([ctx.renders, ctx.renders]);
    const after = ctx.renders!.head!.manifests;
    const byName = (list: Manifest[], name: string) => list.find((m) => m.ref.name === name)!;
    // same objects, same identities (ref, group, source, hook and crds/ markers)
    expect(after.map(({ object: _, ...identity }) => identity)).toEqual(
      before.map(({ object: _, ...identity }) => identity),
    );
    expect(byName(after, 'rel-web').object).toEqual(byName(before, 'rel-web').object);
    expect(byName(after, 'widgets.example.com').object).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', names: { plural: 'widgets', kind: 'Widget' }, scope: 'Namespaced' },
    });
    expect(byName(after, 'rel-dashboards').object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'rel-dashboards' },
    });
  });
});
