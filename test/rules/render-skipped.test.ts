import { describe, expect, it } from 'vitest';
import { renderSkipped } from '../../src/core/rules/render-skipped.js';
import { run, strict, useEngineRenders } from './support/engine-renders.js';

useEngineRenders();

describe('render-skipped', () => {
  it('warns that the render-based checks did not run, and why', () => {
    const findings = run(renderSkipped, strict({ head: 'strict-skipped' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'render-skipped', severity: 'warning' });
    expect(findings[0].message).toContain('rendering is disabled');
  });

  it('is silent when the renders ran, even when one failed', () => {
    expect(run(renderSkipped, strict({ base: 'strict-base', head: 'strict-broken' }))).toEqual([]);
  });
});
