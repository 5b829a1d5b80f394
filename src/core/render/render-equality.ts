// Are two renders of the same chart the same manifests? Used to prove that an override key is ignored: the head
// rendered without it must give exactly the objects of the head render. Objects are matched by group, kind,
// namespace and name (like Helm matches release objects) and compared with the API server's semantic equality
// (normalise.ts: map order and empty-vs-absent do not count); nothing else is ignored.
//
// Some charts render differently every time (randAlphaNum passwords, genCA certificates, `now`, and the checksum
// annotations over them). Two renders with the same values show which leaves are volatile; those leaves, and only
// those, are left out of the comparison. A leaf a key fixes is stable in both head renders, so it still counts.
import { getAt, isMap, type KeyPath } from '../values/key-path.js';
import { printedAlike } from './document-identity.js';
import { clone, semanticEqual } from './normalise.js';
import type { Manifest } from './types.js';

/** One render's objects, as compared: the manifests and the documents helm printed that are not objects. */
export interface ComparableRender {
  manifests: readonly Manifest[];
  parseProblems: readonly string[];
}

/** Leaves that differ between two renders of identical input, per object identity. */
export type VolatileLeaves = Map<string, KeyPath[]>;

function identity(manifest: Manifest): string {
  const { ref } = manifest;
  return [manifest.group, ref.kind, ref.namespace ?? '', ref.name, manifest.fromCrdsDir ? 'crds' : ''].join('\0');
}

/** Objects by identity, in render order (an identity printed twice keeps both, in order). */
function byIdentity(manifests: readonly Manifest[]): Map<string, Manifest[]> {
  const out = new Map<string, Manifest[]>();
  for (const manifest of manifests) {
    const id = identity(manifest);
    const list = out.get(id) ?? [];
    list.push(manifest);
    out.set(id, list);
  }
  return out;
}

export function sameRender(a: ComparableRender, b: ComparableRender, volatile?: VolatileLeaves): boolean {
  if (a.manifests.length !== b.manifests.length) return false;
  if (a.parseProblems.length !== b.parseProblems.length || a.parseProblems.some((p, i) => p !== b.parseProblems[i])) {
    return false;
  }
  const left = byIdentity(a.manifests);
  const right = byIdentity(b.manifests);
  if (left.size !== right.size) return false;
  for (const [id, objects] of left) {
    const others = right.get(id);
    if (!others || others.length !== objects.length) return false;
    const leaves = volatile?.get(id) ?? [];
    for (let i = 0; i < objects.length; i++) {
      if (printedAlike(objects[i], others[i])) continue;
      if (!semanticEqual(withoutLeaves(objects[i].object, leaves), withoutLeaves(others[i].object, leaves))) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The leaves that differ between two renders of the same input, or undefined when even the set of objects differs
 * (the chart cannot be compared at all). Leaves go down to scalars: a volatile annotation leaves its siblings counted.
 */
export function volatileLeaves(a: ComparableRender, b: ComparableRender): VolatileLeaves | undefined {
  const left = byIdentity(a.manifests);
  const right = byIdentity(b.manifests);
  if (left.size !== right.size) return undefined;
  const volatile: VolatileLeaves = new Map();
  for (const [id, objects] of left) {
    const others = right.get(id);
    if (!others || others.length !== objects.length) return undefined;
    const leaves: KeyPath[] = [];
    objects.forEach((object, i) => {
      if (!printedAlike(object, others[i])) collectDifferingLeaves(object.object, others[i].object, [], leaves);
    });
    if (leaves.length) volatile.set(id, leaves);
  }
  return volatile;
}

function collectDifferingLeaves(a: unknown, b: unknown, path: KeyPath, out: KeyPath[]): void {
  if (semanticEqual(a, b)) return;
  if (isMap(a) && isMap(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      collectDifferingLeaves(a[key], b[key], [...path, key], out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) collectDifferingLeaves(a[i], b[i], [...path, i], out);
    return;
  }
  out.push(path);
}

/** A copy of `object` without the given leaves. */
function withoutLeaves(object: Record<string, unknown>, leaves: readonly KeyPath[]): unknown {
  if (leaves.length === 0) return object;
  const copy = clone(object);
  for (const leaf of leaves) {
    let node: unknown = copy;
    for (let i = 0; i < leaf.length - 1 && node !== undefined; i++) {
      node = isMap(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[leaf[i]] : undefined;
    }
    const last = leaf[leaf.length - 1];
    if (isMap(node) && typeof last === 'string') delete node[last];
    else if (Array.isArray(node) && typeof last === 'number') node[last] = null;
  }
  return copy;
}

/**
 * The text of what `render` holds at the volatile leaves: the comparison never sees it, so whoever proves a key
 * ignored by comparison can check that the key's value is not printed there.
 */
export function volatileTexts(render: ComparableRender, volatile: VolatileLeaves): string[] {
  const texts: string[] = [];
  for (const [id, objects] of byIdentity(render.manifests)) {
    for (const leaf of volatile.get(id) ?? []) {
      for (const { object } of objects) {
        const value = getAt(object, leaf);
        if (value === undefined || value === null) continue;
        texts.push(typeof value === 'string' ? value : JSON.stringify(value));
      }
    }
  }
  return texts;
}
