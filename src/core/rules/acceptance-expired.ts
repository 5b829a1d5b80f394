import type { AcceptanceEntry } from '../acceptances/acceptances.js';
import type { RepoRule } from './rule.js';

/** "override-key-removed in db, key master.persistence.size". */
export function entryText(entry: AcceptanceEntry): string {
  const on = [
    entry.chart !== undefined ? `in ${entry.chart}` : '',
    entry.key !== undefined ? `key ${entry.key}` : '',
    entry.resource !== undefined ? `resource ${entry.resource}` : '',
    entry.file !== undefined ? `file ${entry.file}` : '',
    entry.environments ? `environments ${entry.environments.join(', ')}` : '',
  ].filter(Boolean);
  return [entry.rule, ...on].join(', ').replace(', in ', ' in ');
}

export const acceptanceExpired = {
  id: 'acceptance-expired',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: { acceptances: true },
  severity: 'warning',
  description: 'an acceptance is past its expiry: it accepts nothing, so the findings it named count again',
  check({ acceptances }) {
    return (acceptances?.expired ?? []).map((entry) => ({
      message: `the acceptance of ${entryText(entry)} expired on ${entry.expires}: its findings count again`,
      file: entry.source.file,
      line: entry.source.line,
      remedy: 'Fix the findings, or review the risk again and set a new expires date.',
    }));
  },
  acceptable: false,
} satisfies RepoRule;
