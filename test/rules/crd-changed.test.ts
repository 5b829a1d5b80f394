// crd-changed
// on small charts rendered with helm --include-crds: helm's own "# Source: <chart>/crds/..." lines tell crds/ from templates/.
import { describe, expect, it } from 'vitest';
import { crdChanged } from '../../src/core/rules/crd-changed.js';
import { immutableFieldChanged } from '../../src/core/rules/immutable-field-changed.js';
import { changeLines } from '../../src/format/describe.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { plannedBump } from '../support/runbook.js';
import { crd, V1_ONLY } from './support/crd.js';

/** crd() of another kind: `gadgets.example.com` for 'gadget'. */
const named = (kind: string, yaml: string) =>
  yaml.replace(/widgets/g, `${kind}s`).replace(/Widget/g, kind[0].toUpperCase() + kind.slice(1));

describe('crd-changed', () => {
  it('summarises added versions and printer columns of a crds/ CRD and gives the kubectl apply', () => {
    const ctx = tinyPairContext(
      'op',
      { 'crds/widgets.yaml': V1_ONLY },
      { 'crds/widgets.yaml': crd([{ name: 'v1', storage: true, columns: ['Ready'] }, { name: 'v2' }]) },
    );
    const [finding] = crdChanged.check(ctx);
    expect(finding.message).toBe(
      'CRD widgets.example.com changed in crds/ (versions added: v2; printer columns added: Ready): Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.',
    );
    expect(finding.file).toBe('charts/op/crds/widgets.yaml');
    expect(finding.remedy).toContain('`kubectl apply --server-side --force-conflicts -f charts/op/crds/widgets.yaml`');
  });

  it('names the schema fields a version gained, lost and newly requires', () => {
    const schema = (spec: string, required = '') =>
      crd([{ name: 'v1', storage: true }]).replace(
        '{openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}',
        `{openAPIV3Schema: {type: object, properties: {spec: {type: object, ${required}properties: {${spec}}}}}}`,
      );
    const ctx = tinyPairContext(
      'op',
      {
        'crds/widgets.yaml': schema(
          'size: {type: string}, color: {type: string}, old: {type: object, properties: {a: {type: string}}}',
        ),
      },
      {
        'crds/widgets.yaml': schema(
          'size: {type: string}, color: {type: string}, ports: {type: array, items: {type: object, properties: {name: {type: string}}}}',
          'required: [size], ',
        ),
      },
    );
    const [finding] = crdChanged.check(ctx);
    expect(finding.message).toContain('schema of v1 changed');
    expect(finding.after).toMatchObject({
      schemaFields: [{ version: 'v1', added: ['spec.ports'], removed: ['spec.old'], required: ['spec.size'] }],
    });
  });

  it('reports a CRD new in crds/, which helm upgrade does not install', () => {
    const ctx = tinyPairContext(
      'op',
      { 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
      { 'crds/widgets.yaml': V1_ONLY, 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
    );
    const [finding] = crdChanged.check(ctx);
    expect(finding.message).toContain('is new in crds/: `helm upgrade` does not install it');
    expect(finding.before).toBeNull();
  });

  it('reports the CRDs of one chart as one finding listing each, with one kubectl apply for all of them', () => {
    const v2 = crd([{ name: 'v1', storage: true }, { name: 'v2' }]);
    const ctx = tinyPairContext(
      'op',
      {
        'crds/gadgets.yaml': named('gadget', V1_ONLY),
        'crds/widgets.yaml': V1_ONLY,
        'crds/sprockets.yaml': named('sprocket', V1_ONLY),
      },
      {
        'crds/gadgets.yaml': named('gadget', v2),
        'crds/widgets.yaml': crd([{ name: 'v1', storage: true, columns: ['Ready'] }]),
        'crds/sprockets.yaml': named('sprocket', V1_ONLY),
        'crds/doodads.yaml': named('doodad', V1_ONLY),
      },
    );
    const findings = crdChanged.check(ctx);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.message).toBe(
      '2 CRDs changed and 1 is new in crds/ (doodads.example.com, gadgets.example.com and widgets.example.com): ' +
        'crds/ is only read on first install, so the cluster keeps the old definitions and lacks the new ones.',
    );
    expect(finding).toMatchObject({ file: 'charts/op/crds/doodads.yaml', path: 'spec' });
    expect(finding.resource).toBeUndefined();
    expect(finding.remedy).toBe(
      'Apply the new definitions before upgrading: `kubectl apply --server-side --force-conflicts -f charts/op/crds/doodads.yaml ' +
        '-f charts/op/crds/gadgets.yaml -f charts/op/crds/widgets.yaml`.',
    );
    expect(changeLines({ ...finding, rule: 'crd-changed', severity: 'warning' })).toEqual([
      { label: 'doodads.example.com', text: 'new, serving v1 (storage version v1)' },
      { label: 'gadgets.example.com', text: 'versions added: v2' },
      { label: 'widgets.example.com', text: 'printer columns added: Ready' },
    ]);
    // the runbook applies each of them, and the unchanged sprockets not; no other rule has anything to say
    const planned = plannedBump(ctx);
    expect(planned.findings.map((f) => f.rule)).toEqual(['crd-changed']);
    expect(planned.actions.crdsToApply.map((c) => [c.name, c.file])).toEqual([
      ['doodads.example.com', 'charts/op/crds/doodads.yaml'],
      ['gadgets.example.com', 'charts/op/crds/gadgets.yaml'],
      ['widgets.example.com', 'charts/op/crds/widgets.yaml'],
    ]);
  });

  it('ignores a crds/ CRD whose spec is unchanged, even when its annotations change', () => {
    const ctx = tinyPairContext(
      'op',
      { 'crds/widgets.yaml': V1_ONLY },
      {
        'crds/widgets.yaml': crd(
          [{ name: 'v1', storage: true }],
          '  annotations: {controller-gen.kubebuilder.io/version: v0.12.0}\n',
        ),
      },
    );
    expect(crdChanged.check(ctx)).toEqual([]);
  });

  it('leaves CRDs in templates/ to the immutable and version rules', () => {
    const ctx = tinyPairContext(
      'op',
      { 'templates/widgets.yaml': V1_ONLY },
      { 'templates/widgets.yaml': crd([{ name: 'v1', storage: true, columns: ['Ready'] }]) },
    );
    expect(crdChanged.check(ctx)).toEqual([]);
    expect(immutableFieldChanged.check(ctx)).toEqual([]);
  });
});
