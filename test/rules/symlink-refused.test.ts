import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { symlinkRefused } from '../../src/core/rules/symlink-refused.js';
import { kafka, outside, run, strict, useEngineRenders } from './support/engine-renders.js';

useEngineRenders();

describe('symlink-refused', () => {
  it('reports a link out of the chart once, even when both versions hold it', () => {
    const findings = run(symlinkRefused, strict({ base: 'strict-base', head: 'strict-ok' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'symlink-refused',
      severity: 'error',
      file: 'charts/strict/secret.txt',
      after: join(outside, 'secret.txt'),
    });
    expect(findings[0].message).toContain('an absolute path');
  });

  it('is silent for a chart without such links', () => {
    expect(run(symlinkRefused, kafka({ base: 'kafka-base-1.24', head: 'kafka-head-1.30' }))).toEqual([]);
  });
});
