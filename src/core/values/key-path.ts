// Key paths in Helm --set notation: dots between keys, [n] for list items, a dot inside a key escaped as "\.".
// Internally a path is a list of segments: strings for map keys, numbers for list indexes.

export type KeySegment = string | number;
export type KeyPath = KeySegment[];

export function formatKeyPath(path: readonly KeySegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      continue;
    }
    const escaped = segment.replace(/\\/g, '\\\\').replace(/\./g, '\\.').replace(/\[/g, '\\[');
    out += out === '' ? escaped : `.${escaped}`;
  }
  return out;
}

/** Parses a --set style key ("a.b[0].c\.d") into segments. Throws a KeyPathError on malformed input. */
export function parseKeyPath(text: string): KeyPath {
  const path: KeyPath = [];
  let current = '';
  let pendingKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
      pendingKey = true;
    } else if (ch === '.') {
      if (pendingKey) path.push(current);
      else if (path.length === 0 || typeof path[path.length - 1] !== 'number') throw new KeyPathError(text, i);
      current = '';
      pendingKey = false;
    } else if (ch === '[') {
      const close = text.indexOf(']', i);
      const index = Number(text.slice(i + 1, close));
      if (close < 0 || !Number.isInteger(index) || index < 0) throw new KeyPathError(text, i);
      if (pendingKey) path.push(current);
      current = '';
      pendingKey = false;
      path.push(index);
      i = close;
    } else {
      current += ch;
      pendingKey = true;
    }
  }
  if (pendingKey) path.push(current);
  else if (path.length === 0 || typeof path[path.length - 1] !== 'number') throw new KeyPathError(text, text.length);
  return path;
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
