import { describe, expect, it } from 'vitest';
import { chartVersionMismatch } from '../../src/core/rules/chart-version-mismatch.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const headLockfile = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const context = (metadata: { name: string; version: string }) =>
  ruleContext({ change: changeOf('redis', headLockfile), head: loadedChart('charts/redis', metadata), headLockfile });

describe('chart-version-mismatch', () => {
  it('reports a folder that was not re-synced, at the version line', () => {
    expect(chartVersionMismatch.check(context({ name: 'redis', version: '17.0.0' }))).toEqual([
      expect.objectContaining({ file: 'helm-freeze.yaml', line: 3, before: '18.0.0', after: '17.0.0' }),
    ]);
  });

  it('reports a folder holding another chart, at the entry', () => {
    const [finding] = chartVersionMismatch.check(context({ name: 'valkey', version: '18.0.0' }));
    expect(finding.line).toBe(2);
    expect(finding.message).toContain('names the chart "valkey" but the lockfile entry is "redis"');
  });

  it('accepts a v-prefixed version equal to the pin', () => {
    expect(chartVersionMismatch.check(context({ name: 'redis', version: 'v18.0.0' }))).toEqual([]);
  });
});
