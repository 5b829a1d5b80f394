import { describe, expect, it } from 'vitest';
import { chartDirMissing } from '../../src/core/rules/chart-dir-missing.js';
import { changeOf, loadedChart, lockfile, ruleContext } from './support/contexts.js';

const headLockfile = lockfile('  - name: redis\n    version: 18.0.0\n    repo_name: bitnami\n');

describe('chart-dir-missing', () => {
  it('reports a pinned chart whose folder has no Chart.yaml, at its lockfile entry', () => {
    const ctx = ruleContext({ change: changeOf('redis', headLockfile), headLockfile });
    expect(chartDirMissing.check(ctx)).toEqual([
      expect.objectContaining({
        message: 'The lockfile pins redis 18.0.0 in charts/redis, but that folder has no Chart.yaml.',
        file: 'helm-freeze.yaml',
        line: 2,
      }),
    ]);
  });

  it('is silent when the folder loaded', () => {
    const head = loadedChart('charts/redis', { name: 'redis', version: '18.0.0' });
    expect(chartDirMissing.check(ruleContext({ change: changeOf('redis', headLockfile), head, headLockfile }))).toEqual(
      [],
    );
  });
});
