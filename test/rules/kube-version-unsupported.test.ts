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

  it('reads constraints as Helm does: ">= 1.16-0" (a real chart\'s spelling) allows 1.31', () => {
    expect(kubeVersionUnsupported.check(context('>= 1.16-0', { min: '1.31', max: '1.31' }, '>= 1.16-0'))).toEqual([]);
  });

  it('does not name the chart its section already names, nor show an unchanged kubeVersion as a change', () => {
    const [finding] = kubeVersionUnsupported.check(context('>=1.26.0-0', { min: '1.24', max: '1.24' }, '>=1.26.0-0'));
    expect(finding.message).toBe(
      'Version 18.0.0 requires kubeVersion >=1.26.0-0, which excludes Kubernetes 1.24: helm upgrade will refuse to run there (the old version was already excluded).',
    );
    expect(finding).not.toHaveProperty('before');
    expect(finding).not.toHaveProperty('after');
  });

  it('blocks on a constraint Helm cannot parse: helm refuses the chart on every cluster', () => {
    const [finding] = kubeVersionUnsupported.check(context('>= banana', { min: '1.31', max: '1.31' }, '>=1.19.0-0'));
    expect(finding).toEqual({
      message:
        'Chart.yaml kubeVersion ">= banana" is not a constraint Helm can parse: helm refuses to install or upgrade the chart on any cluster.',
      file: 'charts/redis/Chart.yaml',
      path: 'kubeVersion',
      before: '>=1.19.0-0',
      after: '>= banana',
    });
    expect(finding).not.toHaveProperty('severity'); // the rule's own: error
  });
});

describe('kube-version-unsupported on clusters that report a vendor pre-release', () => {
  it('warns that Helm 3 refuses a bound without "-0" on EKS and GKE versions, which Helm 4 accepts', () => {
    const [finding] = kubeVersionUnsupported.check(context('>=1.19', { min: '1.29', max: '1.29' }, '>=1.19'));
    expect(finding).toMatchObject({ severity: 'warning', path: 'kubeVersion', file: 'charts/redis/Chart.yaml' });
    expect(finding.message).toContain('Helm 3 refuses the chart on clusters whose version carries one');
    expect(finding).not.toHaveProperty('before');
  });

  it('is silent for the "-0" bounds charts write for that reason', () => {
    expect(kubeVersionUnsupported.check(context('>=1.19.0-0', { min: '1.29', max: '1.29' }))).toEqual([]);
    expect(kubeVersionUnsupported.check(context('>= 1.16-0', { min: '1.29', max: '1.29' }))).toEqual([]);
  });
});
