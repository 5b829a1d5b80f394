import { describe, expect, it } from 'vitest';
import { checkKubeVersion, normaliseKubeVersion } from '../../src/core/config/kube-version.js';

describe('kubeVersion constraints as Helm reads them', () => {
  it.each([
    ['>=1.25.0-0', '1.25', true],
    ['>=1.25.0-0', '1.24', false],
    ['>= 1.19, < 1.30', '1.29', true],
    ['>= 1.19, < 1.30', '1.30', false],
    ['>=1.16.0-0 <1.22.0-0 || >=1.26.0-0', '1.23', false],
    ['>=1.16.0-0 <1.22.0-0 || >=1.26.0-0', '1.27', true],
    ['~1.28', '1.28', true],
    ['^1.20', '1.31', true],
  ])('%s with cluster %s -> %s', (constraint, version, ok) => {
    expect(checkKubeVersion(constraint, version).ok).toBe(ok);
  });

  it('says when a constraint cannot be read', () => {
    expect(checkKubeVersion('>= banana', '1.30')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('normalises target versions', () => {
    expect(normaliseKubeVersion('v1.31.4')).toBe('1.31');
    expect(normaliseKubeVersion('1.9')).toBe('1.9');
    expect(normaliseKubeVersion('latest')).toBeUndefined();
  });
});
