import type { ChartRule, FindingDraft } from './rule.js';

const stripV = (v: string | undefined) => v?.replace(/^v/, '');
const GIT_SHA = /^[0-9a-f]{7,40}$/i;

// The folder must hold what the lockfile pins, or the review compares the wrong charts (a forgotten re-sync).
export const chartVersionMismatch = {
  id: 'chart-version-mismatch',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { environment: false },
  severity: 'error',
  description: "the folder's Chart.yaml version (or name) differs from the lockfile entry",
  check({ change, head, headLockfile }) {
    const entry = change.head;
    if (!entry || !head) return [];
    const findings: FindingDraft[] = [];
    const where = { file: headLockfile?.path, line: entry.versionLine };
    const actual = head.metadata.version;
    const gitChart = entry.chartPath !== undefined && GIT_SHA.test(entry.version);
    if (!gitChart && actual !== undefined && stripV(actual) !== stripV(entry.version)) {
      // no_sync entries are reported by chart-locally-modified instead.
      if (!entry.noSync) {
        findings.push({
          ...where,
          message: `${head.chartYamlPath} says version ${actual} but the lockfile pins ${entry.version}: the folder was not re-synced.`,
          before: entry.version,
          after: actual,
          remedy: `Re-sync the chart folder (helm-freeze sync) so ${head.dir} holds ${entry.name} ${entry.version}, or fix the version in the lockfile.`,
        });
      }
    }
    if (head.metadata.name !== undefined && head.metadata.name !== entry.name && !entry.noSync) {
      findings.push({
        ...where,
        line: entry.line,
        message: `${head.chartYamlPath} names the chart "${head.metadata.name}" but the lockfile entry is "${entry.name}".`,
        remedy: 'Point the entry at the right chart, or use dest_folder_override to choose a folder name.',
      });
    }
    return findings;
  },
} satisfies ChartRule;
