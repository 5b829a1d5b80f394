import { describe, expect, it } from 'vitest';
import { policyChanged } from '../../src/core/rules/policy-changed.js';
import { repoContext } from './support/contexts.js';

const change = (weakens: boolean) => ({
  setting: 'rules.override-key-removed',
  message: 'rules.override-key-removed changes from error to notice',
  weakens,
  file: '.github/chart-guard.yaml',
  line: 4,
});

describe('policy-changed', () => {
  it('is an error with a remedy when the change weakens the policy', () => {
    const [finding] = policyChanged.check(repoContext({ policyChanges: [change(true)] }));
    expect(finding).toEqual(expect.objectContaining({ severity: 'error', file: '.github/chart-guard.yaml', line: 4 }));
    expect(finding.message).toContain("this review applies the base branch's policy, which this change weakens");
    expect(finding.remedy).toBeDefined();
  });

  it('is a notice without a remedy when it does not weaken it', () => {
    const [finding] = policyChanged.check(repoContext({ policyChanges: [change(false)] }));
    expect(finding.severity).toBe('notice');
    expect(finding.remedy).toBeUndefined();
  });

  it('is silent without policy changes', () => {
    expect(policyChanged.check(repoContext())).toEqual([]);
  });
});
