import semver from 'semver';
import type { ChartRule } from './rule.js';

// A major bump is the chart maintainers saying "read the notes": surface them, and the team's own lockfile comment.
export const majorUpgradeNotes = {
  id: 'major-upgrade-notes',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, environment: false },
  severity: 'notice',
  description: 'the bump crosses a major version; carries the chart README upgrade notes for the crossed majors',
  check({ change, upgradeNotes: notes = [], headLockfile }) {
    const from = semver.coerce(change.base?.version);
    const to = semver.coerce(change.head?.version);
    if (change.change !== 'bumped' || !from || !to || to.major <= from.major) return [];
    const headings = notes.map((n) => `"${n.heading}"`).join(', ');
    const comment = change.head?.comment ? ` Lockfile comment: ${change.head.comment}` : '';
    return [
      {
        message:
          `${change.name} crosses major version ${from.major} → ${to.major}: ` +
          (notes.length
            ? `read the chart's upgrade notes (${headings}).`
            : 'the chart README has no upgrade notes for it; read its changelog.') +
          comment,
        file: headLockfile?.path,
        line: change.head?.versionLine,
        before: change.base?.version ?? null,
        after: change.head?.version ?? null,
      },
    ];
  },
} satisfies ChartRule;
