// The `helm upgrade` of one chart in one environment: the one definition the runbook's upgrade step and the rules'
// remedies print. Release, chart folder, namespace, the environment's override files in helm's -f order, and the
// code-set keys, each from an environment variable (never an example value: it may be a secret). Lists and maps go
// with --set-json: `--set "domainFilters=${DOMAINFILTERS}"` would pass one string. helm cannot read a templated
// override file (Jinja `.j2.yaml`): the runbook passes its rendered copy from the plan folder, a path a remedy does
// not know, so a remedy then says in words where the command is instead of printing one that cannot run.

import { resolveEnvironments } from '../../config/config-resolve.js';
import type { ChartInputs } from '../../model/chart-context.js';
import type { OverrideFile } from '../../model/model.js';
import type { RenderResult } from '../../render/types.js';
import { formatKeyPath, type KeyPath } from '../../values/key-path.js';
import { shellWord } from './crds.js';

/** A key the deploy code sets, with the example value the config gives (its shape picks --set or --set-json). */
export interface CodeSetKey {
  path: string;
  example?: unknown;
}

/** What one `helm upgrade` names: release and namespace as helm takes them (or a loop's "$release"), the files. */
export interface HelmUpgrade {
  release: string;
  namespace: string;
  /** The chart folder. */
  chart: string;
  /** The override files in -f order, as helm reads them (rendered copies in place of templated files). */
  files: readonly string[];
  codeSet: readonly CodeSetKey[];
  /** A chart the lockfile adds: `upgrade --install`. */
  install?: boolean;
}

/** The exact command line. */
export function helmUpgradeCommand(upgrade: HelmUpgrade): string {
  const { release, namespace, chart, files, codeSet, install } = upgrade;
  const overrides = files.map((file) => ` -f ${shellWord(file)}`).join('');
  const sets = codeSet.map(setFlag).join('');
  return `helm ${install ? 'upgrade --install' : 'upgrade'} ${release} ${shellWord(chart)} --namespace ${namespace}${overrides}${sets}`;
}

/** In a remedy, in place of the command of a chart with templated override files: where its command is. */
export const TEMPLATED_UPGRADE =
  "the chart's helm upgrade with the rendered copies of its templated override files (see the runbook: --format plan)";

/**
 * The upgrade a remedy names: the command in backquotes, as the runbook writes it for the render's release and
 * namespace, or, when an override file is templated, the words of TEMPLATED_UPGRADE.
 */
export function remedyUpgrade(ctx: ChartInputs, render: RenderResult): string {
  if (ctx.overrides.some(isTemplated)) return TEMPLATED_UPGRADE;
  const command = helmUpgradeCommand({
    release: render.releaseName,
    namespace: render.namespace,
    chart: ctx.change.dir,
    files: ctx.overrides.map((file) => file.path),
    codeSet: environmentCodeSet(ctx),
    install: ctx.change.change === 'added',
  });
  return `\`${command}\``;
}

/** Whether an override file holds template syntax: rendered (with a context), or read with lines left out. */
export function isTemplated(file: OverrideFile): boolean {
  return (
    file.renderedWith !== undefined ||
    file.skipped.length > 0 ||
    (file.notTaken?.length ?? 0) > 0 ||
    /\{\{|\{%/.test(JSON.stringify(file.values))
  );
}

/** ` --set "key=${KEY}"`, or --set-json for a list or map (the variable then holds JSON). */
function setFlag(key: CodeSetKey): string {
  const json = key.example !== null && typeof key.example === 'object';
  return ` --set${json ? '-json' : ''} "${key.path.replace(/["\\$`]/g, '\\$&')}=\${${envName(key.path)}}"`;
}

/** The code-set keys of the context's environment (config `set` at the top and there), then the chart's. */
export function environmentCodeSet(ctx: ChartInputs): CodeSetKey[] {
  const environment = resolveEnvironments(ctx.config).find((e) => e.name === ctx.environment);
  return codeSetKeys(environment?.set ?? [], ctx.codeSet);
}

/** The environment's code-set keys, then the chart's (once each, like a later --set of the same key: the last wins). */
function codeSetKeys(
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
