// The rendered diff of large objects: a CRD schema of thousands of values folds the subtrees both versions share,
// so the patch shows what changed (with its keys) instead of half a megabyte of context; small objects keep the
// plain unified diff.
import { describe, expect, it } from 'vitest';
import { renderedDiff, UNCHANGED } from '../../src/core/render/rendered-diff.js';
import { tinyPairContext } from '../support/render-corpus.js';

/** A CRD whose schema holds `fields`^3 leaf properties; `changed` rewrites one leaf's description. */
function bigCrd(fields: number, changed: boolean | 'everywhere'): string {
  const note = (i: number, j: number, k: number) =>
    changed === 'everywhere' ? ' (reworded)' : changed && i === 3 && j === 4 && k === 5 ? ' (deprecated)' : '';
  const leaf = (i: number, j: number, k: number) =>
    `{type: string, description: "field ${i}.${j}.${k}${note(i, j, k)}"}`;
  const level3 = (i: number, j: number) =>
    `{type: object, properties: {${Array.from({ length: fields }, (_, k) => `f${k}: ${leaf(i, j, k)}`).join(', ')}}}`;
  const level2 = (i: number) =>
    `{type: object, properties: {${Array.from({ length: fields }, (_, j) => `g${j}: ${level3(i, j)}`).join(', ')}}}`;
  const schema = `{type: object, properties: {${Array.from({ length: fields }, (_, i) => `h${i}: ${level2(i)}`).join(', ')}}}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: ${schema}}
`;
}

const configMap = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n  b: "2"\n  c: ${value}\n  d: "4"\n`;

describe('rendered diff of large objects', () => {
  const ctx = tinyPairContext(
    'op',
    { 'crds/widgets.yaml': bigCrd(12, false), 'templates/cm.yaml': configMap('"3"') },
    { 'crds/widgets.yaml': bigCrd(12, true), 'templates/cm.yaml': configMap('"three"') },
  );
  const diff = renderedDiff(ctx)!;
  const crd = diff.objects.find((o) => o.resource.kind === 'CustomResourceDefinition')!;

  it('folds the unchanged subtrees of a CRD schema and shows the changed description with its keys', () => {
    expect(crd.change).toBe('changed');
    expect(crd.patch).toMatch(/^-\s+description: field 3\.4\.5$/m);
    expect(crd.patch).toMatch(/^\+\s+description: field 3\.4\.5 \(deprecated\)$/m);
    // the changed field's key is the context line above it; its unchanged neighbours are folded
    expect(crd.patch).toMatch(/^ \s+f5:$/m);
    expect(crd.patch).toContain(UNCHANGED);
    // 12^3 leaves with descriptions serialise to about 100 KB; the folded patch is a few lines
    expect(crd.patch.split('\n').length).toBeLessThan(40);
  });

  it('keeps the plain unified diff, with its context lines, for an object of ordinary size', () => {
    const cm = diff.objects.find((o) => o.resource.kind === 'ConfigMap')!;
    expect(cm.patch).toMatch(/^-\s+c: "3"$/m);
    expect(cm.patch).toMatch(/^\+\s+c: three$/m);
    expect(cm.patch).toMatch(/^ \s+b: "2"$/m);
    expect(cm.patch).not.toContain(UNCHANGED);
  });

  it('lists the changed values by path when a regenerated schema changed all over', () => {
    const everywhere = tinyPairContext(
      'op',
      { 'crds/widgets.yaml': bigCrd(12, false) },
      { 'crds/widgets.yaml': bigCrd(12, 'everywhere') },
    );
    const [object] = renderedDiff(everywhere)!.objects;
    const lines = object.patch.split('\n');
    expect(lines[2]).toBe('@@ 1728 values changed, too many to diff line by line; the first 40 by path @@');
    expect(lines).toContain(
      '-spec.versions[0].schema.openAPIV3Schema.properties.h0.properties.g0.properties.f0.description: field 0.0.0',
    );
    expect(lines).toContain(
      '+spec.versions[0].schema.openAPIV3Schema.properties.h0.properties.g0.properties.f0.description: field 0.0.0 (reworded)',
    );
    expect(lines.length).toBe(3 + 2 * 40);
  });
});
