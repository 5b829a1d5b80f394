// The apiVersion table behind api-removed and api-deprecated.
import { describe, expect, it } from 'vitest';
import { API_VERSIONS, apiStatusAt, apiVersionEntry, reachedBy } from '../../src/core/render/api-versions.js';

describe('the apiVersion table', () => {
  it('compares Kubernetes versions by minor, accepting v-prefixed and patch versions', () => {
    expect(reachedBy('1.25', 'v1.25.3')).toBe(true);
    expect(reachedBy('1.25', '1.9')).toBe(false);
    expect(reachedBy('1.9', '1.25')).toBe(true);
    expect(reachedBy(undefined, '1.30')).toBe(false);
  });

  it('lists every removal after its deprecation and with a replacement or a note', () => {
    for (const entry of API_VERSIONS) {
      if (entry.deprecatedIn && entry.removedIn) expect(reachedBy(entry.deprecatedIn, entry.removedIn)).toBe(true);
      expect(entry.replacement ?? entry.note).toBeTruthy();
    }
  });

  it('knows the policy/v1beta1 removals of 1.25 and nothing about policy/v1', () => {
    expect(apiStatusAt(apiVersionEntry('policy/v1beta1', 'PodDisruptionBudget'), '1.25')).toBe('removed');
    expect(apiStatusAt(apiVersionEntry('policy/v1beta1', 'PodSecurityPolicy'), '1.21')).toBe('deprecated');
    expect(apiVersionEntry('policy/v1', 'PodDisruptionBudget')).toBeUndefined();
  });
});
