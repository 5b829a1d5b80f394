import { afterAll, describe, expect, it } from 'vitest';
import { overrideKeyRemoved } from '../../src/core/rules/override-key-removed.js';
import { overrideTypeChanged } from '../../src/core/rules/override-type-changed.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { BLACKBOX } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('override-type-changed', () => {
  it('blackbox 9 -> 10: a map-style extraEnv gets one warning with the before/after types', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnv:\n  HTTP_PROXY: http://proxy\n  NO_PROXY: localhost\n');
    const findings = overrideTypeChanged.check(bumpContext(pair, [file]));
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'extraEnv',
        file: 'values/blackbox.yaml',
        line: 2,
        before: 'map',
        after: 'list',
      }),
    ]);
    expect(findings[0].message).toBe(
      '`extraEnv` is set as a map, but prometheus-blackbox-exporter 10.0.0 changed its default from a map to a list.',
    );
  });

  it('does not fire for a list-style extraEnv', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnv:\n  - name: HTTP_PROXY\n    value: http://proxy\n');
    expect(overrideTypeChanged.check(bumpContext(pair, [file]))).toEqual([]);
  });

  it('blackbox 9 -> 10: extraEnvFromSecret is reported as removed with its successor, not as a type change', async () => {
    const pair = await corpus.load(BLACKBOX);
    const file = overrideFile('values/blackbox.yaml', 'extraEnvFromSecret:\n  - my-secret\n');
    const ctx = bumpContext(pair, [file]);
    expect(overrideTypeChanged.check(ctx)).toEqual([]);
    const [removed] = overrideKeyRemoved.check(ctx);
    expect(removed.message).toContain('Did you mean `extraEnvFrom`?');
  });
});
