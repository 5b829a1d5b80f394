// The key paths a chart's templates read (.Values.a.b, .global.x, index .Values "a" "b"): what an override key
// can reach even when values.yaml does not declare it.
import { formatKeyPath, type KeyPath } from '../values/key-path.js';
import { compareStrings } from './chart-sources.js';

const TEMPLATE_COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
// `.Values` (as `.Values`, `$.Values`, `.context.Values`...) or a `.global` handed to a helper in a dict, followed by
// a chain of `.key` steps; `(.Values.global).storageClass` is the nil-safe form of `.Values.global.storageClass`.
const READ = /(\.Values|(?<![\w$)\]])\.global)(?![\w])((?:\)*\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const INDEX_BEFORE = /index\s+\(?\s*[\w$]*$/;
const INDEX_KEYS = /^\s*\)?((?:\s+"[^"\\]*")+)/;

/** Key paths a template reads from .Values; a bare `.Values` (the whole tree) is not recorded. */
export function templateReads(text: string): KeyPath[] {
  const source = text.includes('/*') ? text.replace(TEMPLATE_COMMENT, '') : text;
  const out: KeyPath[] = [];
  for (const match of source.matchAll(READ)) {
    const path: KeyPath = match[2] ? match[2].replace(/\)/g, '').slice(1).split('.') : [];
    if (match[1] === '.global') {
      if (path.length === 0) continue;
      path.unshift('global');
    }
    const start = match.index ?? 0;
    if (match[1] === '.Values' && INDEX_BEFORE.test(source.slice(Math.max(0, start - 40), start))) {
      const keys = INDEX_KEYS.exec(source.slice(start + match[0].length, start + match[0].length + 400));
      if (keys) for (const key of keys[1].matchAll(/"([^"\\]*)"/g)) path.push(key[1]);
    }
    if (path.length > 0) out.push(path);
  }
  return out;
}

export function addRead(reads: Map<string, KeyPath>, path: KeyPath): void {
  // Template reads are plain identifiers or index strings: a NUL join is a cheap unique key.
  const key = path.join('\u0000');
  if (!reads.has(key)) reads.set(key, path);
}

/** Reads in --set order, each path formatted once. */
export function sortedReads(reads: Map<string, KeyPath>): KeyPath[] {
  return [...reads.values()]
    .map((path) => ({ path, text: formatKeyPath(path) }))
    .sort((a, b) => compareStrings(a.text, b.text))
    .map((r) => r.path);
}
