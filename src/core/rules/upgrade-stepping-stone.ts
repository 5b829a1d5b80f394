import { steppingStones } from './analysis/stepping-stones.js';
import type { ChartRule } from './rule.js';

// The chart's upgrade notes require an intermediate version ("You must upgrade to v0.32.x before upgrading to
// v0.33.x") and the bump jumps over it: the runbook (--format plan) stops there, and the PR comment must say so too.
// A warning, not an error: the notes are prose read by a heuristic (analysis/stepping-stones.ts), and a misread
// sentence must not block a merge; the finding quotes the sentence so the reader judges it.
export const upgradeSteppingStone = {
  id: 'upgrade-stepping-stone',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, environment: false },
  severity: 'warning',
  description: "the bump skips an intermediate version the chart's upgrade notes require first",
  check({ change, upgradeNotes: notes = [], headLockfile }) {
    const from = change.base?.version;
    const to = change.head?.version;
    if (change.change !== 'bumped' || !from || !to) return [];
    // one finding per chart (its identity is the chart's lockfile line): the oldest stone first, the others named
    const [first, ...later] = steppingStones(notes, from, to);
    if (!first) return [];
    const stone = first.version.replace(/^v/i, '');
    const newest = /x$/i.test(stone) ? ` (its newest ${stone} release)` : '';
    const then = later.length ? `, then ${later.map((s) => s.version).join(', ')}` : '';
    return [
      {
        message:
          `${change.name} ${from} → ${to} skips ${first.version}, which its upgrade notes ("${first.heading}") ` +
          `require first: “${first.sentence}”`,
        file: headLockfile?.path,
        line: change.head?.versionLine,
        before: from,
        after: to,
        remedy:
          `Bump ${change.name} to ${stone} first${newest}${then}, deploy it everywhere the chart ` +
          `runs, then bump to ${to} in a later pull request; or split this pull request so that ${change.name} ` +
          'goes through each version on its own. The runbook (--format plan) stops at this step.',
      },
    ];
  },
} satisfies ChartRule;
