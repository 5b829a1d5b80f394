import { describe, expect, it } from 'vitest';
import { chartDirOrphan } from '../../src/core/rules/chart-dir-orphan.js';
import { repoContext } from './support/contexts.js';

describe('chart-dir-orphan', () => {
  it('reports a chart folder in a destination that no lockfile entry names', () => {
    const files = ['charts/redis/Chart.yaml', 'charts/old-redis/Chart.yaml', 'charts/redis/charts/common/Chart.yaml'];
    expect(chartDirOrphan.check(repoContext({ files }))).toEqual([
      expect.objectContaining({
        message:
          'charts/old-redis is a chart folder in a lockfile destination, but no entry of helm-freeze.yaml names it.',
        file: 'charts/old-redis/Chart.yaml',
        line: 1,
      }),
    ]);
  });

  it('ignores folders outside the destinations, and runs only when the file list is known (lint)', () => {
    expect(chartDirOrphan.check(repoContext({ files: ['vendor/tool/Chart.yaml'] }))).toEqual([]);
    expect(chartDirOrphan.check(repoContext())).toEqual([]);
  });
});
