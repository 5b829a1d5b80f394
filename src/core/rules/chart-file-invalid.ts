import type { ChartRule, FindingDraft } from './rule.js';

// A broken Chart.yaml, values.yaml, values.schema.json or subchart archive makes every other check unreliable
// (and helm itself fails on most of them): report each with its file and line.
export const chartFileInvalid = {
  id: 'chart-file-invalid',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { environment: false },
  severity: 'error',
  description: 'a file of the chart itself (Chart.yaml, values.yaml, values.schema.json, a subchart) cannot be read',
  // Only the new version counts: its files are what will be deployed.
  check({ head }) {
    return (head?.problems ?? []).map((p): FindingDraft => ({ message: p.message, file: p.file, line: p.line }));
  },
} satisfies ChartRule;
