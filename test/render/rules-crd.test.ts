// crd-changed, crd-version-removed and crd-moved (and resource-removed for CRDs) on small charts rendered with
// helm --include-crds: helm's own "# Source: <chart>/crds/..." lines tell crds/ from templates/.
import { describe, expect, it } from 'vitest';
import { crdChanged } from '../../src/core/rules/crd-changed.js';
import { crdMoved } from '../../src/core/rules/crd-moved.js';
import { crdVersionRemoved } from '../../src/core/rules/crd-version-removed.js';
import { immutableFieldChanged } from '../../src/core/rules/immutable-field-changed.js';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import { tinyPairContext } from '../support/render-corpus.js';

function crd(versions: { name: string; storage?: boolean; columns?: string[] }[], annotations = ''): string {
  const list = versions
    .map(
      (v) => `    - name: ${v.name}
      served: true
      storage: ${v.storage === true}
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
${v.columns ? `      additionalPrinterColumns:\n${v.columns.map((c) => `        - {name: ${c}, type: string, jsonPath: .status.${c}}`).join('\n')}\n` : ''}`,
    )
    .join('');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
${annotations}spec:
  group: example.com
  names: {plural: widgets, kind: Widget}
  scope: Namespaced
  versions:
${list}`;
}

const V1ALPHA1_AND_V1 = crd([{ name: 'v1alpha1', storage: true }, { name: 'v1' }]);
const V1_ONLY = crd([{ name: 'v1', storage: true }]);

describe('crd-version-removed', () => {
  it('reports a version dropped from a CRD in crds/, with the storage migration to do first', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': V1ALPHA1_AND_V1 }, { 'crds/widgets.yaml': V1_ONLY });
    const findings = crdVersionRemoved.check(ctx);
    expect(findings.map(({ path, before, after }) => ({ path, before, after }))).toEqual([
      { path: 'spec.versions', before: ['v1alpha1', 'v1'], after: ['v1'] },
    ]);
    expect(findings[0].message).toContain('drops version v1alpha1, its storage version until now');
    expect(findings[0].remedy).toContain('`kubectl get widgets.example.com -A -o json | kubectl replace -f -`');
    expect(findings[0].remedy).toContain('"storedVersions":["v1"]');
    expect(findings[0].remedy).toContain('kubectl apply --server-side -f charts/op/crds/widgets.yaml');
  });

  it('reports a version dropped from a CRD in templates/ too', () => {
    const ctx = tinyPairContext(
      'op',
      { 'templates/widgets.yaml': V1ALPHA1_AND_V1 },
      { 'templates/widgets.yaml': V1_ONLY },
    );
    expect(crdVersionRemoved.check(ctx).map((f) => f.resource?.name)).toEqual(['widgets.example.com']);
    expect(crdVersionRemoved.check(ctx)[0].remedy).toContain('helm upgrade rel charts/op --namespace demo');
  });

  it('does not fire when a version is only added', () => {
    const ctx = tinyPairContext(
      'op',
      { 'crds/widgets.yaml': V1_ONLY },
      { 'crds/widgets.yaml': crd([{ name: 'v1', storage: true }, { name: 'v2' }]) },
    );
    expect(crdVersionRemoved.check(ctx)).toEqual([]);
  });
});

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
    expect(finding.remedy).toContain('`kubectl apply --server-side -f charts/op/crds/widgets.yaml`');
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

describe('crd-moved', () => {
  it('is an error when a CRD moves from templates/ to crds/: Helm deletes it and its custom resources', () => {
    const ctx = tinyPairContext('op', { 'templates/widgets.yaml': V1_ONLY }, { 'crds/widgets.yaml': V1_ONLY });
    const findings = crdMoved.check(ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBeUndefined();
    expect(crdMoved.severity).toBe('error');
    expect(findings[0].message).toContain('deletes it');
    expect(findings[0].remedy).toContain(
      '`kubectl annotate customresourcedefinition widgets.example.com helm.sh/resource-policy=keep`',
    );
    // reported once: not also as a removed resource or a crds/ change
    expect(resourceRemoved.check(ctx)).toEqual([]);
    expect(crdChanged.check(ctx)).toEqual([]);
  });

  it('is a warning when a CRD moves from crds/ to templates/: the release has to adopt it', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': V1_ONLY }, { 'templates/widgets.yaml': V1_ONLY });
    const [finding] = crdMoved.check(ctx);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('invalid ownership metadata');
    expect(finding.remedy).toContain('meta.helm.sh/release-name=rel meta.helm.sh/release-namespace=demo');
  });

  it('does not fire when the CRD stays where it was', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': V1_ONLY }, { 'crds/widgets.yaml': V1_ONLY });
    expect(crdMoved.check(ctx)).toEqual([]);
  });
});

describe('resource-removed for CRDs', () => {
  it('warns that dropping a CRD from templates/ deletes every custom resource of that type', () => {
    const ctx = tinyPairContext('op', { 'templates/widgets.yaml': V1_ONLY }, {});
    const [finding] = resourceRemoved.check(ctx);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('every custom resource of that type');
  });

  it('notes that a CRD leaving crds/ stays in the cluster: Helm never deletes those', () => {
    const ctx = tinyPairContext('op', { 'crds/widgets.yaml': `---\n${V1_ONLY}` }, {});
    const [finding, ...rest] = resourceRemoved.check(ctx);
    expect(rest).toEqual([]);
    expect(finding.severity).toBeUndefined(); // the rule's notice
    expect(finding.file).toBe('charts/op/crds/widgets.yaml');
    expect(finding.message).toBe(
      'CustomResourceDefinition widgets.example.com from crds/ is no longer rendered: Helm never deletes CRDs it installed from crds/, so it stays in the cluster with its custom resources.',
    );
    expect(finding.remedy).toContain('`kubectl delete customresourcedefinition widgets.example.com`');
    expect(crdChanged.check(ctx)).toEqual([]);
  });
});
