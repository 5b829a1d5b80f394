import type { ChartRule } from './rule.js';

const stripV = (v: string | undefined) => v?.replace(/^v/, '');

// helm-freeze leaves no_sync entries alone: they are locally modified copies, so their Chart.yaml version may
// legitimately differ from the pin. Worth knowing (upstream fixes do not arrive by bumping), not an error.
export const chartLocallyModified: ChartRule = {
  id: 'chart-locally-modified',
  scope: 'chart',
  severity: 'notice',
  description: 'a no_sync entry (a locally modified copy) whose Chart.yaml version differs from the lockfile',
  check({ change, head, headLockfile }) {
    const entry = change.head;
    if (!entry?.noSync || !head?.metadata.version) return [];
    if (stripV(head.metadata.version) === stripV(entry.version)) return [];
    return [
      {
        message: `${entry.name} is no_sync (a locally modified copy): ${head.chartYamlPath} says version ${head.metadata.version}, the lockfile ${entry.version}.`,
        file: headLockfile?.path,
        line: entry.versionLine,
        before: entry.version,
        after: head.metadata.version,
      },
    ];
  },
};
