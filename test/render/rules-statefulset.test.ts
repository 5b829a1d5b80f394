// statefulset-replaced and resource-removed for StatefulSets: which new StatefulSet takes an old one's place,
// and what happens to the PVCs (<template>-<statefulset>-<ordinal>).
import { describe, expect, it } from 'vitest';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import { statefulsetReplaced } from '../../src/core/rules/statefulset-replaced.js';
import { corpusContext, tinyPairContext } from '../support/render-corpus.js';

function statefulSet(
  name: string,
  app: string,
  options: { replicas?: number; retention?: string; template?: string } = {},
): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  replicas: ${options.replicas ?? 1}
  serviceName: ${name}
  selector: {matchLabels: {app.kubernetes.io/name: ${app}}}
${options.retention ? `  persistentVolumeClaimRetentionPolicy: {whenDeleted: ${options.retention}}\n` : ''}  template:
    metadata: {labels: {app.kubernetes.io/name: ${app}}}
    spec:
      containers: [{name: db, image: db:1}]
  volumeClaimTemplates:
    - metadata: {name: ${options.template ?? 'data'}}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}
`;
}

describe('statefulset-replaced', () => {
  it('lists every PVC of the old StatefulSet, one per replica, and the ones the successor creates', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': statefulSet('rel-db-master', 'db', { replicas: 3 }) },
      { 'templates/sts.yaml': statefulSet('rel-db', 'db', { replicas: 2 }) },
    );
    const [finding] = statefulsetReplaced.check(ctx);
    expect(finding.before).toEqual({
      name: 'rel-db-master',
      claims: ['data-rel-db-master-0', 'data-rel-db-master-1', 'data-rel-db-master-2'],
    });
    expect(finding.after).toEqual({ name: 'rel-db', claims: ['data-rel-db-0', 'data-rel-db-1'] });
    expect(finding.message).toContain(
      'PVCs data-rel-db-master-0, data-rel-db-master-1 and data-rel-db-master-2 stay behind',
    );
  });

  it('says the data is deleted when the old StatefulSet deletes its claims (whenDeleted: Delete)', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': statefulSet('rel-db-primary', 'db', { retention: 'Delete' }) },
      { 'templates/sts.yaml': statefulSet('rel-db', 'db') },
    );
    const [finding] = statefulsetReplaced.check(ctx);
    expect(finding.message).toContain(
      'is deleted with it (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and the data with it',
    );
    expect(finding.remedy).toContain('"whenDeleted":"Retain"');
  });

  it('does not take an unrelated new StatefulSet with the same claim name for a successor', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': statefulSet('rel-db', 'db') },
      { 'templates/sts.yaml': statefulSet('rel-cache', 'cache') },
    );
    expect(statefulsetReplaced.check(ctx)).toEqual([]);
    const [removed] = resourceRemoved.check(ctx);
    expect(removed.message).toContain('its PVC data-rel-db-0 stays behind unused');
  });

  it('does not take a StatefulSet with other claim templates for a successor', () => {
    const ctx = tinyPairContext(
      'db',
      { 'templates/sts.yaml': statefulSet('rel-db-master', 'db') },
      { 'templates/sts.yaml': statefulSet('rel-db', 'db', { template: 'storage' }) },
    );
    expect(statefulsetReplaced.check(ctx)).toEqual([]);
  });

  it('pairs master with primary and slave with secondary (mariadb 7 -> 8 with architecture=replication)', () => {
    const ctx = corpusContext('mariadb-7.10.4-to-8.0.0', { headSet: ['architecture=replication'] });
    const pairs = statefulsetReplaced
      .check(ctx)
      .map((f) => `${f.resource?.name} -> ${(f.after as { name: string }).name}`);
    expect(pairs.sort()).toEqual([
      'rel-mariadb-master -> rel-mariadb-primary',
      'rel-mariadb-slave -> rel-mariadb-secondary',
    ]);
    expect(resourceRemoved.check(ctx).filter((f) => f.resource?.kind === 'StatefulSet')).toEqual([]);
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
