import { describe, expect, it } from 'vitest';
import { kubeVersionUnsupported } from '../../src/core/rules/kube-version-unsupported.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const headLockfile = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const context = (kubeVersion: string, kube: { min: string; max: string }, before?: string) =>
  ruleContext({
    change: changeOf('redis', headLockfile),
    base: loadedChart('charts/redis', { name: 'redis', version: '17.0.0', kubeVersion: before }),
    head: loadedChart('charts/redis', { name: 'redis', version: '18.0.0', kubeVersion }),
    kube,
  });

describe('kube-version-unsupported', () => {
  it('names the clusters of the fleet range the new kubeVersion excludes', () => {
    const [finding] = kubeVersionUnsupported.check(context('>=1.25.0-0', { min: '1.24', max: '1.26' }));
    expect(finding).toEqual(
      expect.objectContaining({ file: 'charts/redis/Chart.yaml', path: 'kubeVersion', after: '>=1.25.0-0' }),
    );
    expect(finding.message).toContain('excludes Kubernetes 1.24 (fleet 1.24–1.26)');
  });

  it('is silent when every cluster of the range is allowed', () => {
    expect(kubeVersionUnsupported.check(context('>=1.25.0-0', { min: '1.25', max: '1.30' }))).toEqual([]);
  });

  it('says when the old version was already excluded', () => {
    const [finding] = kubeVersionUnsupported.check(context('>=1.26.0-0', { min: '1.24', max: '1.24' }, '>=1.25.0-0'));
    expect(finding.message).toContain('(the old version was already excluded)');
  });
});
