// The rendered diff of a chart in one environment, what helm-diff and argocd-diff-preview users read: for every
// object the base and head renders hold, matched the way Helm matches them on upgrade (match.ts), the unified
// diff of the two objects as YAML with sorted keys. Hooks and crds/ objects are shown too: a reader wants to see
// them change even though `helm upgrade` treats them apart.
//
// What is left out or hidden, and why:
// - labels and annotations that change with every chart version and say nothing about the change itself
//   (helm.sh/chart, app.kubernetes.io/version, checksum/* annotations), so a version bump is not a wall of noise;
// - credentials: the objects go through the structural redactor first (Secret data and stringData, values under
//   credential-looking keys, env values named like one) and the text redactor later, with the rest of the report
//   (assembleReport). A Secret value that changed shows as `<redacted> (changed)`, so the change is still seen.
import { type DumpOptions, dump } from 'js-yaml';
import type { ChartInputs } from '../model/chart-context.js';
import { CredentialMatcher, REDACTED } from '../redact/credentials.js';
import { redactTree } from '../redact/redact-tree.js';
import type { ObjectDiff, RenderedDiff } from '../report/report.js';
import { loadedDiff } from '../runtime/libraries.js';
import { CORE_SCHEMA } from '../values/js-yaml-schema.js';
import { formatKeyPath, isMap, type KeyPath, ownValue, setOwn } from '../values/key-path.js';
import { printedAlike } from './document-identity.js';
import { effectiveRef, matchRenders } from './match.js';
import { chartFile, renderedPair } from './rendered-sources.js';
import type { Manifest } from './types.js';

/** Labels and annotations left out of the diff: they change with every chart version. */
const NOISE_KEYS = new Set(['helm.sh/chart', 'app.kubernetes.io/version']);
const NOISE_PREFIXES = ['checksum/'];

function isNoiseKey(key: string): boolean {
  return NOISE_KEYS.has(key) || NOISE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Said wherever the diff is shown. */
export const RENDERED_DIFF_NOTE =
  'Labels helm.sh/chart and app.kubernetes.io/version and checksum/* annotations are left out; Secret data and credential-like values are redacted; in objects of over 4,000 values (CRD schemas), subtrees both versions share show as <unchanged>.';

/** The diff of both renders of a chart in the context's environment; undefined unless both rendered. */
export function renderedDiff(ctx: ChartInputs): RenderedDiff | undefined {
  const pair = renderedPair(ctx);
  if (!pair) return undefined;
  const match = matchRenders(pair.base, pair.head, () => true);
  const matcher = new CredentialMatcher(ctx.config.redact);
  const shown = (m: Manifest, other?: Manifest) => serialise(withoutNoise(redacted(m, matcher, other)));
  const objects: ObjectDiff[] = [];
  const push = (
    change: ObjectDiff['change'],
    m: Manifest,
    side: 'base' | 'head',
    before: string,
    after: string,
    summary?: string,
  ) => {
    if (before === after && summary === undefined) return;
    const label = objectLabel(m, side === 'base' ? pair.base.namespace : pair.head.namespace);
    const patch =
      summary ??
      loadedDiff()
        .createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, '', '', { context: 3 })
        .split('\n')
        .filter((line, i) => !(i === 0 && line.startsWith('====')))
        .join('\n');
    const file = chartFile(ctx, m, side);
    objects.push({
      change,
      resource: effectiveRef(m, side === 'base' ? pair.base.namespace : pair.head.namespace, match.scopes),
      ...(file ? { file } : {}),
      patch: summary === undefined ? patch : `--- a/${label}\n+++ b/${label}\n${summary}`,
    });
  };
  for (const { base, head } of match.matched) {
    // printed alike: not even parsed; most other objects of a bump differ only in the noise labels: compared in
    // place, they cost no copy and no YAML
    if (printedAlike(base, head) || sameButNoise(base.object, head.object)) continue;
    if (!isLarge(head.object) && !isLarge(base.object)) {
      push('changed', head, 'head', shown(base), shown(head, base));
      continue;
    }
    // a CRD's 500 KB schema: unchanged subtrees fold to one line each, so serialising and diffing cost what changed
    const folded = foldUnchanged(base.object, head.object);
    const before = withoutNoise(redacted({ ...base, object: folded.a as Manifest['object'] }, matcher));
    const after = withoutNoise(redacted({ ...head, object: folded.b as Manifest['object'] }, matcher, base));
    const diffable = folded.changes <= MAX_DIFFED_CHANGES && !isLarge(before) && !isLarge(after);
    if (diffable) push('changed', head, 'head', serialise(before), serialise(after));
    // changed all over (a regenerated schema): the changed values by path, not a line diff of megabytes
    else push('changed', head, 'head', '', '', changedValuesSummary(before, after));
  }
  for (const m of match.removed) push('removed', m, 'base', shown(m), '');
  for (const m of match.added) push('added', m, 'head', '', shown(m));
  return { ...(ctx.environment !== undefined ? { environment: ctx.environment } : {}), objects };
}

