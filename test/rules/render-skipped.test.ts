import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/config.js';
import { rulesFor } from '../../src/core/rules/index.js';
import { renderSkipped, renderSkippedOf } from '../../src/core/rules/render-skipped.js';
import type { ChartContext } from '../../src/core/rules/rule.js';
import { runRepoRules } from '../../src/core/rules/run.js';
import { strict, useEngineRenders } from './support/engine-renders.js';

useEngineRenders();

describe('render-skipped', () => {
  const runOnce = (...contexts: ChartContext[]) =>
    runRepoRules([renderSkipped], {
      config: defaultConfig(),
      head: { path: 'helm-freeze.yaml', charts: [], repos: [], destinations: [], problems: [] },
      renderSkipped: renderSkippedOf(contexts),
    }).findings;

  it('warns once for the run that the render-based checks did not run, naming the charts and why', () => {
    const skipped = strict({ head: 'strict-skipped' });
    const other = { ...skipped, change: { ...skipped.change, name: 'other' } };
    const findings = runOnce(skipped, other);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'render-skipped', severity: 'warning' });
    expect(findings[0].message).toContain('rendering is disabled');
    expect(findings[0].message).toContain('2 charts (strict, other)');
  });

  it("names the checks that did not run: the run's chart rules that read renders, and the render proof", () => {
    const skipped = strict({ head: 'strict-skipped' });
    const [finding] = runRepoRules([renderSkipped], {
      config: defaultConfig(),
      head: { path: 'helm-freeze.yaml', charts: [], repos: [], destinations: [], problems: [] },
      renderSkipped: renderSkippedOf([skipped], rulesFor('lint').chart),
    }).findings;
    expect(finding.message).toContain('`render-failed`');
    expect(finding.message).toContain('`api-removed`');
    expect(finding.message).not.toContain('`immutable-field-changed`'); // a review-only rule: a lint never runs it
    expect(finding.message).not.toContain('`override-key-unknown`'); // reads no render: it ran
    expect(finding.message).toContain('the render proof of override keys');
  });

  it('is silent when the renders ran, even when one failed', () => {
    expect(runOnce(strict({ base: 'strict-base', head: 'strict-broken' }))).toEqual([]);
  });
});
