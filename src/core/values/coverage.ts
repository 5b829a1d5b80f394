// Override coverage: does the chart still use each override key? Helm ignores values no template reads, so a key
// that the new chart no longer knows is silently dropped on `helm upgrade` (no error, no warning).
//
// No false positives is the priority: a key is accepted when anything suggests the chart uses it —
// (a) it is in the new defaults; (b) it sits below a default that is an empty map or null (a free-form slot);
// (c) it sits below a configured free-form key (annotations, labels...); (d) the new values.schema.json declares it or
// allows it through additionalProperties/patternProperties; (e) a template reads it, a prefix of it (the map is passed
// whole, e.g. to toYaml), or something below it; (f) list items are never checked: the list key is the key.
//
// Two of these are weak evidence: a free-form name where the chart has no such map at that path (only the map
// holding it), and a template that reads only a proper prefix of the key (a map passed whole to a helper, or a
// `with`/`range` scope whose inner reads are not followed). Such keys are `weak`: the pipeline renders the head
// without them (render/ignored-keys.ts) and a key whose removal leaves the render identical is reported after all
// (ChartContext.ignoredKeyProof). Without that proof (no helm, render failed, cap reached) they stay accepted.
import type { OverrideFile, OverrideKey } from '../model/model.js';
import type { IgnoredKeyProof } from './ignored-key-search.js';
import { formatKeyPath, getAt, hasAt, isMap, type KeyPath, ownValue, type ValueType, valueType } from './key-path.js';

/** What coverage needs of one side of a chart (a LoadedChart fits). */
export interface ValuesView {
  defaults: Record<string, unknown>;
  schema?: unknown;
  templateReads: readonly KeyPath[];
}

export interface CoverageOptions {
  /** Last key segments below which any key is accepted (Config.freeFormKeys). */
  freeFormKeys: readonly string[];
  /** Indexes worked out once per chart side (coverageMemo); a fresh one per classifyOverrides call when absent. */
  memo?: CoverageMemo;
}

/**
 * What coverage works out once and reuses across keys: each side's template-read index and the schema's compiled
 * patternProperties. Made per chart bump (BumpFacts) and shared by the contexts of its environments (the ignored-key
 * proof, run before them, makes its own), never kept by the module.
 */
export interface CoverageMemo {
  readIndex(view: ValuesView): ReadIndex;
  regExp(pattern: string): RegExp | null;
}

export function coverageMemo(): CoverageMemo {
  const indexes = new WeakMap<readonly KeyPath[], ReadIndex>();
  const patterns = new Map<string, RegExp | null>();
  return {
    readIndex(view) {
      let index = indexes.get(view.templateReads);
      if (!index) {
        index = buildReadIndex(view.templateReads);
        indexes.set(view.templateReads, index);
      }
      return index;
    },
    regExp(pattern) {
      if (!patterns.has(pattern)) patterns.set(pattern, safeRegExp(pattern));
      return patterns.get(pattern) ?? null;
    },
  };
}

export type CoverageStatus = 'ok' | 'removed' | 'unknown' | 'type-changed';

export type AcceptReason = 'default' | 'free-form-default' | 'free-form-key' | 'schema' | 'template-read';

export interface TypeChange {
  /** The key whose default changed type (the override key itself or a map above it). */
  at: KeyPath;
  before: Exclude<ValueType, 'null'>;
  after: Exclude<ValueType, 'null'>;
  /** How the override uses the key. */
  override: Exclude<ValueType, 'null'>;
}

export interface KeyCoverage {
  key: OverrideKey;
  /** The path that was checked: the override path cut at its first list index. */
  path: KeyPath;
  status: CoverageStatus;
  /** Why the new chart accepts the key (status ok). */
  acceptedBy?: AcceptReason;
  /** Accepted only on weak evidence (see the header): a candidate for the render proof. */
  weak?: boolean;
  /** Weakly accepted, and rendering the head without it gave the same manifests: Helm ignores it. */
  provenIgnored?: boolean;
  /** For removed keys: the old default at the key (or at the deepest old key above it). */
  oldDefault?: unknown;
  typeChange?: TypeChange;
}

/** Classifies every key; `before` is the old chart (undefined for an added chart or a whole-repo lint). */
export function classifyOverrides(
  keys: readonly OverrideKey[],
  after: ValuesView,
  before: ValuesView | undefined,
  options: CoverageOptions,
): KeyCoverage[] {
  const withMemo = options.memo ? options : { ...options, memo: coverageMemo() };
  return keys.map((key) => classifyOverride(key, after, before, withMemo));
}