/** "apps/v1/StatefulSet/demo/rel-mariadb.yaml": a path-like name for the patch headers. */
function objectLabel(m: Manifest, releaseNamespace: string): string {
  return `${m.ref.kind}/${m.ref.namespace ?? releaseNamespace}/${m.ref.name}.yaml`;
}

/**
 * The object with credentials hidden. For the head of a Secret, a data key whose value differs from the base's
 * `other` (or that it lacks) shows `<redacted> (changed)`: the reader sees which keys changed, never a value.
 */
function redacted(m: Manifest, matcher: CredentialMatcher, other?: Manifest): unknown {
  const out = redactTree(m.object, matcher);
  if (!other || m.ref.kind !== 'Secret' || !isMap(out)) return out;
  for (const key of ['data', 'stringData']) {
    const mine = m.object[key];
    const theirs = other.object[key];
    const shown = out[key];
    if (!isMap(mine) || !isMap(shown)) continue;
    for (const name of Object.keys(mine)) {
      const changed = !isMap(theirs) || !Object.hasOwn(theirs, name) || theirs[name] !== mine[name];
      if (changed && shown[name] === REDACTED) shown[name] = `${REDACTED} (changed)`;
    }
  }
  return out;
}

/** A copy without the noise labels and annotations, at any depth (pod templates carry them too). */
function withoutNoise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutNoise(item));
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  const meta = key === 'labels' || key === 'annotations';
  for (const [k, child] of Object.entries(value)) {
    if (meta && isNoiseKey(k)) continue;
    setOwn(out, k, withoutNoise(child, k));
  }
  return out;
}

/** Objects past this many values have their unchanged subtrees folded (foldUnchanged). */
const LARGE_OBJECT_VALUES = 4000;

/**
 * A large object with more changed values than this is shown as its changed values by path: a line diff of a
 * schema regenerated all over costs seconds (Myers' diff grows with the changes times the length) and reads badly.
 */
const MAX_DIFFED_CHANGES = 50;

/** Marks a subtree both sides share. */
export const UNCHANGED = '<unchanged>';

function isLarge(object: unknown): boolean {
  let budget = LARGE_OBJECT_VALUES;
  const walk = (value: unknown): boolean => {
    if (--budget <= 0) return true;
    if (Array.isArray(value)) return value.some(walk);
    if (isMap(value)) return Object.values(value).some(walk);
    return false;
  };
  return walk(object);
}

/**
 * Copies of two objects in which every map or list both hold unchanged (noise aside) is replaced by UNCHANGED, in
 * one pass: the unified diff then shows the changed lines with their keys and folded neighbours as context.
 */
interface Folded {
  same: boolean;
  a: unknown;
  b: unknown;
  /** Values that differ (a key on one side only, a list of another length: one each). */
  changes: number;
}

