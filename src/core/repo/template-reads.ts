// The key paths a chart's templates read (.Values.a.b, .global.x, index .Values "a" "b"): what an override key
// can reach even when values.yaml does not declare it. The string defaults a chart passes through `tpl` are templates
// too: their reads count (addTplReads).
import { formatKeyPath, isMap, type KeyPath } from '../values/key-path.js';
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
  const key = readKey(path);
  if (!reads.has(key)) reads.set(key, path);
}

// Template reads are plain identifiers or index strings: a NUL join is a cheap unique key.
function readKey(path: KeyPath): string {
  return path.join('\u0000');
}

/** Reads in --set order, each path formatted once. */
export function sortedReads(reads: Map<string, KeyPath>): KeyPath[] {
  return [...reads.values()]
    .map((path) => ({ path, text: formatKeyPath(path) }))
    .sort((a, b) => compareStrings(a.text, b.text))
    .map((r) => r.path);
}

// `tpl X ctx` called in an action (`{{ tpl .Values.x . }}`, `(tpl (. | toYaml) $)`, `| tpl`-less pipelines)
const TPL_CALL = /(?:\{\{-?|[\s(|])tpl\s/;

/** True when a template calls `tpl`. */
export function callsTpl(text: string): boolean {
  return TPL_CALL.test(text.includes('/*') ? text.replace(TEMPLATE_COMMENT, '') : text);
}

/**
 * Adds to `reads` the reads of the string defaults the chart passes through `tpl`: loki keeps its config as a
 * templated string in its own values.yaml (`loki.config: |` holding `{{- with .Values.loki.limits_config }}`) and
 * renders it with `tpl`, so `loki.limits_config.*` reaches the manifests though no template file names it. Call it
 * only for a chart whose templates (or a subchart's helpers: bitnami's common.tplvalues.render) call tpl. A string
 * counts when a template reads it or a map above it; its reads may make another string count, so it repeats until
 * nothing new is read.
 */
export function addTplReads(defaults: Record<string, unknown>, reads: Map<string, KeyPath>): void {
  let pending = templatedStrings(defaults);
  while (pending.length > 0) {
    const readNow = pending.filter(({ path }) => path.some((_, i) => reads.has(readKey(path.slice(0, i + 1)))));
    if (readNow.length === 0) return;
    for (const { text } of readNow) for (const read of templateReads(text)) addRead(reads, read);
    pending = pending.filter((entry) => !readNow.includes(entry));
  }
}

/** Every string default holding a template action, with its path (list items by index). */
function templatedStrings(defaults: Record<string, unknown>): { path: KeyPath; text: string }[] {
  const out: { path: KeyPath; text: string }[] = [];
  const walk = (node: unknown, path: KeyPath) => {
    if (typeof node === 'string') {
      if (node.includes('{{')) out.push({ path, text: node });
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...path, i]);
    } else if (isMap(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(defaults, []);
  return out;
}
