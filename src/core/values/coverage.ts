// Override coverage: does the chart still use each override key? Helm ignores values no template reads, so a key
// that the new chart no longer knows is silently dropped on `helm upgrade` (no error, no warning).
//
// A key counts as read when anything suggests the chart uses it: (a) it is in the new defaults; (b) it sits below a
// default that is an empty map or null (a free-form slot); (c) it sits below a configured free-form key (annotations,
// labels...) that the chart has at that path; (d) a template reads it, a prefix of it (the map is passed whole, e.g.
// to toYaml), or something below it, counting the string defaults the chart passes through `tpl`
// (repo/template-reads.ts); (e) list items are never checked: the list key is the key. values.schema.json is never
// evidence: a schema documents keys, and a stale one still lists keys no template reads (postgresql 12's
// `persistence.size`).
//
// Two verdicts rest on weak evidence and the render proof may overturn them (ChartContext.ignoredKeyProof): a key a
// template reads only through a proper prefix (a map passed whole to a helper, a `with`/`range` scope whose inner
// reads are not followed) is accepted unless rendering the head without it gives the same manifests; a key below a
// free-form name where the chart has no such map, and that no template reads, is reported unless rendering without
// it changes the manifests. Without a proof (no helm, rendering off, render failed, cap reached) each keeps its
// static verdict, so keys nothing reads are reported with or without helm.
import type { OverrideFile, OverrideKey } from '../model/model.js';
import type { IgnoredKeyProof } from './ignored-key-search.js';
import { formatKeyPath, getAt, hasAt, isMap, type KeyPath, ownValue, type ValueType, valueType } from './key-path.js';

/** What coverage needs of one side of a chart (a LoadedChart fits). */
export interface ValuesView {
  defaults: Record<string, unknown>;
  /** Template reads, the reads of the string defaults it passes through `tpl` included. */
  templateReads: readonly KeyPath[];
}

export interface CoverageOptions {
  /** Last key segments below which any key is accepted (Config.freeFormKeys). */
  freeFormKeys: readonly string[];
  /** Indexes worked out once per chart side (coverageMemo); a fresh one per classifyOverrides call when absent. */
  memo?: CoverageMemo;
}

/**
 * What coverage works out once and reuses across keys: each side's template-read index. Made per chart bump
 * (BumpFacts) and shared by the contexts of its environments (the ignored-key proof, run before them, makes its own),
 * never kept by the module.
 */
export interface CoverageMemo {
  readIndex(view: ValuesView): ReadIndex;
}

export function coverageMemo(): CoverageMemo {
  const indexes = new WeakMap<readonly KeyPath[], ReadIndex>();
  return {
    readIndex(view) {
      let index = indexes.get(view.templateReads);
      if (!index) {
        index = buildReadIndex(view.templateReads);
        indexes.set(view.templateReads, index);
      }
      return index;
    },
  };
}

export type CoverageStatus = 'ok' | 'removed' | 'unknown' | 'type-changed';

/** Why a key counts as read; `render-proof`: rendering the head without it (or with another value) changed the manifests. */
export type AcceptReason = 'default' | 'free-form-default' | 'free-form-key' | 'template-read' | 'render-proof';

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
  /**
   * The verdict rests on weak evidence (see the header), a candidate for the render proof: an accepted key read only
   * through a map above it, or a removed/unknown key below a free-form name that nothing reads.
   */
  weak?: boolean;
  /** Rendering the head without it gave the same manifests: Helm ignores it. */
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
  if (accepted && accepted.evidence !== 'unread') {
    return { ...result, acceptedBy: accepted.reason, ...(accepted.evidence === 'read-above' ? { weak: true } : {}) };
  }
  // nothing reads it; only a free-form name may vouch for it, which the render proof alone can confirm
  const weak = accepted ? { weak: true } : {};
  if (before && acceptance(path, before, options)) {
    return { ...result, status: 'removed', ...weak, oldDefault: oldDefaultAt(before.defaults, path) };
  }
  return { ...result, status: 'unknown', ...weak };
}

