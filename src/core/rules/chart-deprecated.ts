import type { ChartRule } from './rule.js';

// Chart.yaml `deprecated: true` means the maintainers stopped publishing it: no more fixes, find the successor.
export const chartDeprecated = {
  id: 'chart-deprecated',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { environment: false },
  severity: 'warning',
  description: 'the new Chart.yaml is marked deprecated',
  check({ head, base, change }) {
    if (!head?.metadata.deprecated) return [];
    const already = base?.metadata.deprecated ? ' (it already was before this change)' : '';
    return [
      {
        message: `${change.name} ${head.metadata.version ?? ''} is marked deprecated in its Chart.yaml${already}.`,
        file: head.chartYamlPath,
        remedy:
          'Plan a move to the chart that replaces it (see its README or Artifact Hub page); deprecated charts get no fixes.',
      },
    ];
  },
} satisfies ChartRule;
