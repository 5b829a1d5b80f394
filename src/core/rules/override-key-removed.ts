import type { LoadedChart } from '../model/model.js';
import { code } from '../report/message.js';
import type { KeyCoverage } from '../values/coverage.js';
import { didYouMean } from '../values/did-you-mean.js';
import { formatKeyPath, getAt, isMap, type KeyPath } from '../values/key-path.js';
import { codeSetRemedy, PROOF_EVIDENCE } from './override-key-unknown.js';
import type { ChartRule, FindingDraft } from './rule.js';

// Helm coalesces override values into .Values whether or not a template reads them, and never warns about keys
// nobody reads: a key the new chart dropped is silently ignored on `helm upgrade` (corpus mariadb 7 -> 8,
// blackbox 9 -> 10). The old setting (a size, a password) quietly stops applying.
// Keys below a removed free-form map (master.resources.requests.cpu and .memory) are one change: master.resources
// is gone. They are reported once, at the first key's line, so a reader sees the rename, not every leaf.
// A key the new chart seemed to accept on weak evidence only (a free-form name, a template reading a map above it) is
// reported once the head rendered without it gave the same manifests (ChartContext.ignoredKeyProof).
export const overrideKeyRemoved = {
  id: 'override-key-removed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true },
  severity: 'error',
  description:
    "an override key existed in the old chart's defaults and is gone from the new one: Helm will silently ignore it",
  check(ctx) {
    const { base, head, change } = ctx;
    if (!head || !base) return [];
    const from = base.metadata.version ?? 'the old version';
    const to = head.metadata.version ?? 'the new version';
    const groups = groupByRemovedMap(
      ctx.coverage().filter((c) => c.status === 'removed'),
      base,
      ctx.config.freeFormKeys,
    );
    return groups.map(({ path, keys }): FindingDraft => {
      const first = keys[0];
      const key = formatKeyPath(path);
      const suggestion = didYouMean(path, base.defaults, head.defaults, ctx.renameSuggestions());
      const hint = suggestion ? ` Did you mean ${code(suggestion)}?` : '';
      const proven = keys.every((k) => k.provenIgnored) ? ` (${PROOF_EVIDENCE})` : '';
      const below =
        keys.length > 1 || keys[0].path.length > path.length
          ? ` (set here: ${keys.map((k) => code(formatKeyPath(k.path))).join(', ')})`
          : '';
      return {
        message: `${code(key)} was in ${change.name} ${from}'s defaults and is gone from ${to}: Helm will silently ignore it${proven}${below}.${hint}`,
        file: first.key.file,
        line: first.key.line,
        path: key,
        ...(suggestion ? { suggestion } : {}),
        before:
          keys.length === 1 && keys[0].path.length === path.length
            ? (first.oldDefault ?? null)
            : (getAt(base.defaults, path) ?? null),
        remedy:
          first.key.source === 'config'
            ? codeSetRemedy(key, suggestion, first.key.file)
            : suggestion
              ? `Rename ${code(key)} to ${code(suggestion)} in ${first.key.file} (check the chart's upgrade notes), or delete it.`
              : `Find its replacement in ${change.name} ${to}'s values.yaml or README upgrade notes and rename it in ${first.key.file}, or delete it.`,
      };
    });
  },
  keyTable: {},
} satisfies ChartRule;

/**
 * Groups removed keys by the free-form map they sit in when that map itself is gone (its last segment is a
 * free-form key, or its old default was an empty map), per file; other keys stay alone. Order: first key's line.
 */
function groupByRemovedMap(
  removed: KeyCoverage[],
  base: LoadedChart,
  freeFormKeys: readonly string[],
): { path: KeyPath; keys: KeyCoverage[] }[] {
  const groups = new Map<string, { path: KeyPath; keys: KeyCoverage[] }>();
  const isEmptyMap = emptinessOf();
  for (const coverage of removed) {
    const path = removedMapOf(coverage.path, base, freeFormKeys, isEmptyMap) ?? coverage.path;
    const id = `${coverage.key.file}\0${formatKeyPath(path)}`;
    const group = groups.get(id) ?? { path, keys: [] };
    group.keys.push(coverage);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** The shortest proper prefix of `path` that was a free-form map in the old defaults. */
function removedMapOf(
  path: KeyPath,
  base: LoadedChart,
  freeFormKeys: readonly string[],
  isEmptyMap: (map: Record<string, unknown>) => boolean,
): KeyPath | undefined {
  for (let length = 1; length < path.length; length++) {
    const prefix = path.slice(0, length);
    const old = getAt(base.defaults, prefix);
    const last = prefix[prefix.length - 1];
    const freeForm = typeof last === 'string' && freeFormKeys.includes(last);
    if (isMap(old) && (freeForm || isEmptyMap(old))) return prefix;
  }
  return undefined;
}

// Counting a map's keys (Object.keys, even for-in) walks them all: once per removed key, that is quadratic when
// thousands of removed keys sit in one large map. Each map is counted once per check.
function emptinessOf(): (map: Record<string, unknown>) => boolean {
  const emptiness = new WeakMap<object, boolean>();
  return (map) => {
    let empty = emptiness.get(map);
    if (empty === undefined) {
      empty = Object.keys(map).length === 0;
      emptiness.set(map, empty);
    }
    return empty;
  };
}
