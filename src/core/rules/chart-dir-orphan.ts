import type { RepoRule } from './rule.js';

// A chart folder no lockfile entry names is never synced or reviewed: drift waiting to happen.
export const chartDirOrphan = {
  id: 'chart-dir-orphan',
  scope: 'repo',
  modes: ['lint'],
  needs: {},
  severity: 'warning',
  description: 'a chart folder in a destination that no lockfile entry names',
  check({ head, files }) {
    if (!files) return [];
    const named = new Set(head.charts.map((c) => c.dir));
    const destinations = new Set(head.destinations.map((d) => d.repoPath));
    const orphans = new Set<string>();
    for (const file of files) {
      if (!file.endsWith('/Chart.yaml')) continue;
      const dir = file.slice(0, -'/Chart.yaml'.length);
      const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
      if (destinations.has(parent) && !named.has(dir)) orphans.add(dir);
    }
    return [...orphans].sort().map((dir) => ({
      message: `${dir} is a chart folder in a lockfile destination, but no entry of ${head.path} names it.`,
      file: `${dir}/Chart.yaml`,
      line: 1,
      remedy: `Add an entry for it to ${head.path}, or delete the folder.`,
    }));
  },
} satisfies RepoRule;
