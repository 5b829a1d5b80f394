// The bisection of the ignored-key proof, with a fake render: which groups of keys get rendered away, and what is
// concluded. The end-to-end proof with the real helm is test/review/ignored-keys.test.ts.
import { describe, expect, it } from 'vitest';
import { searchIgnoredKeys } from '../../src/core/values/ignored-key-search.js';

/**
 * A fake chart: removing a key of `used` changes the render, and so does removing every key of any group of
 * `together` (keys that only matter jointly, like `{{ if or .a .b }}`). Records every removed set it is asked about.
 */
function fakeChart(used: string[], together: string[][] = []) {
  const tested: string[][] = [];
  const changes = (removed: readonly string[]) =>
    removed.some((k) => used.includes(k)) || together.some((group) => group.every((k) => removed.includes(k)));
  const test = async (removed: readonly string[]) => {
    tested.push([...removed]);
    return !changes(removed);
  };
  return { tested, test, changes };
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('searchIgnoredKeys', () => {
  it('proves every key ignored with one render when none matters', async () => {
    const chart = fakeChart([]);
    const result = await searchIgnoredKeys(keys(6), chart.test, () => true);
    expect(result).toEqual({ ignored: keys(6), used: [], unproven: [] });
    expect(chart.tested).toEqual([keys(6)]);
  });

  it('finds the one key that matters among eight by halving, and never reports it', async () => {
    const chart = fakeChart(['k5']);
    const result = await searchIgnoredKeys(keys(8), chart.test, () => true);
    expect(result.used).toEqual(['k5']);
    expect(result.ignored).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k6', 'k7']);
    // all; left half passes (right half then known to matter); k4+k5; k4 passes (k5 then known); k6+k7
    expect(chart.tested).toEqual([
      keys(8),
      ['k0', 'k1', 'k2', 'k3'],
      ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'],
      ['k0', 'k1', 'k2', 'k3', 'k4'],
      ['k0', 'k1', 'k2', 'k3', 'k4', 'k6', 'k7'],
    ]);
  });

  it('every test removes the keys proven so far: keys that matter only together are not all reported', async () => {
    const chart = fakeChart([], [['k1', 'k2']]);
    const result = await searchIgnoredKeys(keys(4), chart.test, () => true);
    expect(result.ignored).not.toEqual(expect.arrayContaining(['k1', 'k2']));
    expect(chart.changes(result.ignored)).toBe(false);
    expect([...result.ignored, ...result.used].sort()).toEqual(keys(4));
  });

  it('keeps its promises on random charts: the ignored set renders identical, used keys matter, nothing is lost', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const all = keys(1 + Math.floor(random() * 12));
      const used = all.filter(() => random() < 0.2);
      const together = random() < 0.3 ? [all.filter(() => random() < 0.5)].filter((g) => g.length > 1) : [];
      const chart = fakeChart(used, together);
      const result = await searchIgnoredKeys(all, chart.test, () => true);
      expect(chart.changes(result.ignored)).toBe(false);
      for (const key of used) expect(result.ignored).not.toContain(key);
      expect([...result.ignored, ...result.used].sort()).toEqual([...all].sort());
      expect(result.unproven).toEqual([]);
    }
  });

  it('stops when the budget says so and leaves the untested keys unproven', async () => {
    const chart = fakeChart(['k0']);
    let budget = 2;
    const result = await searchIgnoredKeys(keys(8), chart.test, () => budget-- > 0);
    // all (fails), k0-k3 (fails): the rest was never tested
    expect(chart.tested).toEqual([keys(8), ['k0', 'k1', 'k2', 'k3']]);
    expect(result).toEqual({ ignored: [], used: [], unproven: keys(8) });
  });
});
