// The helm command of one chart in one environment, as the runbook prints it: release, chart folder, namespace, the
// environment's override files in order (templated ones replaced by their rendered copies in the plan folder), and
// the code-set keys, each from an environment variable (never an example value: it may be a secret). Lists and maps
// go with --set-json: `--set "domainFilters=${DOMAINFILTERS}"` would pass one string. A chart deployed as many
// releases (config `releases: many`, one per database) gets a loop over the releases `helm list` selects.
import type { ChartInputs } from '../model/chart-context.js';
import { renderNamesProblem } from '../render/release-names.js';
import { shellWord } from '../rules/analysis/crds.js';
import { formatKeyPath, type KeyPath } from '../values/key-path.js';
import { type PlanFile, planFilePath } from './rendered-files.js';

/** A key the deploy code sets, with the example value the config gives (its shape picks --set or --set-json). */
export interface CodeSetKey {
  path: string;
  example?: unknown;
}

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
  const overrides = context.overrides
    .map((o) => {
      const rendered = files.find((f) => f.source === o.path);
      return ` -f ${shellWord(rendered ? planFilePath(rendered) : o.path)}`;
    })
    .join('');
  const sets = codeSet.map(setFlag).join('');
  const chart = shellWord(context.change.dir);
  // each release in its own namespace; --wait: the loop names no object, so helm waits for each rollout itself
  if (many) return each(`helm upgrade "$release" ${chart} --namespace "$namespace"${overrides}${sets} --wait`);
  const verb = context.change.change === 'added' ? 'upgrade --install' : 'upgrade';
  return `helm ${verb} ${release} ${chart} --namespace ${namespace}${overrides}${sets}`;
}

/** ` --set "key=${KEY}"`, or --set-json for a list or map (the variable then holds JSON). */
function setFlag(key: CodeSetKey): string {
  const json = key.example !== null && typeof key.example === 'object';
  return ` --set${json ? '-json' : ''} "${key.path.replace(/["\\$`]/g, '\\$&')}=\${${envName(key.path)}}"`;
}

/** The environment's code-set keys, then the chart's (once each, like a later --set of the same key: the last wins). */
export function codeSetKeys(
  environment: readonly { path: KeyPath; example?: unknown }[],
  chart: readonly { path: KeyPath; value?: unknown }[],
): CodeSetKey[] {
  const keys = new Map<string, CodeSetKey>();
  for (const key of environment)
    keys.set(formatKeyPath(key.path), { path: formatKeyPath(key.path), example: key.example });
  for (const key of chart) {
    const path = formatKeyPath(key.path);
    keys.set(path, { path, example: key.value ?? keys.get(path)?.example });
  }
  return [...keys.values()];
}

/** "auth.rootPassword" -> AUTH_ROOTPASSWORD. */
export function envName(path: string): string {
  const name = path
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name || 'VALUE';
}
