// The difference between two charts' default values, as leaf key paths in --set notation.
// Lists are leaves (Helm replaces a list whole), an empty map is a leaf, and a key whose type changes
// (map <-> list <-> scalar) is reported once as changed at that key rather than as removed children plus an addition.
import type { ValuesChange, ValuesDiff } from '../report/report.js';
import { formatKeyPath, isMap, type KeyPath } from './key-path.js';

export function diffDefaults(before: Record<string, unknown>, after: Record<string, unknown>): ValuesDiff {
  const diff: ValuesDiff = { added: [], removed: [], changed: [] };
  walk(before, after, [], diff);
  return diff;
}

/** Every leaf key path of a values tree (lists and empty maps are leaves), in sorted key order. */
export function leafPaths(tree: Record<string, unknown>): KeyPath[] {
  const out: KeyPath[] = [];
  const visit = (node: Record<string, unknown>, prefix: KeyPath) => {
    for (const key of sortedKeys(node)) {
      const value = node[key];
      const path = [...prefix, key];
      if (isMap(value) && Object.keys(value).length > 0) visit(value, path);
      else out.push(path);
    }
  };
  visit(tree, []);
  return out;
}

function walk(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: KeyPath,
  diff: ValuesDiff,
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
  for (const key of keys) {
    const path = [...prefix, key];
    const inBefore = Object.hasOwn(before, key);
    const inAfter = Object.hasOwn(after, key);
    const b = before[key];
    const a = after[key];
    if (!inAfter) {
      for (const leaf of leavesOf(b, path)) diff.removed.push(leaf);
    } else if (!inBefore) {
      for (const leaf of leavesOf(a, path)) diff.added.push(leaf);
    } else if (isMap(b) && isMap(a)) {
      walk(b, a, path, diff);
    } else if (!deepEqual(b, a)) {
      diff.changed.push(change(path, b, a));
    }
  }
}

function leavesOf(value: unknown, path: KeyPath): string[] {
  if (isMap(value) && Object.keys(value).length > 0) return leafPaths(value).map((p) => formatKeyPath([...path, ...p]));
  return [formatKeyPath(path)];
}

function change(path: KeyPath, before: unknown, after: unknown): ValuesChange {
  return { path: formatKeyPath(path), before: before ?? null, after: after ?? null };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function sortedKeys(node: Record<string, unknown>): string[] {
  return Object.keys(node).sort(compareStrings);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
