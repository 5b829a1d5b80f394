import { afterAll, describe, expect, it } from 'vitest';
import { valuesFileInvalid, valuesFilePartial } from '../../src/core/rules/values-file-invalid.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { BLACKBOX, broken, templated } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('values-file-invalid and values-file-partial', () => {
  it('reports an unparsable override file with its line', async () => {
    const pair = await corpus.load(BLACKBOX);
    expect(valuesFileInvalid.check(bumpContext(pair, [broken, templated]))).toEqual([
      expect.objectContaining({ file: 'values/broken.yaml', line: 3, message: broken.error!.message }),
    ]);
    expect(valuesFileInvalid.severity).toBe('error');
  });

  it('says nothing about well-formed plain files', async () => {
    const pair = await corpus.load(BLACKBOX);
    const plain = overrideFile('values/plain.yaml', 'replicas: 2\n');
    const ctx = bumpContext(pair, [plain]);
    expect([...valuesFileInvalid.check(ctx), ...valuesFilePartial.check(ctx)]).toEqual([]);
  });
});
