import { entryText } from './acceptance-expired.js';
import type { RepoRule } from './rule.js';

export const acceptanceStale = {
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
  acceptable: false,
  // A part of the run (a shard, the review or the lint half) saw only its own charts: an acceptance is stale only
  // when no part has a finding it accepts.
  mergeShards(own, run) {
    const accepting = new Set(
      [...run.findings, ...run.charts.flatMap((chart) => chart.findings)].flatMap((finding) =>
        [finding.accepted, finding.awaitingApproval].flatMap((entry) => (entry ? [`${entry.file}:${entry.line}`] : [])),
      ),
    );
    return own.filter((finding) => !accepting.has(`${finding.file}:${finding.line}`));
  },
  combineHalves(review, lint, key) {
    const staleInLint = new Set(lint.map(key));
    return review.filter((finding) => staleInLint.has(key(finding)));
  },
} satisfies RepoRule;
