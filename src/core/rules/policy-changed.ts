import type { RepoRule } from './rule.js';

export const policyChanged = {
  id: 'policy-changed',
  scope: 'repo',
  modes: ['review'],
  needs: { base: true },
  severity: 'notice',
  description:
    'the change edits the review policy (rules, failOn, free-form keys, lockfile, values patterns, Kubernetes targets, environments, chart settings, render, templates, acceptances): a narrowing edit does not apply',
  check({ policyChanges }) {
    return (policyChanges ?? []).map((change) => ({
      severity: change.weakens ? 'error' : 'notice',
      message: `${change.message}; this review applies the base branch's policy${change.weakens ? ', which this change weakens' : ''}`,
      file: change.file,
      ...(change.line !== undefined ? { line: change.line } : {}),
      ...(change.weakens
        ? {
            remedy:
              'Land the policy change in a pull request of its own, reviewed by the owners of the gate, or revert it here.',
          }
        : {}),
    }));
  },
  acceptable: false,
} satisfies RepoRule;
