import { describe, expect, it } from 'vitest';
import { chartLocallyModified } from '../../src/core/rules/chart-locally-modified.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const noSync = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n    no_sync: true\n');
const synced = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const head = (version: string) => loadedChart('charts/redis', { name: 'redis', version });

describe('chart-locally-modified', () => {
  it('notes a no_sync copy whose Chart.yaml version differs from the pin, at the version line', () => {
    const ctx = ruleContext({ change: changeOf('redis', noSync), head: head('18.0.0-local'), headLockfile: noSync });
    expect(chartLocallyModified.check(ctx)).toEqual([
      expect.objectContaining({ file: 'helm-freeze.yaml', line: 3, before: '18.0.0', after: '18.0.0-local' }),
    ]);
  });

  it('warns that sync overwrites a hand edit of a folder without no_sync', () => {
    const ctx = ruleContext({
      change: changeOf('redis', synced, synced, 'modified'),
      head: head('18.0.0'),
      headLockfile: synced,
    });
    const [finding] = chartLocallyModified.check(ctx);
    expect(finding).toEqual(expect.objectContaining({ severity: 'warning', file: 'helm-freeze.yaml', line: 2 }));
    expect(finding.message).toContain('the next helm-freeze sync overwrites this edit');
  });

  it('is silent for a synced folder that matches its pin', () => {
    const ctx = ruleContext({ change: changeOf('redis', synced), head: head('18.0.0'), headLockfile: synced });
    expect(chartLocallyModified.check(ctx)).toEqual([]);
  });
});
