import type { RepoRule } from './rule.js';

export const configInvalid = {
  id: 'config-invalid',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'error',
  description: 'the chart-guard configuration file has an error (unknown key, wrong type, unknown rule id)',
  check({ config }) {
    return config.problems.map((p) => ({ message: p.message, file: p.file, line: p.line }));
  },
  acceptable: false,
} satisfies RepoRule;