function foldUnchanged(a: unknown, b: unknown, key?: string): Folded {
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const items = a.map((item, i) => foldUnchanged(item, b[i]));
    const changes = items.reduce((sum, item) => sum + item.changes, 0);
    if (items.every((item) => item.same)) return { same: true, a, b, changes };
    const keep = (item: Folded, side: 'a' | 'b') =>
      item.same && typeof item[side] === 'object' && item[side] !== null ? UNCHANGED : item[side];
    return {
      same: false,
      a: items.map((item) => keep(item, 'a')),
      b: items.map((item) => keep(item, 'b')),
      changes,
    };
  }
  if (isMap(a) && isMap(b)) {
    // noise labels and annotations count for nothing, as in sameButNoise
    const meta = key === 'labels' || key === 'annotations';
    let changes = 0;
    const outA: Record<string, unknown> = {};
    const outB: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const counts = !meta || !isNoiseKey(k);
      const inA = Object.hasOwn(a, k);
      const inB = Object.hasOwn(b, k);
      if (!inA || !inB) {
        if (counts) changes++;
        if (inA) setOwn(outA, k, a[k]);
        if (inB) setOwn(outB, k, b[k]);
        continue;
      }
      const child = foldUnchanged(a[k], b[k], k);
      if (counts) changes += child.changes;
      const folds = child.same && (Array.isArray(a[k]) || isMap(a[k]));
      setOwn(outA, k, folds ? UNCHANGED : child.a);
      setOwn(outB, k, folds ? UNCHANGED : child.b);
    }
    return changes === 0 ? { same: true, a, b, changes } : { same: false, a: outA, b: outB, changes };
  }
  const same = a === b;
  return { same, a, b, changes: same ? 0 : 1 };
}

/** Values listed by changedValuesSummary. */
const SUMMARY_VALUES = 40;

/**
 * The values two folded, redacted trees hold differently, as `-path: before` / `+path: after` lines under one
 * hunk-like header (the first SUMMARY_VALUES of them, in document order).
 */
function changedValuesSummary(a: unknown, b: unknown): string {
  const lines: string[] = [];
  let count = 0;
  const scalar = (value: unknown) =>
    value === undefined ? undefined : typeof value === 'string' ? value.replace(/\n/g, ' ') : JSON.stringify(value);
  const walk = (x: unknown, y: unknown, path: KeyPath) => {
    if (isMap(x) && isMap(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
        walk(ownValue(x, k), ownValue(y, k), [...path, k]);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      for (let i = 0; i < x.length; i++) walk(x[i], y[i], [...path, i]);
      return;
    }
    if (x === y || x === UNCHANGED || y === UNCHANGED) return;
    count++;
    if (count > SUMMARY_VALUES) return;
    const key = formatKeyPath(path);
    const shownBefore = scalar(x);
    const shownAfter = scalar(y);
    if (shownBefore !== undefined) lines.push(`-${key}: ${clip(shownBefore)}`);
    if (shownAfter !== undefined) lines.push(`+${key}: ${clip(shownAfter)}`);
  };
  walk(a, b, []);
  const shown = count > SUMMARY_VALUES ? `the first ${SUMMARY_VALUES}` : 'all of them';
  return [`@@ ${count} values changed, too many to diff line by line; ${shown} by path @@`, ...lines].join('\n');
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Deep equality of two parsed objects, the noise labels and annotations left out (as withoutNoise does). */
function sameButNoise(a: unknown, b: unknown, key?: string): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameButNoise(item, b[i]));
  }
  if (!isMap(a) || !isMap(b)) return false;
  const meta = key === 'labels' || key === 'annotations';
  const kept = (k: string) => !meta || !isNoiseKey(k);
  const keysA = Object.keys(a).filter(kept);
  const keysB = Object.keys(b).filter(kept);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(b, k) && sameButNoise(a[k], b[k], k));
}

// js-yaml's dump writes the same block YAML as `yaml`'s stringify for rendered objects (sorted keys, no folding of
// long lines, double quotes where quotes are needed) in under half the CPU: a bump serialises every changed object.
const DUMP_OPTIONS: DumpOptions = {
  sortKeys: true,
  noRefs: true,
  // a value YAML has no form for is left out rather than failing the report
  skipInvalid: true,
  schema: CORE_SCHEMA,
  lineWidth: -1,
  quotingType: '"',
  // YAML 1.2: `yes` and `on` are strings, written plain as `yaml` writes them
  noCompatMode: true,
};

function serialise(object: unknown): string {
  return dump(object, DUMP_OPTIONS);
}
