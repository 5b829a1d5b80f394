import type { RepoRule } from './rule.js';

export const policyChanged: RepoRule = {
  id: 'policy-changed',
  scope: 'repo',
  severity: 'notice',
  description:
    'the change edits the review policy (rule severities, failOn, free-form keys, render switches, acceptances): the base branch policy still applies',
  check({ policyChanges }) {
    return (policyChanges ?? []).map((change) => ({
      severity: change.weakens ? 'error' : 'notice',
      message: `${change.message}; this review applies the base branch's policy${change.weakens ? ': a change that weakens the policy must land on its own, reviewed by the policy owners' : ''}`,
      file: change.file,
      ...(change.line !== undefined ? { line: change.line } : {}),
    }));
  },
};
