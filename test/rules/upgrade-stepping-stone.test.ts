import { describe, expect, it } from 'vitest';
import { upgradeSteppingStone } from '../../src/core/rules/upgrade-stepping-stone.js';
import { changeOf, lockfile, ruleContext } from './support/contexts.js';

// karpenter's own README (test/fixtures/fleet/head/lib/aws/bootstrap/charts/karpenter/README.md)
const SENTENCE =
  'You must upgrade to v0.32.x before upgrading to v0.33.x, and migrate your Provisioners to NodePools while on v0.32.x.';
const NOTES = [{ heading: 'Upgrading to v0.33.0', text: `v0.33.0 drops the v1alpha5 APIs.\n${SENTENCE}` }];

const karpenter = (version: string) =>
  lockfile(`  - name: karpenter\n    version: ${version}\n    repo_name: bitnami\n`);
const check = (from: string, to: string, upgradeNotes = NOTES) =>
  upgradeSteppingStone.check(
    ruleContext({
      change: changeOf('karpenter', karpenter(to), karpenter(from)),
      upgradeNotes,
      headLockfile: karpenter(to),
    }),
  );

describe('upgrade-stepping-stone', () => {
  it('warns at the lockfile line when the bump skips the version the notes require, quoting them', () => {
    const findings = check('0.31.4', '0.33.0');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toEqual(
      expect.objectContaining({ file: 'helm-freeze.yaml', line: 3, before: '0.31.4', after: '0.33.0' }),
    );
    expect(finding.message).toBe(
      `karpenter 0.31.4 → 0.33.0 skips v0.32.x, which its upgrade notes ("Upgrading to v0.33.0") require first: “${SENTENCE}”`,
    );
    expect(finding.remedy).toContain('Bump karpenter to 0.32.x first (its newest 0.32.x release), deploy it');
    expect(finding.remedy).toContain('then bump to 0.33.0 in a later pull request; or split this pull request');
  });

  it('is silent when the bump goes to the required version itself, or starts on it', () => {
    expect(check('0.31.4', '0.32.0')).toEqual([]);
    expect(check('0.31.4', '0.32.5')).toEqual([]);
    expect(check('0.32.1', '0.33.0')).toEqual([]);
  });

  it('names an exact required version without a wildcard, and is silent when the bump stays below it', () => {
    const notes = [{ heading: 'To 8.0.0', text: 'Upgrading from 6.x requires an upgrade to 7.4.0 first.' }];
    const [finding] = check('6.2.0', '8.0.0', notes);
    expect(finding.message).toContain('6.2.0 → 8.0.0 skips 7.4.0');
    expect(finding.remedy).toContain('Bump karpenter to 7.4.0 first, deploy it');
    expect(check('6.2.0', '7.4.0', notes)).toEqual([]);
    expect(check('6.2.0', '7.3.0', notes)).toEqual([]);
  });

  it('is silent without a sentence requiring an intermediate version', () => {
    const notes = [{ heading: 'To 0.33.0', text: 'You must set settings.clusterName before upgrading.' }];
    expect(check('0.31.4', '0.33.0', notes)).toEqual([]);
    expect(check('0.31.4', '0.33.0', [])).toEqual([]);
  });
});
