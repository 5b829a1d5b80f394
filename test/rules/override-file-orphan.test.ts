import { describe, expect, it } from 'vitest';
import { overrideFileOrphan } from '../../src/core/rules/override-file-orphan.js';
import { repoContext } from './support/contexts.js';

describe('override-file-orphan', () => {
  it('reports an override file no chart uses, at its first line', () => {
    expect(overrideFileOrphan.check(repoContext({ orphanOverrideFiles: ['values/old-redis.yaml'] }))).toEqual([
      expect.objectContaining({
        message: 'values/old-redis.yaml looks like an override file but no chart of helm-freeze.yaml uses it.',
        file: 'values/old-redis.yaml',
        line: 1,
      }),
    ]);
  });

  it('is silent without orphans', () => {
    expect(overrideFileOrphan.check(repoContext({ orphanOverrideFiles: [] }))).toEqual([]);
    expect(overrideFileOrphan.check(repoContext())).toEqual([]);
  });
});
