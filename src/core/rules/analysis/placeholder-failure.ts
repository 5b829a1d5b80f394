// Which placeholder of the override files broke a render: a key the deploy code sets, held in the file as
// `set-by-engine-code` (values/code-set-placeholder.ts), reaches helm as that string where the chart wants a boolean
// (values.schema.json `type: boolean`, `kindIs "bool"` + `fail`) or a list (`range`). helm names the key (`at
// <.Values.x.y>`, `- x.y: Invalid type`, `at '/x/y'`, a fail message "x.y must be a boolean") or quotes the value
// (`range can't iterate over set-by-engine-code`). The fix is the config's `charts.<name>.set.<key>`: an example
// value of the type the chart expects, which the render then uses as the deploy code's --set.
import type { LoadedChart, OverrideFile, OverrideKey } from '../../model/model.js';
import { isCodeSetPlaceholder } from '../../values/code-set-placeholder.js';
import { formatKeyPath, getAt, isMap, type KeyPath } from '../../values/key-path.js';

export interface PlaceholderCulprit {
  key: OverrideKey & { value: string };
  /** A value of the type the chart expects there; undefined when nothing says which. */
  example: unknown;
}

/** The placeholder keys a failed render's reason points at (by key, else by the quoted value). */
export function placeholderCulprits(
  reason: string,
  overrides: readonly OverrideFile[],
  codeSet: readonly OverrideKey[],
  chart: LoadedChart | undefined,
): PlaceholderCulprit[] {
  const setFromConfig = new Set(codeSet.map((key) => formatKeyPath(key.path)));
  const candidates = new Map<string, OverrideKey & { value: string }>();
  for (const file of overrides) {
    for (const key of file.keys) {
      const name = formatKeyPath(key.path);
      // a key the config already gives an example for is rendered with that example, not the placeholder
      if (!isCodeSetPlaceholder(key.value) || setFromConfig.has(name)) continue;
      candidates.set(name, key as OverrideKey & { value: string }); // later files win, like helm's -f
    }
  }
  const all = [...candidates.values()];
  const named = all.filter((key) => namesKey(reason, key.path));
  const culprits = named.length > 0 ? named : all.filter((key) => reason.includes(key.value));
  return culprits.map((key) => ({ key, example: exampleFor(key.path, reason, chart) }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reason names the key: `.Values.a.b`, `a.b` standing alone, or the JSON pointer `/a/b`. */
function namesKey(reason: string, path: KeyPath): boolean {
  if (!path.every((segment) => typeof segment === 'string')) return false;
  const dotted = escapeRegExp(path.join('.'));
  const pointer = escapeRegExp(`/${path.join('/')}`);
  const forms = [`\\.Values\\.${dotted}`, `(?<![\\w./-])${dotted}`, `(?<![\\w./-])${pointer}`];
  return new RegExp(`(?:${forms.join('|')})(?![\\w-]|\\.\\w|/\\w)`).test(reason);
}

/** The chart's default when it is typed, else the type its schema or helm's message names. */
export function exampleFor(path: KeyPath, reason: string, chart: LoadedChart | undefined): unknown {
  const fallback = getAt(chart?.defaults, path);
  if (fallback !== null && fallback !== undefined && typeof fallback !== 'string') return structuredClone(fallback);
  const type = schemaType(chart?.schema, path) ?? typeInReason(reason);
  return type === undefined ? undefined : EXAMPLES[type];
}

const EXAMPLES: Record<string, unknown> = { boolean: true, integer: 1, number: 1, array: [], object: {} };

function schemaType(schema: unknown, path: KeyPath): string | undefined {
  let node = schema;
  for (const segment of path) {
    const properties = isMap(node) && isMap(node.properties) ? node.properties : undefined;
    node = typeof segment === 'string' && properties ? properties[segment] : undefined;
  }
  const type = isMap(node) ? node.type : undefined;
  const first = Array.isArray(type) ? type.find((t) => t !== 'null' && t !== 'string') : type;
  return typeof first === 'string' && first in EXAMPLES ? first : undefined;
}

function typeInReason(reason: string): string | undefined {
  if (/\bbool(?:ean)?\b/i.test(reason)) return 'boolean';
  if (/range can't iterate over|\b(?:array|list|slice)\b/i.test(reason)) return 'array';
  if (/\b(?:integer|int|number)\b/i.test(reason)) return 'integer';
  if (/\b(?:map|object|dict)\b/i.test(reason)) return 'object';
  return undefined;
}

/** "`a.b` is `set-by-engine-code` in values/x.yaml:3, ... `charts.x.set.a.b: true` in the config". */
export function placeholderRemedy(culprits: readonly PlaceholderCulprit[], chart: string, config: string): string {
  return culprits.map((culprit) => placeholderFix(culprit, chart, config)).join('\n');
}

/** One placeholder key, and the config's `set` that gives the render a value of the type the chart expects. */
export function placeholderFix({ key, example }: PlaceholderCulprit, chart: string, config: string): string {
  const name = formatKeyPath(key.path);
  const value = example === undefined ? '<a value of the type the chart expects>' : JSON.stringify(example);
  return `\`${name}\` is \`${key.value}\` in ${key.file}:${key.line}, a placeholder the deploy code replaces: give the render an example of the type the chart expects, \`charts.${chart}.set.${name}: ${value}\` in ${config}.`;
}
