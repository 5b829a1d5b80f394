import type { ChartRule } from './rule.js';

export const chartDirMissing = {
  id: 'chart-dir-missing',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { environment: false },
  severity: 'error',
  description: 'the lockfile names a chart whose folder is not in the repository',
  check({ change, head, headLockfile }) {
    const entry = change.head;
    if (!entry || head) return [];
    return [
      {
        message: `The lockfile pins ${entry.name} ${entry.version} in ${entry.dir}, but that folder has no Chart.yaml.`,
        file: headLockfile?.path,
        line: entry.line,
        remedy: `Run helm-freeze sync and commit ${entry.dir}, or fix dest/dest_folder_override.`,
      },
    ];
  },
} satisfies ChartRule;
