// resource-removed for CRDs and StatefulSets
// on small charts rendered with helm --include-crds: helm's own "# Source: <chart>/crds/..." lines tell crds/ from templates/.
import { describe, expect, it } from 'vitest';
import { crdChanged } from '../../src/core/rules/crd-changed.js';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import { tinyPairContext } from '../support/render-corpus.js';
import { V1_ONLY } from './support/crd.js';
import { statefulSet } from './support/statefulset.js';

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
    // the place is in the base commit: the head no longer renders (or has) it
    expect(finding.fileAtBase).toBe(true);
    expect(finding.message).toBe(
      'CustomResourceDefinition widgets.example.com from crds/ is no longer rendered: Helm never deletes CRDs it installed from crds/, so it stays in the cluster with its custom resources.',
    );
    expect(finding.remedy).toContain('`kubectl delete customresourcedefinition widgets.example.com`');
    expect(crdChanged.check(ctx)).toEqual([]);
  });
});

describe('resource-removed for StatefulSets and claims', () => {
  it('raises a removed StatefulSet that deletes its claims to a warning', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': statefulSet('rel-db', 'db', { retention: 'Delete' }) },
      {},
    );
    const [finding] = resourceRemoved.check(ctx);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('with whenDeleted: Delete, its PVC data-rel-db-0 and the data');
  });

  it('raises a removed PersistentVolumeClaim to a warning', () => {
    const claim =
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: files}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n';
    const [finding] = resourceRemoved.check(tinyPairContext('db', { 'templates/pvc.yaml': claim }, {}));
    expect(finding.severity).toBe('warning');
    expect(finding.remedy).toContain(
      '`kubectl annotate persistentvolumeclaim files -n demo helm.sh/resource-policy=keep`',
    );
  });

  it('says Helm keeps an object annotated helm.sh/resource-policy: keep', () => {
    const kept =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, annotations: {helm.sh/resource-policy: keep}}\n';
    const [finding] = resourceRemoved.check(tinyPairContext('db', { 'templates/cm.yaml': kept }, {}));
    expect(finding.message).toContain('Helm leaves it in the cluster');
    expect(finding.severity).toBeUndefined();
  });
});
