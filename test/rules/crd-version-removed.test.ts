// crd-version-removed
// on small charts rendered with helm --include-crds: helm's own "# Source: <chart>/crds/..." lines tell crds/ from templates/.
import { describe, expect, it } from 'vitest';
import { crdVersionRemoved } from '../../src/core/rules/crd-version-removed.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { crd, V1_ONLY, V1ALPHA1_AND_V1 } from './support/crd.js';

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
    expect(findings[0].remedy).toContain(
      'kubectl apply --server-side --force-conflicts -f charts/op/crds/widgets.yaml',
    );
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
