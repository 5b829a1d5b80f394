// override-schema-violation checks only what a repository sets: with no override or code-set value the merged
// values are the chart's defaults, and the schema is not even compiled (a review's costliest step after helm).
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedChart, OverrideFile } from '../../src/core/model/model.js';
import { overrideSchemaViolation } from '../../src/core/rules/override-schema-violation.js';
import { bumpContext, CorpusCharts, overrideFile } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());
const ALERTMANAGER = 'alertmanager-1.25.0-to-1.26.0';
const broken = { properties: { a: { $ref: '#/definitions/missing' } } };

describe('override-schema-violation scope', () => {
  it('says nothing for a chart nobody overrides, even when its schema cannot be compiled', async () => {
    const pair = await corpus.load(ALERTMANAGER);
    const head: LoadedChart = { ...pair.head, schema: broken };
    expect(overrideSchemaViolation.check(bumpContext({ ...pair, head }, []))).toEqual([]);
    const empty: OverrideFile = { path: 'values/am.yaml', values: {}, keys: [], skipped: [] };
    expect(overrideSchemaViolation.check(bumpContext({ ...pair, head }, [empty]))).toEqual([]);
  });

  it('notes an uncompilable schema once a value is overridden', async () => {
    const pair = await corpus.load(ALERTMANAGER);
    const head: LoadedChart = { ...pair.head, schema: broken };
    const file = overrideFile('values/am.yaml', 'a: 1\n');
    const findings = overrideSchemaViolation.check(bumpContext({ ...pair, head }, [file]));
    expect(findings).toEqual([expect.objectContaining({ severity: 'notice' })]);
    expect(findings[0].message).toContain('cannot be compiled');
  });

  it('checks the defaults against the schema when only a code-set key is given', async () => {
    const pair = await corpus.load(ALERTMANAGER);
    const key = {
      path: ['persistence', 'size'],
      value: 10,
      file: '.github/chart-guard.yaml',
      line: 3,
      source: 'config' as const,
    };
    const findings = overrideSchemaViolation.check(bumpContext(pair, [], [key]));
    expect(findings).toEqual([expect.objectContaining({ path: 'persistence.size' })]);
  });
});
