// The helm command of one chart in one environment, as the runbook prints it: the chart's `helm upgrade`
// (rules/analysis/helm-upgrade-command.ts, the definition the remedies share) with templated override files replaced by
// their rendered copies in the plan folder. A chart deployed as many releases (config `releases: many`, one per
// database) gets a loop over the releases `helm list` selects; a chart that left the lockfile, `helm uninstall`.
import type { ChartInputs } from '../model/chart-context.js';
import { renderNamesProblem } from '../render/release-names.js';
import { shellWord } from '../rules/analysis/crds.js';
import { type CodeSetKey, helmUpgradeCommand } from '../rules/analysis/helm-upgrade-command.js';
import { type PlanFile, planFilePath } from './rendered-files.js';

/** In place of the command when the release name or namespace is not one helm takes: a shell comment, no name. */
export const NOT_PLANNED =
  '# not planned: the release name or namespace is not one helm accepts (config-invalid, lockfile-invalid)';

/** The selector of a chart deployed as many releases: config releaseFilter, else ^ and its release name. */
export function releaseSelector(context: ChartInputs, release: string): string {
  return context.chartConfig.releaseFilter ?? `^${release.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

/** The exact command (`helm uninstall` of a chart that left the lockfile). */
export function helmCommand(
  context: ChartInputs,
  target: { release: string; namespace: string },
  codeSet: readonly CodeSetKey[],
  files: readonly PlanFile[],
): string {
  const { release, namespace } = target;
  // a name helm would refuse (config-invalid, lockfile-invalid said where) is never put in a command to copy
  if (renderNamesProblem(release, namespace)) return NOT_PLANNED;
  const many = context.chartConfig.releases === 'many';
  const each = (command: string) =>
    [
      `helm list --all-namespaces --filter ${shellWord(releaseSelector(context, release))} --no-headers | while read -r release namespace _; do`,
      `  ${command}`,
      'done',
    ].join('\n');
  if (context.change.change === 'removed') {
    return many
      ? each('helm uninstall "$release" --namespace "$namespace"')
      : `helm uninstall ${release} --namespace ${namespace}`;
  }
  const upgrade = (names: { release: string; namespace: string }) =>
    helmUpgradeCommand({
      ...names,
      chart: context.change.dir,
      files: context.overrides.map((o) => {
        const rendered = files.find((f) => f.source === o.path);
        return rendered ? planFilePath(rendered) : o.path;
      }),
      codeSet,
      install: !many && context.change.change === 'added',
    });
  // each release in its own namespace; --wait: the loop names no object, so helm waits for each rollout itself
  if (many) return each(`${upgrade({ release: '"$release"', namespace: '"$namespace"' })} --wait`);
  return upgrade({ release, namespace });
}
