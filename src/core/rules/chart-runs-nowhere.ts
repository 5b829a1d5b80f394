import { chartConfigFor, environmentChartFor, runsIn } from '../config/config-resolve.js';
import type { RepoRule } from './rule.js';

// A chart scoped out of every environment (`charts.<chart>.environments`, `environments.<env>.charts.<chart>.enabled:
// false`) is never rendered or checked: say so once, so a typo in a scope is not a silent pass. A notice: a chart
// frozen for later, or kept for clusters outside the config, is a choice.
export const chartRunsNowhere = {
  id: 'chart-runs-nowhere',
  scope: 'repo',
  modes: ['lint'],
  needs: {},
  severity: 'notice',
  description: 'a chart of the lockfile runs in no environment of the config: it is never rendered or checked',
  check({ config, head }) {
    if (config.environments.length === 0) return [];
    const file = config.path ?? '.github/chart-guard.yaml';
    return head.charts
      .filter((entry) => !config.environments.some((environment) => runsIn(config, entry, environment)))
      .map((entry) => {
        const chart = chartConfigFor(config, entry);
        const off = config.environments.filter((e) => environmentChartFor(e, entry)?.enabled === false);
        const why = [
          ...(chart.environments ? [`its environments are ${chart.environments.join(', ') || 'none'}`] : []),
          ...(off.length ? [`${off.map((e) => e.name).join(', ')} switch it off (enabled: false)`] : []),
        ].join(', and ');
        const line = chart.environments ? chartLine(config.charts, entry) : environmentChartFor(off[0], entry)?.line;
        return {
          message: `${entry.name} runs in no environment of the config (${why}): it is never rendered or checked.`,
          file,
          ...(line !== undefined ? { line } : {}),
          remedy: `List the environments that deploy it in charts.${entry.name}.environments, or remove its entry from ${head.path} if no cluster runs it.`,
        };
      });
  },
} satisfies RepoRule;

function chartLine(
  charts: Record<string, { line?: number; environments?: string[] }>,
  entry: { name: string; dir: string },
) {
  const key = [entry.dir, entry.name].find((k) => Object.hasOwn(charts, k) && charts[k].environments);
  return key === undefined ? undefined : charts[key].line;
}
