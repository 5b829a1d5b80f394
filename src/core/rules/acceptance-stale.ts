import { entryText } from './acceptance-expired.js';
import type { RepoRule } from './rule.js';

export const acceptanceStale: RepoRule = {
  id: 'acceptance-stale',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: { acceptances: true },
  severity: 'notice',
  description: 'an acceptance matches no finding: the problem it accepted is gone or renamed',
  check({ acceptances }) {
    return (acceptances?.stale ?? []).map((entry) => ({
      message: `the acceptance of ${entryText(entry)} matches no finding of this run`,
      file: entry.source.file,
      line: entry.source.line,
      remedy: 'Remove the entry if the problem is fixed, or correct its selectors so it names the finding.',
    }));
  },
};
