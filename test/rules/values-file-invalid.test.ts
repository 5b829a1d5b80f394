import { afterAll, describe, expect, it } from 'vitest';
import type { OverrideFile } from '../../src/core/model.js';
import { valuesFileInvalid, valuesFilePartial } from '../../src/core/rules/values-file-invalid.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { BLACKBOX } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('values-file-invalid and values-file-partial', () => {
  const broken: OverrideFile = {
    path: 'values/broken.yaml',
    values: {},
    keys: [],
    skipped: [],
    error: { file: 'values/broken.yaml', line: 3, message: 'values/broken.yaml is not valid YAML: bad indentation' },
  };
  const templated: OverrideFile = {
    path: 'values/templated.yaml',
    values: { a: 1 },
    keys: [],
    skipped: [
      { line: 2, text: '{% if prod %}' },
      { line: 4, text: '{% endif %}' },
    ],
  };

  it('reports an unparsable override file with its line', async () => {
    const pair = await corpus.load(BLACKBOX);
    expect(valuesFileInvalid.check(bumpContext(pair, [broken, templated]))).toEqual([
      expect.objectContaining({ file: 'values/broken.yaml', line: 3, message: broken.error!.message }),
    ]);
    expect(valuesFileInvalid.severity).toBe('error');
  });

  it('lists the skipped template lines of a templated file as a notice', async () => {
    const pair = await corpus.load(BLACKBOX);
    const findings = valuesFilePartial.check(bumpContext(pair, [broken, templated]));
    expect(findings).toEqual([expect.objectContaining({ file: 'values/templated.yaml', line: 2 })]);
    expect(findings[0].message).toContain('2: {% if prod %}; 4: {% endif %}');
    expect(valuesFilePartial.severity).toBe('notice');
  });

  it('says nothing about well-formed plain files', async () => {
    const pair = await corpus.load(BLACKBOX);
    const plain = overrideFile('values/plain.yaml', 'replicas: 2\n');
    const ctx = bumpContext(pair, [plain]);
    expect([...valuesFileInvalid.check(ctx), ...valuesFilePartial.check(ctx)]).toEqual([]);
  });
});
