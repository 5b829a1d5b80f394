// A finding that holds in several environments has one remedy: the advice once, each environment's command below.
import { describe, expect, it } from 'vitest';
import { mergedRemedy, remediesOfMerged } from '../../src/core/pipeline/merged-remedies.js';

const remedy = (files: string) =>
  'Delete the StatefulSet but keep its pods and PVCs, then upgrade: `kubectl delete statefulset db -n data --cascade=orphan` ' +
  `then \`helm upgrade db charts/mariadb --namespace data${files}\`. The new StatefulSet keeps the name, so it reuses the same PVCs.`;

describe('one remedy for the environments of a finding', () => {
  it('writes the advice once and lists the command that differs per environment, marked with its environments', () => {
    const merged = mergedRemedy(
      new Map([
        [remedy(' -f envs/aws/mariadb.yaml'), ['aws', 'aws-eu']],
        [remedy(' -f envs/gcp/mariadb.yaml'), ['gcp']],
      ]),
    );
    expect(merged).toBe(
      [
        'Delete the StatefulSet but keep its pods and PVCs, then upgrade: `kubectl delete statefulset db -n data --cascade=orphan` ' +
          "then `helm upgrade db charts/mariadb --namespace data …` (each environment's, below). The new StatefulSet keeps the name, so it reuses the same PVCs.",
        'helm upgrade db charts/mariadb --namespace data -f envs/aws/mariadb.yaml  # aws, aws-eu',
        'helm upgrade db charts/mariadb --namespace data -f envs/gcp/mariadb.yaml  # gcp',
      ].join('\n'),
    );
  });

  it('keeps one remedy per group of environments when their words differ', () => {
    const merged = mergedRemedy(
      new Map([
        ['Upgrade the clusters on Kubernetes 1.24 first.', ['gcp']],
        ['Upgrade the clusters on Kubernetes 1.25 first.', ['aws']],
      ]),
    );
    expect(merged).toBe(
      'gcp: Upgrade the clusters on Kubernetes 1.24 first.\naws: Upgrade the clusters on Kubernetes 1.25 first.',
    );
  });

  it('returns a single remedy as it is', () => {
    expect(mergedRemedy(new Map([[remedy(''), ['aws', 'gcp']]]))).toBe(remedy(''));
  });

  it('gives each environment its remedy back (shards merged anew), and nothing for another remedy', () => {
    const aws = remedy(' -f envs/aws/mariadb.yaml');
    const gcp = remedy(' -f envs/gcp/mariadb.yaml');
    const merged = mergedRemedy(
      new Map([
        [aws, ['aws', 'aws-eu']],
        [gcp, ['gcp']],
      ]),
    );
    expect(remediesOfMerged(merged, ['aws', 'aws-eu', 'gcp'])).toEqual(
      new Map([
        ['aws', aws],
        ['aws-eu', aws],
        ['gcp', gcp],
      ]),
    );
    expect(remediesOfMerged(aws, ['aws', 'gcp'])).toBeUndefined();
  });
});
