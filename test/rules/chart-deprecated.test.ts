import { describe, expect, it } from 'vitest';
import { chartDeprecated } from '../../src/core/rules/chart-deprecated.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const head = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');
const base = lockfile('  - name: redis\n    version: 17.0.0\n    repo_name: bitnami\n');
const context = (deprecated: { base?: boolean; head?: boolean }) =>
  ruleContext({
    change: changeOf('redis', head, base),
    base: loadedChart('charts/redis', { name: 'redis', version: '17.0.0', deprecated: deprecated.base }),
    head: loadedChart('charts/redis', { name: 'redis', version: '18.0.0', deprecated: deprecated.head }),
  });

describe('chart-deprecated', () => {
  it('warns when the new Chart.yaml says deprecated: true, at that Chart.yaml', () => {
    expect(chartDeprecated.check(context({ head: true }))).toEqual([
      expect.objectContaining({
        message: 'redis 18.0.0 is marked deprecated in its Chart.yaml.',
        file: 'charts/redis/Chart.yaml',
      }),
    ]);
  });

  it('says when the old version already was deprecated', () => {
    const [finding] = chartDeprecated.check(context({ base: true, head: true }));
    expect(finding.message).toContain('(it already was before this change)');
  });

  it('is silent when only the old version was deprecated', () => {
    expect(chartDeprecated.check(context({ base: true }))).toEqual([]);
  });
});
