import type { ChartRule, FindingDraft } from './rule.js';

const stripV = (v: string | undefined) => v?.replace(/^v/, '');

// helm-freeze leaves no_sync entries alone: they are locally modified copies, so their Chart.yaml version may
// legitimately differ from the pin (a notice: upstream fixes do not arrive by bumping). A folder edited by hand
// WITHOUT no_sync is a warning: the next `helm-freeze sync` silently overwrites the edit.
export const chartLocallyModified = {
  id: 'chart-locally-modified',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { environment: false },
  severity: 'notice',
  description:
    'a vendored chart folder differs from what the lockfile pins: a no_sync copy, or a hand edit sync will undo',
  check({ change, head, headLockfile }) {
    const entry = change.head;
    if (!entry || !head) return [];
    const findings: FindingDraft[] = [];
    if (entry.noSync && head.metadata.version && stripV(head.metadata.version) !== stripV(entry.version)) {
      findings.push({
        message: `${entry.name} is no_sync (a locally modified copy): ${head.chartYamlPath} says version ${head.metadata.version}, the lockfile ${entry.version}.`,
        file: headLockfile?.path,
        line: entry.versionLine,
        before: entry.version,
        after: head.metadata.version,
      });
    }
    if (change.change === 'modified' && !entry.noSync) {
      findings.push({
        severity: 'warning',
        message: `Files in ${entry.dir} changed but ${entry.name} is still pinned at ${entry.version}: the next helm-freeze sync overwrites this edit.`,
        file: headLockfile?.path,
        line: entry.line,
        remedy: `Set no_sync: true on the ${entry.name} entry to keep a locally modified copy, or make the change upstream (or in override values) and re-sync.`,
      });
    }
    return findings;
  },
} satisfies ChartRule;
