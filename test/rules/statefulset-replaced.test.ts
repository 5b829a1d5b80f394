// statefulset-replaced: which new StatefulSet takes an old one's place, and what happens to the PVCs
// (<template>-<statefulset>-<ordinal>).
import { describe, expect, it } from 'vitest';
import { resourceRemoved } from '../../src/core/rules/resource-removed.js';
import { statefulsetReplaced } from '../../src/core/rules/statefulset-replaced.js';
import { corpusContext, tinyPairContext } from '../support/render-corpus.js';
import { statefulSet } from './support/statefulset.js';

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
