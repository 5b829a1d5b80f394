import { formatKeyPath, hasAt } from '../values/key-path.js';
import type { ChartRule } from './rule.js';

// Values injected by a deployment tool (--set from code) must be declared in the chart's defaults or the team's
// override file, so a reader of the repository sees every key that reaches the chart.
export const codeSetKeyUndeclared = {
  id: 'code-set-key-undeclared',
  scope: 'chart',
  modes: ['lint'],
  needs: {},
  severity: 'warning',
  description: "a key the config says is set from code is in neither the chart's defaults nor its override files",
  check({ codeSet, head, overrides }) {
    if (!head) return [];
    return codeSet
      .filter((key) => !hasAt(head.defaults, key.path) && !overrides.some((o) => hasAt(o.values, key.path)))
      .map((key) => ({
        message: `${formatKeyPath(key.path)} is set from code but declared in neither the chart's values.yaml nor its override files.`,
        file: key.file,
        line: key.line,
        path: formatKeyPath(key.path),
        remedy: `Declare it with a placeholder value in the chart's override file (e.g. ${formatKeyPath(key.path)}: "") so the repository shows every key that reaches the chart.`,
      }));
  },
} satisfies ChartRule;
