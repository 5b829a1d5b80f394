import { chartConfigFor, environmentChartFor, runsIn } from '../config/config-resolve.js';
import type { LockEntry } from '../model/model.js';
import type { RepoRule } from './rule.js';

// A chart scoped out of every environment (`charts.<chart>.environments`, `environments.<env>.charts.<chart>.enabled:
// false`) is never rendered or checked: say so once, so a typo in a scope is not a silent pass. A notice: a chart
// frozen for later, or kept for clusters outside the config, is a choice. A lint names every such chart; a review
// those the change adds or bumps (the others are not its doing).
export const chartRunsNowhere = {
  id: 'chart-runs-nowhere',
  scope: 'repo',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'notice',
  description: 'a chart of the lockfile runs in no environment of the config: it is never rendered or checked',
  runbook: ['not-deployed'],
  check({ config, head, base }) {
    if (config.environments.length === 0) return [];
    const file = config.path ?? '.github/chart-guard.yaml';
    const unchanged = (entry: LockEntry) =>
      base?.charts.some((before) => before.dir === entry.dir && before.version === entry.version) ?? false;
    return head.charts
      .filter((entry) => !unchanged(entry))
      .filter((entry) => !config.environments.some((environment) => runsIn(config, entry, environment)))
      .map((entry) => {
        const scope = chartConfigFor(config, entry).environments;
        const key = [entry.dir, entry.name].find((k) => config.charts[k]?.environments) ?? entry.name;
        const off = config.environments.filter((e) => environmentChartFor(e, entry)?.enabled === false);
        const why = [
          ...(scope ? [`charts.${key}.environments ${scope.length ? `is ${scope.join(', ')}` : 'is empty'}`] : []),
          ...(off.length ? [`enabled: false in ${off.map((e) => e.name).join(', ')}`] : []),
        ].join('; ');
        const offKey = off.length ? [entry.dir, entry.name].find((k) => off[0].charts?.[k]) : undefined;
        const line = scope
          ? (config.policyLines[`charts.${key}.environments`] ?? config.charts[key]?.line)
          : (config.policyLines[`environments.${off[0].name}.charts.${offKey}.enabled`] ??
            off[0].charts?.[offKey!]?.line);
        return {
          message: `${entry.name} runs in no environment (${why}): it is never rendered or checked.`,
          file,
          ...(line !== undefined ? { line } : {}),
          remedy: `List the environments that deploy it in charts.${key}.environments, or remove its entry from ${head.path} if no cluster runs it.`,
        };
      });
  },
} satisfies RepoRule;
