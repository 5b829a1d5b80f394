import type { FindingDraft, RepoRule } from './rule.js';

// A values pattern that matches no file for any chart (a typo in `values`, `--values` or a chart's `values`) drops
// every override check of those charts without a word: the charts look as if they had no overrides.
export const valuesPatternUnmatched = {
  id: 'values-pattern-unmatched',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'warning',
  description: 'a values pattern matches no file for any chart: the override checks it was meant for do not run',
  check({ unmatchedPatterns }) {
    return (unmatchedPatterns ?? []).map(
      (u): FindingDraft => ({
        message: `The values pattern "${u.pattern}" (${u.source}) matches no file for any chart: the override checks it was meant for did not run.${u.nearest.length ? ` Nearest existing paths: ${u.nearest.join(', ')}.` : ''}`,
        ...(u.file ? { file: u.file } : {}),
        path: u.source,
        after: u.pattern,
        remedy:
          'Fix the pattern (placeholders: {chart}, {dir}, {dest}, {lockdir}; globs as in picomatch) or remove it.',
      }),
    );
  },
} satisfies RepoRule;
