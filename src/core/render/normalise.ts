// Semantic comparison of rendered Kubernetes objects, the way the API server compares them on update
// (apiequality.Semantic.DeepEqual, docs/reference/immutable-fields.md §1.1): map order is irrelevant,
// an empty map/list equals an absent one (Go nil vs empty), quantities compare by value ("8Gi" == "8192Mi").
// Defaults the API server fills in are removed by the per-kind normalisers before comparing.
import { getAt, isMap, type KeyPath, ownValue, setOwn } from '../values/key-path.js';

/** Keys whose maps are compared and reported as a whole (a changed label set, not one label at a time). */
const ATOMIC_KEYS = new Set(['labels', 'annotations', 'matchLabels', 'nodeSelector']);

/** Maps whose values are resource quantities (container/claim resources, PV capacity, quota). */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'hard']);

/** undefined, null, {} and [] all mean "not set" to the API server's semantic equality. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isMap(value)) return Object.keys(value).length === 0;
  return false;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  // one parsed object on both sides (document-identity.ts: the document did not change)
  if (a === b && typeof a === 'object') return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => semanticEqual(item, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!semanticEqual(ownValue(a, key), ownValue(b, key))) return false;
    return true;
  }
  return a === b;
}

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The numeric value of a Kubernetes quantity ("8Gi", "500m", 1, "1e3"), or undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  return match[3] ? base * SUFFIX[match[3]] : base;
}

/** A deep copy with every quantity under requests/limits/capacity/hard replaced by its canonical value. */
export function canonicalQuantities(value: unknown, inQuantityMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalQuantities(item));
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    // the values of a requests/limits/capacity/hard map are quantities
    for (const [key, child] of Object.entries(value))
      setOwn(out, key, canonicalQuantities(child, inQuantityMap || QUANTITY_MAPS.has(key)));
    return out;
  }
  // a scalar reached with the flag set sits directly in a quantity map
  const quantity = inQuantityMap ? parseQuantity(value) : undefined;
  return quantity === undefined ? value : `quantity:${quantity}`;
}

/** Deep copy through JSON-compatible values (rendered manifests are plain YAML data). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

/** Deletes the value at `path` when it equals `fallback` (the default the API server would fill in). */
export function dropDefault(tree: unknown, path: KeyPath, fallback: unknown): void {
  const parent = getAt(tree, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isMap(parent) && typeof key === 'string' && semanticEqual(ownValue(parent, key), fallback)) delete parent[key];
}

export interface Difference {
  /** The most precise path that covers every differing leaf (stops at label/annotation maps). */
  path: KeyPath;
  /** Each differing leaf below `path`. */
  leaves: KeyPath[];
}

/** Where two (normalised) trees differ, below `prefix`; undefined when they are semantically equal. */
export function locateDifference(a: unknown, b: unknown, prefix: KeyPath = []): Difference | undefined {
  const leaves: KeyPath[] = [];
  collectLeaves(a, b, prefix, leaves);
  if (leaves.length === 0) return undefined;
  let common = leaves[0];
  for (const leafPath of leaves.slice(1)) {
    let i = 0;
    while (i < common.length && i < leafPath.length && common[i] === leafPath[i]) i++;
    common = common.slice(0, i);
  }
  return { path: common.length < prefix.length ? prefix : common, leaves };
}

function collectLeaves(a: unknown, b: unknown, path: KeyPath, out: KeyPath[]): void {
  if (semanticEqual(a, b)) return;
  const last = path[path.length - 1];
  const atomic = typeof last === 'string' && ATOMIC_KEYS.has(last);
  if (!atomic && isMap(a) && isMap(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      collectLeaves(ownValue(a, key), ownValue(b, key), [...path, key], out);
    return;
  }
  if (!atomic && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) collectLeaves(a[i], b[i], [...path, i], out);
    return;
  }
  out.push(path);
}

/** A JSON-friendly copy of a value for before/after: absent becomes null. */
export function reportValue(value: unknown): unknown {
  return value === undefined ? null : clone(value);
}