/** Override files may be templates rendered by a deploy pipeline: `{{ ... }}` / `{% ... %}` values are opaque. */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && /\{\{|\{%/.test(value);
}

/** List items are never checked (e): `a.b[0].c` is checked as `a.b`. */
function checkedPath(path: KeyPath): KeyPath {
  const index = path.findIndex((s) => typeof s === 'number');
  return index < 0 ? [...path] : path.slice(0, index);
}

/** Why a chart side reads a key (a key only a free-form name vouches for is not read), or undefined. */
export function acceptance(path: KeyPath, view: ValuesView, options: CoverageOptions): AcceptReason | undefined {
  const accepted = acceptanceOf(path, view, options);
  return accepted?.evidence === 'unread' ? undefined : accepted?.reason;
}

export interface Acceptance {
  reason: AcceptReason;
  /**
   * The strongest evidence found (see the header): `strong`; `read-above`, a template reads only a map above the key;
   * `unread`, only a free-form name vouches for it and no template reads it.
   */
  evidence: 'strong' | 'read-above' | 'unread';
}

/** The strongest reason a chart side accepts a key, or undefined. */
export function acceptanceOf(path: KeyPath, view: ValuesView, options: CoverageOptions): Acceptance | undefined {
  if (hasAt(view.defaults, path)) return { reason: 'default', evidence: 'strong' };
  // (b) below an empty map or null default: the chart takes any key there.
  let node: unknown = view.defaults;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isMap(node)) break;
    node = ownValue(node, String(path[i]));
    if (node === null || (isMap(node) && Object.keys(node).length === 0)) {
      return { reason: 'free-form-default', evidence: 'strong' };
    }
  }
  const memo = options.memo ?? coverageMemo();
  const reads = memo.readIndex(view);
  if (reads.readsAtOrBelow(path)) return { reason: 'template-read', evidence: 'strong' };
  // (c) below a configured free-form key. Strong only where the defaults have that map at that path; unread where
  // only the map holding it exists (`master.nodeSelector.x` is not accepted at all once `master` itself is gone).
  const freeForm = new Set(options.freeFormKeys);
  let unreadFreeForm = false;
  for (let i = 0; i < path.length - 1; i++) {
    if (!freeForm.has(String(path[i]))) continue;
    const key = path.slice(0, i + 1);
    if (hasAt(view.defaults, key)) return { reason: 'free-form-key', evidence: 'strong' };
    if (isMap(getAt(view.defaults, key.slice(0, -1))) || reads.readsAtOrBelow(key)) unreadFreeForm = true;
  }
  if (reads.readsAbove(path)) return { reason: 'template-read', evidence: 'read-above' };
  if (unreadFreeForm) return { reason: 'free-form-key', evidence: 'unread' };
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

// ---------- template reads ----------

export interface ReadIndex {
  /** A template reads the key itself or something below it. */
  readsAtOrBelow(path: KeyPath): boolean;
  /** A template reads a proper prefix of the key (a map passed whole, a `with`/`range` scope). */
  readsAbove(path: KeyPath): boolean;
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
  return { readsAtOrBelow, readsAbove };
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
  if (!proof || proof.ignored.length + proof.used.length === 0) return coverage;
  const ignored = new Set(proof.ignored);
  const used = new Set(proof.used);
  return coverage.map((c) => applyProof(c, ignored, used, scope.base, options));
}

/**
 * The render proof overturns weak verdicts only. An accepted key it found ignored becomes removed (the old chart read
 * it on strong evidence: its defaults or a template reading it) or unknown; a key nothing seemed to read, found
 * ignored, keeps its verdict with the proof as evidence; found used (removing it or changing it changed the render),
 * it is accepted.
 */
function applyProof(
  coverage: KeyCoverage,
  ignored: ReadonlySet<string>,
  used: ReadonlySet<string>,
  before: ValuesView | undefined,
  options: CoverageOptions,
): KeyCoverage {
  if (!coverage.weak) return coverage;
  const key = formatKeyPath(coverage.path);
  const { acceptedBy: _accepted, weak: _weak, oldDefault: _old, ...rest } = coverage;
  if (coverage.status !== 'ok') {
    if (used.has(key)) return { ...rest, status: 'ok', acceptedBy: 'render-proof' };
    return ignored.has(key) ? { ...coverage, provenIgnored: true } : coverage;
  }
  if (!ignored.has(key)) return coverage;
  const old = before ? acceptanceOf(coverage.path, before, options) : undefined;
  return before && old?.evidence === 'strong'
    ? { ...rest, status: 'removed', provenIgnored: true, oldDefault: oldDefaultAt(before.defaults, coverage.path) }
    : { ...rest, status: 'unknown', provenIgnored: true };
}
