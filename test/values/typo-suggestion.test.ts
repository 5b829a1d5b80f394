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

  it('takes two edits on long keys and picks the closest of several candidates', () => {
    const siblings = { serviceAccountName: 'a', serviceAccountNames: 'b', podSecurityContext: {}, tolerations: [] };
    expect(typoSuggestion(['serviceAcountNam'], siblings)).toBe('serviceAccountName'); // two deletions
    expect(typoSuggestion(['serviceAccountNamez'], siblings)).toBe('serviceAccountName'); // one substitution
    expect(typoSuggestion(['podSecurityContxet'], siblings)).toBe('podSecurityContext'); // a swap: two edits
    expect(typoSuggestion(['podSecuritxContxet'], siblings)).toBeUndefined(); // three edits
    expect(typoSuggestion(['toleratoins'], siblings)).toBe('tolerations');
    expect(typoSuggestion(['TOLERATIONS'], siblings)).toBe('tolerations'); // case is not a typo
  });

  it('finds the one right sibling for each of many unknown keys among many siblings', () => {
    const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`setting${i}Value`, i]));
    const suggestions = Array.from({ length: 2_000 }, (_, i) => typoSuggestion([`setting${i}Valeu`], wide));
    expect(suggestions.filter(Boolean)).toHaveLength(200);
    expect(suggestions[7]).toBe('setting7Value');
  });
});
