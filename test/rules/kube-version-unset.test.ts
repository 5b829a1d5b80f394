import { describe, expect, it } from 'vitest';
import { kubeVersionUnset } from '../../src/core/rules/kube-version-unset.js';
import { repoContext } from './support/contexts.js';

describe('kube-version-unset', () => {
  it('says once that the API and kubeVersion checks did not run without a target', () => {
    const findings = kubeVersionUnset.check(repoContext());
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('api-removed, api-deprecated');
    expect(findings[0].message).toContain('kube-version-unsupported');
  });

  it('names the environments without a target when others have one: the checks did not run there', () => {
    const findings = kubeVersionUnset.check(
      repoContext({ kube: { min: '1.29', max: '1.29' }, kubeUnsetIn: ['scaleway'] }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'No Kubernetes version is set for scaleway: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run there.',
    ]);
    expect(findings[0].remedy).toContain('environments.scaleway');
  });

  it('is silent when a target is set', () => {
    expect(kubeVersionUnset.check(repoContext({ kube: { min: '1.29', max: '1.31' } }))).toEqual([]);
  });
});
