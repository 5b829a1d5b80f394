import { describe, expect, it } from 'vitest';
import { valuesPatternUnmatched } from '../../src/core/rules/values-pattern-unmatched.js';
import { repoContext } from './support/contexts.js';

describe('values-pattern-unmatched', () => {
  it('warns about a pattern no chart matches, with the nearest existing paths', () => {
    const unmatchedPatterns = [
      {
        pattern: 'valeus/{chart}.yaml',
        source: 'values',
        file: '.github/chart-guard.yaml',
        nearest: ['values/redis.yaml'],
      },
    ];
    const [finding] = valuesPatternUnmatched.check(repoContext({ unmatchedPatterns }));
    expect(finding).toEqual(
      expect.objectContaining({ file: '.github/chart-guard.yaml', path: 'values', after: 'valeus/{chart}.yaml' }),
    );
    expect(finding.message).toContain('Nearest existing paths: values/redis.yaml.');
  });

  it('names no file for a pattern given on the command line, and is silent when every pattern matched', () => {
    const [finding] = valuesPatternUnmatched.check(
      repoContext({ unmatchedPatterns: [{ pattern: 'x/{chart}.yaml', source: '--values', nearest: [] }] }),
    );
    expect(finding.file).toBeUndefined();
    expect(valuesPatternUnmatched.check(repoContext({ unmatchedPatterns: [] }))).toEqual([]);
  });
});
