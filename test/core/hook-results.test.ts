// A rule's mergeShards/combineHalves result goes back where the rule's findings stood (rules/hook-results.ts).
import { describe, expect, it } from 'vitest';
import type { Finding, RuleId } from '../../src/core/report/report.js';
import { hookResults, withHookResults } from '../../src/core/rules/hook-results.js';

const finding = (rule: RuleId, message: string): Finding => ({ rule, severity: 'notice', message });
const messages = (findings: readonly Finding[]) => findings.map((f) => f.message);

describe('withHookResults', () => {
  const lockfile = finding('lockfile-invalid', 'lock');
  const skipped1 = finding('render-skipped', 'skip 1');
  const stale = finding('acceptance-stale', 'stale');
  const skipped2 = finding('render-skipped', 'skip 2');
  const list = [skipped1, lockfile, stale, skipped2];

  it('keeps a finding the hook kept in its place and drops the ones it left out', () => {
    expect(messages(withHookResults(list, new Map([['render-skipped', [skipped2]]])))).toEqual([
      'lock',
      'stale',
      'skip 2',
    ]);
  });

  it("puts a finding the hook made in the place of the rule's first finding", () => {
    const again = finding('render-skipped', 'skip, every shard');
    expect(messages(withHookResults(list, new Map([['render-skipped', [again]]])))).toEqual([
      'skip, every shard',
      'lock',
      'stale',
    ]);
  });

  it('adds a made finding last when the list had none of its rule, and leaves rules without a result alone', () => {
    const expired = finding('acceptance-expired', 'expired');
    expect(messages(withHookResults(list, new Map([['acceptance-expired', [expired]]])))).toEqual([
      ...messages(list),
      'expired',
    ]);
  });
});

describe('hookResults', () => {
  it('asks each rule once, and leaves out the rules whose hook gives nothing', () => {
    const asked: RuleId[] = [];
    const results = hookResults(
      ['render-skipped', 'lockfile-invalid', 'render-skipped'],
      () => [],
      (hooks, _own, id) => {
        asked.push(id);
        return hooks.runCondition ? [] : undefined;
      },
    );
    expect(asked).toEqual(['render-skipped', 'lockfile-invalid']);
    expect([...results.keys()]).toEqual(['render-skipped']);
  });
});