export function classifyOverride(
  key: OverrideKey,
  after: ValuesView,
  before: ValuesView | undefined,
  options: CoverageOptions,
): KeyCoverage {
  const path = checkedPath(key.path);
  const result: KeyCoverage = { key, path, status: 'ok' };
  if (path.length === 0) return result;

  if (before) {
    // A list index in the key means the override uses the key as a list; a template expression may render any type.
    const value = path.length < key.path.length ? [] : isTemplated(key.value) ? null : key.value;
    const typeChange = findTypeChange(path, value, before, after);
    if (typeChange) return { ...result, status: 'type-changed', typeChange };
  }
  const accepted = acceptanceOf(path, after, options);
  if (accepted) return { ...result, acceptedBy: accepted.reason, ...(accepted.weak ? { weak: true } : {}) };
  if (before && acceptance(path, before, options)) {
    return { ...result, status: 'removed', oldDefault: oldDefaultAt(before.defaults, path) };
  }
  return { ...result, status: 'unknown' };
}

/** Override files may be templates rendered by a deploy pipeline: `{{ ... }}` / `{% ... %}` values are opaque. */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && /\{\{|\{%/.test(value);
}

/** List items are never checked (f): `a.b[0].c` is checked as `a.b`. */
function checkedPath(path: KeyPath): KeyPath {
  const index = path.findIndex((s) => typeof s === 'number');
  return index < 0 ? [...path] : path.slice(0, index);
}

/** Why a chart side accepts a key, or undefined. */
export function acceptance(path: KeyPath, view: ValuesView, options: CoverageOptions): AcceptReason | undefined {
  return acceptanceOf(path, view, options)?.reason;
}

export interface Acceptance {
  reason: AcceptReason;
  /** Only weak evidence (see the header): the strongest reason found is still weak. */
  weak: boolean;
}

/** The strongest reason a chart side accepts a key, or undefined. */
export function acceptanceOf(path: KeyPath, view: ValuesView, options: CoverageOptions): Acceptance | undefined {
  if (hasAt(view.defaults, path)) return { reason: 'default', weak: false };
  // (b) below an empty map or null default: the chart takes any key there.
  let node: unknown = view.defaults;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isMap(node)) break;
    node = ownValue(node, String(path[i]));
    if (node === null || (isMap(node) && Object.keys(node).length === 0)) {
      return { reason: 'free-form-default', weak: false };
    }
  }
  const memo = options.memo ?? coverageMemo();
  if (view.schema !== undefined && schemaAccepts(view.schema, path, memo)) return { reason: 'schema', weak: false };
  const reads = memo.readIndex(view);
  if (reads.readsAtOrBelow(path)) return { reason: 'template-read', weak: false };
  // (c) below a configured free-form key. Strong only where the defaults or the schema have that map at that path;
  // weak where only the map holding it exists or a template reads the free-form key itself
  // (`master.nodeSelector.x` is not accepted at all once `master` itself is gone).
  const freeForm = new Set(options.freeFormKeys);
  let weakFreeForm = false;
  for (let i = 0; i < path.length - 1; i++) {
    if (!freeForm.has(String(path[i]))) continue;
    const key = path.slice(0, i + 1);
    if (hasAt(view.defaults, key) || (view.schema !== undefined && schemaAccepts(view.schema, key, memo))) {
      return { reason: 'free-form-key', weak: false };
    }
    if (isMap(getAt(view.defaults, key.slice(0, -1))) || reads.accepts(key)) weakFreeForm = true;
  }
  if (reads.readsAbove(path)) return { reason: 'template-read', weak: true };
  if (weakFreeForm) return { reason: 'free-form-key', weak: true };
  return undefined;
}

// ---------- type changes ----------

function findTypeChange(path: KeyPath, value: unknown, before: ValuesView, after: ValuesView): TypeChange | undefined {
  // Every key above the override is used as a map by it.
  for (let i = 1; i < path.length; i++) {
    const change = typeChangeAt(path.slice(0, i), 'map', before, after);
    if (change) return change;
  }
  const used = valueType(value);
  if (used === 'null') return undefined; // a null override deletes the key: any type
  return typeChangeAt(path, used, before, after);
}

function typeChangeAt(
  at: KeyPath,
  used: Exclude<ValueType, 'null'>,
  before: ValuesView,
  after: ValuesView,
): TypeChange | undefined {
  const oldType = valueType(getAt(before.defaults, at));
  const newType = valueType(getAt(after.defaults, at));
  // null/absent defaults say nothing about the expected type.
  if (oldType === 'null' || newType === 'null' || oldType === newType) return undefined;
  if (used === newType) return undefined; // the override already has the new shape
  return { at, before: oldType, after: newType, override: used };
}

function oldDefaultAt(defaults: Record<string, unknown>, path: KeyPath): unknown {
  for (let i = path.length; i > 0; i--) {
    if (hasAt(defaults, path.slice(0, i))) return getAt(defaults, path.slice(0, i));
  }
  return undefined;
}

// ---------- values.schema.json ----------

/**
 * True when the schema declares the key (properties all the way down) or opens a free-form map above it
 * (additionalProperties true or a schema, or a matching patternProperties). An absent additionalProperties is
 * not counted: JSON Schema allows any key by default, so that would accept everything.
 */
export function schemaAccepts(schema: unknown, path: KeyPath, memo: CoverageMemo = coverageMemo()): boolean {
  return walkSchema(schema, schema, path, 0, memo);
}

