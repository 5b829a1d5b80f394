import type { RepoRule } from './rule.js';

// Lockfile problems found while parsing and validating (missing fields, undeclared repos/destinations, duplicates).
export const lockfileInvalid = {
  id: 'lockfile-invalid',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description:
    'the lockfile cannot be read, or an entry lacks name/version, names an undeclared repo/destination, or duplicates another',
  check({ head }) {
    return head.problems.map((p) => ({ message: p.message, file: p.file, line: p.line }));
  },
} satisfies RepoRule;
