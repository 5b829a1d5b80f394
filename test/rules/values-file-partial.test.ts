import { afterAll, describe, expect, it } from 'vitest';
import { valuesFilePartial } from '../../src/core/rules/values-file-invalid.js';
import { bumpContext, CorpusCharts } from '../values/helpers.js';
import { BLACKBOX, broken, templated } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('values-file-partial', () => {
  it('lists the skipped template lines of a templated file as a notice', async () => {
    const pair = await corpus.load(BLACKBOX);
    const findings = valuesFilePartial.check(bumpContext(pair, [broken, templated]));
    expect(findings).toEqual([expect.objectContaining({ file: 'values/templated.yaml', line: 2 })]);
    expect(findings[0].message).toContain('2: {% if prod %}; 4: {% endif %}');
    expect(valuesFilePartial.severity).toBe('notice');
  });
});
