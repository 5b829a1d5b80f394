// Key paths in Helm --set notation: dots between keys, [n] for list items, a dot inside a key escaped as "\.".
// Internally a path is a list of segments: strings for map keys, numbers for list indexes.

export type KeySegment = string | number;
export type KeyPath = KeySegment[];

/**
 * A path as text. Every string segment but the first is preceded by a dot, so an empty key is written as nothing
 * between its dots ("a..b", "a.", ".a"): YAML allows `"": x`, helm keeps such keys, and parseKeyPath reads the text
 * back to the same path.
 */
export function formatKeyPath(path: readonly KeySegment[]): string {
  let out = '';
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      return;
    }
    const escaped = segment.replace(/\\/g, '\\\\').replace(/\./g, '\\.').replace(/\[/g, '\\[');
    out += i === 0 ? escaped : `.${escaped}`;
  });
  return out;
}

/**
 * Parses a key path ("a.b[0].c\\.d") into segments; the inverse of formatKeyPath for paths that start with a key
 * (values trees are maps at the top). Empty keys are kept. Throws a KeyPathError on a malformed list index.
 */
export function parseKeyPath(text: string): KeyPath {
  return parse(text, false);
}

/** Like parseKeyPath, for keys written in helm's --set notation, where an empty key is malformed. */
export function parseSetKeyPath(text: string): KeyPath {
  return parse(text, true);
}

function parse(text: string, rejectEmptyKeys: boolean): KeyPath {
  const path: KeyPath = [];
  let i = 0;
  for (;;) {
    // a key (possibly empty) up to an unescaped "." or "[" or the end
    const keyStart = i;
    let key = '';
    while (i < text.length && text[i] !== '.' && text[i] !== '[') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      key += text[i++];
    }
    if (key === '' && rejectEmptyKeys) throw new KeyPathError(text, keyStart);
    path.push(key);
    while (text[i] === '[') {
      const close = text.indexOf(']', i);
      const index = Number(text.slice(i + 1, close));
      if (close < 0 || close === i + 1 || !Number.isInteger(index) || index < 0) throw new KeyPathError(text, i);
      path.push(index);
      i = close + 1;
    }
    if (i >= text.length) return path;
    if (text[i] !== '.') throw new KeyPathError(text, i);
    i++;
  }
}

export class KeyPathError extends Error {
  constructor(
    readonly text: string,
    readonly column: number,
  ) {
    super(`malformed key path "${text}" at column ${column + 1}`);
  }
}

export function isPrefix(prefix: readonly KeySegment[], path: readonly KeySegment[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((s, i) => s === path[i]);
}

/** Reads the value at a path in a parsed values tree; undefined when any step is missing. */
export function getAt(tree: unknown, path: readonly KeySegment[]): unknown {
  let node: unknown = tree;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[segment];
    } else {
      if (Array.isArray(node) || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}

export function hasAt(tree: unknown, path: readonly KeySegment[]): boolean {
  let node: unknown = tree;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return false;
    if (typeof segment === 'number') {
      if (!Array.isArray(node) || segment >= node.length) return false;
      node = node[segment];
    } else {
      if (Array.isArray(node) || !Object.hasOwn(node, segment)) return false;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return true;
}

export type ValueType = 'map' | 'list' | 'scalar' | 'null';

export function valueType(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return 'scalar';
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value of an own key of a map, never one inherited from Object.prototype: a values key named `__proto__`,
 * `constructor` or `toString` is an ordinary key to helm.
 */
export function ownValue(map: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Sets an own key; a plain assignment to `__proto__` would replace the object's prototype instead. */
export function setOwn(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

/**
 * helm's MergeMaps (pkg/chart/loader, the merge of a values file's YAML documents in helm 4): maps merge key by key,
 * anything else (a null included) replaces what was there. Own keys only, so `__proto__` stays a key.
 */
export function mergeValueMaps(base: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(next)) {
    const existing = ownValue(out, key);
    setOwn(out, key, isMap(value) && isMap(existing) ? mergeValueMaps(existing, value) : value);
  }
  return out;
}
