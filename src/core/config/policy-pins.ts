// A chart's release name, namespace and templates are pinned to the base's: another release renders other objects,
// another context other override keys, so a head that changes them gets a policy-changed error and the base's setting.

import type { ChartConfig, Config, LockEntry, TemplateSettings } from '../model/model.js';
import { chartConfigFor } from './config.js';
import { chartOf } from './policy.js';
import type { PolicyChange } from './policy-changes.js';

type PinnedSetting = 'releaseName' | 'namespace' | 'templates';

/**
 * Per lockfile entry of the head: the release name, namespace and templates of its `charts:` settings as the base
 * resolves them, wherever the head's differ (under the same key, or another: a folder key wins over a name key).
 * `applied` (the config the review applies) is pinned to the base's, in place: its folder key for the entry. Each
 * is a policy-changed error: another release renders other objects, another context other override keys.
 */
export function pinChartSettings(
  applied: Config,
  base: Config,
  head: Config,
  entries: readonly LockEntry[],
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const baseTemplates = base.templates !== undefined || base.environments.some((e) => e.templates !== undefined);
  for (const entry of entries) {
    const before = chartConfigFor(base, entry);
    for (const setting of ['releaseName', 'namespace', 'templates'] as const) {
      const was = before[setting];
      // a setting only the head has applies, unless it replaces the base's templates from above the chart
      if (was === undefined && (setting !== 'templates' || !baseTemplates)) continue;
      const differs = (config: Config) =>
        settingText(setting, chartConfigFor(config, entry)[setting]) !== settingText(setting, was);
      if (differs(applied)) pin(applied, entry, setting, was);
      if (!differs(head)) continue;
      const is = chartConfigFor(head, entry)[setting];
      const key = [entry.dir, entry.name].find((k) => chartOf(head, k)?.[setting] !== undefined) ?? entry.name;
      const at = `charts.${key}.${setting}`;
      const line = head.policyLines[at] ?? chartOf(head, key)?.line;
      const shown = (value: typeof was) => settingText(setting, value) ?? (setting === 'templates' ? 'none' : 'unset');
      changes.push({
        setting: at,
        // templates the base leaves to the top level are the top level's
        message: `${at} changes from ${shown(was ?? (setting === 'templates' ? base.templates : undefined))} to ${shown(is)}`,
        weakens: true,
        file: head.path ?? base.path ?? '.github/chart-guard.yaml',
        ...(line !== undefined ? { line } : {}),
      });
    }
  }
  return changes;
}

function settingText(setting: PinnedSetting, value: string | TemplateSettings | undefined): string | undefined {
  if (value === undefined) return undefined;
  return setting === 'templates'
    ? `${(value as TemplateSettings).engine} ${(value as TemplateSettings).context}`
    : (value as string);
}

/** Sets (or, for templates the base leaves to the top level, clears) one chart setting of an entry. */
function pin(config: Config, entry: LockEntry, setting: PinnedSetting, value: string | TemplateSettings | undefined) {
  const keys = value === undefined ? [entry.dir, entry.name] : [entry.dir];
  for (const key of keys) {
    const chart: ChartConfig = chartOf(config, key) ?? { values: [], set: [], rules: {} };
    config.charts[key] = { ...chart, [setting]: value };
    if (value === undefined) delete config.charts[key][setting];
  }
}
