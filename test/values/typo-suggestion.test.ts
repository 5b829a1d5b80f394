import { describe, expect, it } from 'vitest';
import { typoSuggestion } from '../../src/core/values/did-you-mean.js';

const defaults = {
  replicaCount: 1,
  image: { repository: 'bitnami/zookeeper', tag: '3.9', pullPolicy: 'IfNotPresent' },
  name: 'x',
};

describe('spelling fixes for unknown override keys', () => {
  it('suggests the closest sibling key', () => {
    expect(typoSuggestion(['replicaCont'], defaults)).toBe('replicaCount');
    expect(typoSuggestion(['image', 'pullPolicyy'], defaults)).toBe('image.pullPolicy');
  });

  it('stays quiet when no sibling is close for the key length', () => {
    expect(typoSuggestion(['nam'], defaults)).toBe('name');
    expect(typoSuggestion(['image', 'digest'], defaults)).toBeUndefined();
    expect(typoSuggestion(['imagine'], defaults)).toBeUndefined();
    expect(typoSuggestion(['missing', 'child'], defaults)).toBeUndefined();
  });
});
