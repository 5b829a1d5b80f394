import { describe, expect, it } from 'vitest';
import { majorUpgradeNotes } from '../../src/core/rules/major-upgrade-notes.js';
import { changeOf, lockfile, ruleContext } from './support/contexts.js';

const base = lockfile('  - name: redis\n    version: 17.3.0\n    repo_name: bitnami\n');
const head = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');

describe('major-upgrade-notes', () => {
  it("carries the README's upgrade notes for a major bump, at the version line", () => {
    const upgradeNotes = [{ heading: 'To 18.0.0', text: 'Redis 7.2.' }];
    const ctx = ruleContext({ change: changeOf('redis', head, base), upgradeNotes, headLockfile: head });
    const [finding] = majorUpgradeNotes.check(ctx);
    expect(finding).toEqual(expect.objectContaining({ file: 'helm-freeze.yaml', line: 3, before: '17.3.0' }));
    expect(finding.message).toContain('crosses major version 17 → 18: read the chart\'s upgrade notes ("To 18.0.0")');
  });

  it('says when the README has no notes, and is silent for a minor bump', () => {
    const [finding] = majorUpgradeNotes.check(ruleContext({ change: changeOf('redis', head, base) }));
    expect(finding.message).toContain('the chart README has no upgrade notes for it');
    const minor = lockfile('  - name: redis\n    version: 17.4.0\n    repo_name: bitnami\n');
    expect(majorUpgradeNotes.check(ruleContext({ change: changeOf('redis', minor, base) }))).toEqual([]);
  });
});
