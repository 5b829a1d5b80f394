import { afterAll, describe, expect, it } from 'vitest';
import { overrideSchemaViolation } from '../../src/core/rules/override-schema-violation.js';
import { bumpContext, CorpusCharts, overrideFile } from '../values/helpers.js';
import { ALERTMANAGER, BLACKBOX } from './support/overrides.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('override-schema-violation', () => {
  it('alertmanager 1.26: rejects a wrong type at its override line', async () => {
    const pair = await corpus.load(ALERTMANAGER);
    const file = overrideFile('values/am.yaml', 'replicaCount: 1\npersistence:\n  size: 10\n');
    const findings = overrideSchemaViolation.check(bumpContext(pair, [file]));
    expect(findings).toEqual([expect.objectContaining({ path: 'persistence.size', file: 'values/am.yaml', line: 3 })]);
    expect(findings[0].message).toContain('persistence.size must be string');
    expect(overrideSchemaViolation.severity).toBe('error');
  });

  it('does not fire for values the schema accepts, nor for a chart without a schema', async () => {
    const alertmanager = await corpus.load(ALERTMANAGER);
    const ok = overrideFile('values/am.yaml', 'persistence:\n  size: 10Gi\n  labels:\n    team: x\n');
    expect(overrideSchemaViolation.check(bumpContext(alertmanager, [ok]))).toEqual([]);
    const blackbox = await corpus.load(BLACKBOX);
    const any = overrideFile('values/bb.yaml', 'replicas: not-a-number\n');
    expect(overrideSchemaViolation.check(bumpContext(blackbox, [any]))).toEqual([]);
  });
});