function walkSchema(root: unknown, node: unknown, path: KeyPath, depth: number, memo: CoverageMemo): boolean {
  const resolved = resolveRef(root, node);
  if (!isMap(resolved) || depth > 64) return false;
  if (path.length === 0) return true;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = resolved[keyword];
    if (Array.isArray(branches) && branches.some((b) => walkSchema(root, b, path, depth + 1, memo))) return true;
  }
  for (const keyword of ['then', 'else']) {
    if (resolved[keyword] !== undefined && walkSchema(root, resolved[keyword], path, depth + 1, memo)) return true;
  }
  const [segment, ...rest] = path;
  const key = String(segment);
  const properties = resolved.properties;
  if (isMap(properties) && Object.hasOwn(properties, key)) {
    if (walkSchema(root, properties[key], rest, depth + 1, memo)) return true;
  }
  const patterns = resolved.patternProperties;
  if (isMap(patterns)) {
    for (const pattern of Object.keys(patterns)) {
      if (memo.regExp(pattern)?.test(key)) return true;
    }
  }
  const additional = resolved.additionalProperties;
  return additional === true || isMap(additional);
}

function resolveRef(root: unknown, node: unknown, seen = 0): unknown {
  if (!isMap(node) || typeof node.$ref !== 'string' || seen > 16) return node;
  const ref = node.$ref;
  if (!ref.startsWith('#')) return node;
  const pointer = ref.slice(1).split('/').slice(1);
  let target: unknown = root;
  for (const part of pointer) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isMap(target) ? ownValue(target, key) : undefined;
  }
  return resolveRef(root, target, seen + 1);
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

// ---------- template reads ----------

export interface ReadIndex {
  /** A template reads the key itself or something below it. */
  readsAtOrBelow(path: KeyPath): boolean;
  /** A template reads a proper prefix of the key (a map passed whole, a `with`/`range` scope). */
  readsAbove(path: KeyPath): boolean;
  accepts(path: KeyPath): boolean;
}

/** Reads indexed once per chart side: the exact reads, and every prefix of a read. */
function buildReadIndex(templateReads: readonly KeyPath[]): ReadIndex {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const read of templateReads) {
    exact.add(formatKeyPath(read));
    for (let i = 1; i <= read.length; i++) prefixes.add(formatKeyPath(read.slice(0, i)));
  }
  const readsAtOrBelow = (path: KeyPath) => prefixes.has(formatKeyPath(path));
  const readsAbove = (path: KeyPath) => {
    for (let i = 1; i < path.length; i++) if (exact.has(formatKeyPath(path.slice(0, i)))) return true;
    return false;
  };
  return {
    readsAtOrBelow,
    readsAbove,
    // The override is read whole or below a read (a.b read, a.b.c set), or a template reads below it.
    accepts: (path) => readsAtOrBelow(path) || readsAbove(path),
  };
}

// ---------- one chart's overrides, shared by the override-* rules ----------

/** What the override rules know of a chart change (ChartInputs fits). */
export interface OverrideScope {
  base?: ValuesView;
  head?: ValuesView;
  overrides: readonly OverrideFile[];
  codeSet: readonly OverrideKey[];
  config: { freeFormKeys: readonly string[] };
  /** Set once the pipeline rendered the head without the weakly accepted keys. */
  ignoredKeyProof?: IgnoredKeyProof;
}

/**
 * Coverage of every override key of the head-side override files and of the config's code-set keys (both are
 * checked the same way). Empty without a head chart. Worked out once per chart context (ChartContext.coverage).
 */
export function overrideCoverage(scope: OverrideScope, memo: CoverageMemo = coverageMemo()): KeyCoverage[] {
  const head = scope.head;
  const keys = [...scope.overrides.flatMap((f) => f.keys), ...scope.codeSet];
  const options = { freeFormKeys: scope.config.freeFormKeys, memo };
  const coverage = head ? classifyOverrides(keys, head, scope.base, options) : [];
  const proof = scope.ignoredKeyProof;
  if (!proof || proof.ignored.length === 0) return coverage;
  const ignored = new Set(proof.ignored);
  return coverage.map((c) => applyProof(c, ignored, scope.base, options));
}

/**
 * A weakly accepted key the render proof found ignored becomes removed (the old chart accepted it on strong evidence:
 * its defaults, schema or a template reading it) or unknown.
 */
function applyProof(
  coverage: KeyCoverage,
  ignored: ReadonlySet<string>,
  before: ValuesView | undefined,
  options: CoverageOptions,
): KeyCoverage {
  if (coverage.status !== 'ok' || !coverage.weak || !ignored.has(formatKeyPath(coverage.path))) return coverage;
  const { acceptedBy: _accepted, weak: _weak, ...rest } = coverage;
  const old = before ? acceptanceOf(coverage.path, before, options) : undefined;
  return before && old && !old.weak
    ? { ...rest, status: 'removed', provenIgnored: true, oldDefault: oldDefaultAt(before.defaults, coverage.path) }
    : { ...rest, status: 'unknown', provenIgnored: true };
}
