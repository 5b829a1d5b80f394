// "Did you mean": the likely new name of a values key the new chart dropped.
//
// Candidates are the keys the new defaults add. Evidence, strongest first:
// 1. a prefix rename learned from the whole diff: many removed `master.*` and added `primary.*` keys with identical
//    suffixes mean master -> primary, so `master.persistence.size` -> `primary.persistence.size`;
// 2. token similarity of the whole path (camelCase words, plurals folded, "user" ~ "username"), also after applying
//    the learned prefix rename (`slave.replicas` -> `secondary.replicaCount`);
// 3. similarity of the last segment, and an identical non-trivial default value.
// Removed and added keys are paired one-to-one, best pairs first, so two old keys never get the same suggestion
// (`db.password` takes `auth.password`, leaving `auth.rootPassword` for `rootUser.password`).
// A suggestion is only made above a confidence threshold; no suggestion beats a wrong one.
import { deepEqual, diffDefaults } from './defaults-diff.js';
import {
  formatKeyPath,
  getAt,
  hasAt,
  isMap,
  type KeyPath,
  parseKeyPath,
  type ValueType,
  valueType,
} from './key-path.js';

/** Minimum score for a suggestion (1 = same path after a learned prefix rename). */
export const SUGGESTION_THRESHOLD = 0.6;

/**
 * The likely replacement of a removed override key, in --set notation, or undefined when not confident. `suggestions`:
 * the pair's renameSuggestions, when the caller keeps them (ChartContext.renameSuggestions, once per bump).
 */
export function didYouMean(
  path: KeyPath,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  suggestions: ReadonlyMap<string, KeyPath> = renameSuggestions(before, after),
): string | undefined {
  // The deepest key of the path the old defaults had: keys below it (free-form entries) carry over unchanged.
  let anchor = path.length;
  while (anchor > 0 && !hasAt(before, path.slice(0, anchor))) anchor--;
  if (anchor === 0) return undefined;
  const renamed = suggestions.get(formatKeyPath(path.slice(0, anchor)));
  if (!renamed) return undefined;
  return formatKeyPath([...renamed, ...path.slice(anchor)]);
}

/** Removed key (formatted) -> its likely new key, for a pair of default trees. */
export function renameSuggestions(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Map<string, KeyPath> {
  return computeSuggestions(before, after);
}

interface Key {
  path: KeyPath;
  text: string;
  /** Words of each segment. */
  segments: string[][];
  tokens: string[];
  /** Single-word segments, and the initials of multi-word segments ("podDisruptionBudget" -> "pdb"). */
  singles: Set<string>;
  acronyms: Set<string>;
  lastTokens: string[];
  last: string;
  type: ValueType;
  value: unknown;
}

function computeSuggestions(before: Record<string, unknown>, after: Record<string, unknown>): Map<string, KeyPath> {
  const diff = diffDefaults(before, after);
  const removedLeaves = diff.removed.map(parseKeyPath);
  const addedLeaves = diff.added.map(parseKeyPath);
  const removed = withGoneMaps(removedLeaves, before, after).map((p) => key(p, before));
  const added = withGoneMaps(addedLeaves, after, before).map((p) => key(p, after));
  const result = new Map<string, KeyPath>();
  if (removed.length === 0 || added.length === 0) return result;

  const renames = learnPrefixRenames(removedLeaves, addedLeaves);
  const addedByText = new Map(added.map((k) => [k.text, k]));
  const index = new Map<string, Key[]>();
  for (const k of added) {
    for (const t of new Set(k.tokens.map(indexToken))) {
      const list = index.get(t) ?? [];
      list.push(k);
      index.set(t, list);
    }
  }

  interface Pair {
    from: Key;
    to: Key;
    score: number;
    raw: number;
  }
  const pairs: Pair[] = [];
  for (const r of removed) {
    const translated = translate(r.path, renames);
    const translatedKey = translated && key(translated, before);
    const exact = translated && addedByText.get(formatKeyPath(translated));
    const candidates = new Set<Key>();
    for (const t of [...r.tokens, ...(translatedKey?.tokens ?? [])]) {
      for (const s of [t, ...(SYNONYMS[t] ?? [])]) for (const c of index.get(indexToken(s)) ?? []) candidates.add(c);
    }
    if (exact) candidates.add(exact);
    // A map folded into a scalar: `master.updateStrategy.type` -> `primary.updateStrategy`.
    const folded = translated && translated.length > 1 && addedByText.get(formatKeyPath(translated.slice(0, -1)));
    const flattened = folded && folded.type !== 'map' ? folded : undefined;
    if (flattened) candidates.add(flattened);
    for (const c of candidates) {
      // A changed type is a weaker sign (`extraEnvFromSecret: ""` became `extraEnvFrom: []`), not a veto.
      const typePenalty = r.type !== c.type && r.type !== 'null' && c.type !== 'null' ? 0.1 : 0;
      const raw = similarity(r, c) - typePenalty;
      let score = Math.max(raw, translatedKey ? similarity(translatedKey, c) - typePenalty : 0);
      if (c === exact) score = 0.95;
      else if (c === flattened) score = Math.max(score, 0.9);
      // A shared last word alone (`foo.enabled` vs `bar.enabled`) is no evidence: the keys must also sit in the
      // same map, or their maps must share a word.
      else if (!related(r, c) && !(translatedKey && related(translatedKey, c))) continue;
      if (meaningful(r.value) && deepEqual(r.value, c.value)) score += 0.05;
      if (score >= SUGGESTION_THRESHOLD) pairs.push({ from: r, to: c, score, raw });
    }
  }
  pairs.sort(
    (a, b) => b.score - a.score || b.raw - a.raw || compare(a.from.text, b.from.text) || compare(a.to.text, b.to.text),
  );
  const taken = new Set<Key>();
  for (const pair of pairs) {
    if (result.has(pair.from.text) || taken.has(pair.to)) continue;
    result.set(pair.from.text, pair.to.path);
    taken.add(pair.to);
  }
  return result;
}

/** Leaves plus the maps above them that the other side does not have at all (`master` when all of it is gone). */
function withGoneMaps(leaves: KeyPath[], tree: Record<string, unknown>, other: Record<string, unknown>): KeyPath[] {
  const seen = new Set(leaves.map(formatKeyPath));
  const out = [...leaves];
  for (const leaf of leaves) {
    for (let i = 1; i < leaf.length; i++) {
      const prefix = leaf.slice(0, i);
      const text = formatKeyPath(prefix);
      if (seen.has(text) || hasAt(other, prefix) || !isMap(getAt(tree, prefix))) continue;
      seen.add(text);
      out.push(prefix);
    }
  }
  return out;
}

function key(path: KeyPath, tree: Record<string, unknown>): Key {
  const value = getAt(tree, path);
  const last = String(path[path.length - 1]);
  const segments = path.map((s) => words(String(s)));
  return {
    path,
    text: formatKeyPath(path),
    segments,
    tokens: segments.flat(),
    singles: new Set(segments.filter((w) => w.length === 1).map((w) => w[0])),
    acronyms: new Set(segments.filter((w) => w.length > 1).map(initials)),
    lastTokens: segments[segments.length - 1],
    last: last.toLowerCase(),
    type: valueType(value),
    value,
  };
}

// ---------- learned prefix renames ----------

/**
 * `from` prefix -> `to` prefix, learned from removed/added leaves that share their longest common suffix.
 * A rename needs two or more distinct suffixes and must beat every other target of the same prefix (ties are
 * settled by how alike the prefix names are; an unsettled tie teaches nothing).
 */
function learnPrefixRenames(removed: KeyPath[], added: KeyPath[]): Map<string, KeyPath> {
  const addedByLast = new Map<string, KeyPath[]>();
  for (const a of added) {
    const last = String(a[a.length - 1]);
    const list = addedByLast.get(last) ?? [];
    list.push(a);
    addedByLast.set(last, list);
  }
  const support = new Map<string, Map<string, { to: KeyPath; suffixes: Set<string> }>>();
  for (const r of removed) {
    for (const a of addedByLast.get(String(r[r.length - 1])) ?? []) {
      let k = 1;
      while (k < r.length && k < a.length && r[r.length - 1 - k] === a[a.length - 1 - k]) k++;
      const from = r.slice(0, r.length - k);
      const to = a.slice(0, a.length - k);
      if (from.length === 0 && to.length === 0) continue;
      const fromText = formatKeyPath(from);
      const targets = support.get(fromText) ?? new Map();
      support.set(fromText, targets);
      const toText = formatKeyPath(to);
      const entry = targets.get(toText) ?? { to, suffixes: new Set<string>() };
      entry.suffixes.add(formatKeyPath(r.slice(r.length - k)));
      targets.set(toText, entry);
    }
  }
  const renames = new Map<string, KeyPath>();
  for (const [fromText, targets] of support) {
    if (fromText === '') continue;
    const fromWords = words(fromText);
    const ranked = [...targets.values()]
      .filter((t) => t.suffixes.size >= 2)
      .map((t) => ({
        ...t,
        likeness: dice(
          fromWords,
          t.to.flatMap((s) => words(String(s))),
        ),
      }))
      .sort((a, b) => b.suffixes.size - a.suffixes.size || b.likeness - a.likeness);
    const [best, second] = ranked;
    if (!best) continue;
    if (second && second.suffixes.size === best.suffixes.size && second.likeness === best.likeness) continue;
    renames.set(fromText, best.to);
  }
  return renames;
}

/** Applies the rename of the longest renamed prefix of a path. */
function translate(path: KeyPath, renames: Map<string, KeyPath>): KeyPath | undefined {
  for (let i = path.length - 1; i >= 1; i--) {
    const to = renames.get(formatKeyPath(path.slice(0, i)));
    if (to) return [...to, ...path.slice(i)];
  }
  return undefined;
}

// ---------- similarity ----------

// Renames the whole ecosystem made (Bitnami's master/slave -> primary/secondary, allow/deny lists).
const SYNONYMS: Record<string, string[]> = {
  master: ['primary'],
  primary: ['master'],
  slave: ['secondary', 'replica'],
  secondary: ['slave'],
  replica: ['slave'],
  whitelist: ['allowlist'],
  allowlist: ['whitelist'],
  blacklist: ['denylist'],
  denylist: ['blacklist'],
  // Bitnami's switch flags: podDisruptionBudget.enabled -> pdb.create, serviceAccount.enabled -> create.
  enabled: ['create'],
  create: ['enabled'],
};

function related(a: Key, b: Key): boolean {
  const parentA = a.segments.slice(0, -1);
  const parentB = b.segments.slice(0, -1);
  if (formatKeyPath(a.path.slice(0, -1)) === formatKeyPath(b.path.slice(0, -1))) return true;
  const wordsB = [...parentB.flat(), ...b.lastTokens];
  return parentA.flat().some((w) => wordsB.some((o) => sameWord(w, o)));
}

/** 0..1: whole-path words weigh most (which thing it is), the last segment next (which setting of it). */
function similarity(a: Key, b: Key): number {
  const path = dice(withAcronyms(a, b), withAcronyms(b, a));
  let last = dice(a.lastTokens, b.lastTokens);
  // The edit distance only matters when it can lift the score over the threshold.
  if (last < 1 && 0.7 * path + 0.3 >= SUGGESTION_THRESHOLD - 0.05) {
    last = Math.max(last, 1 - levenshtein(a.last, b.last) / Math.max(a.last.length, b.last.length));
  }
  return 0.7 * path + 0.3 * last;
}

/** Words of a path, with a multi-word segment folded to its initials where the other path uses them as a key. */
function withAcronyms(a: Key, b: Key): string[] {
  if (a.acronyms.size === 0 || ![...a.acronyms].some((x) => b.singles.has(x))) return a.tokens;
  return a.segments.flatMap((segment) => {
    if (segment.length < 2) return segment;
    const acronym = initials(segment);
    return b.singles.has(acronym) ? [acronym] : segment;
  });
}

function initials(segmentWords: string[]): string {
  return segmentWords.map((w) => w[0]).join('');
}

/** Dice coefficient over words, matching each word at most once. */
function dice(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 0;
  const free = [...b];
  let matches = 0;
  for (const word of a) {
    const i = free.findIndex((other) => sameWord(word, other));
    if (i >= 0) {
      matches++;
      free.splice(i, 1);
    }
  }
  return (2 * matches) / (a.length + b.length);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (SYNONYMS[a]?.includes(b)) return true;
  // "user" ~ "username", "config" ~ "configuration": one word extends the other.
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}

/** camelCase / snake / kebab words, lower-cased, plurals folded ("replicas" -> "replica"). */
function words(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => {
      const lower = w.toLowerCase();
      return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
    });
}

function indexToken(word: string): string {
  return word.slice(0, 4);
}

let row = new Uint16Array(64);

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (row.length <= b.length) row = new Uint16Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** A default worth matching on: not empty, not a plain boolean or zero. */
function meaningful(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A spelling fix for a key no version knows: the sibling key (same parent in the defaults) closest by edit distance,
 * when the distance is small for the key's length (`replicaCont` -> `replicaCount`, not `image` -> `name`).
 */
export function typoSuggestion(path: KeyPath, defaults: Record<string, unknown>): string | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? defaults : getAt(defaults, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const limit = last.length >= 8 ? 2 : 1;
  const wanted = last.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const sibling of Object.keys(parent)) {
    if (sibling === last) continue;
    const distance = boundedDistance(sibling.toLowerCase(), wanted, best ? best.distance - 1 : limit);
    if (distance !== undefined) best = { key: sibling, distance };
  }
  return best ? formatKeyPath([...path.slice(0, -1), best.key]) : undefined;
}

/**
 * The edit distance of a and b when it is at most `limit`, else undefined. Only the diagonal band |i - j| <= limit
 * can stay within the limit, so the cost is linear in the length, not quadratic: an override file with 130k unknown
 * keys checks each against every sibling default (130k x 60 full matrices took 80 s).
 */
let bandRows = [new Uint16Array(64), new Uint16Array(64)];

function boundedDistance(a: string, b: string, limit: number): number | undefined {
  if (limit < 0 || Math.abs(a.length - b.length) > limit) return undefined;
  if (a === b) return 0;
  const width = b.length + 1;
  const outside = limit + 1; // any cell outside the band counts as "too far"
  if (bandRows[0].length < width) bandRows = [new Uint16Array(width * 2), new Uint16Array(width * 2)];
  let [previous, current] = bandRows;
  previous.fill(outside, 0, width);
  for (let j = 0; j <= Math.min(limit, b.length); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(outside, 0, width);
    const from = Math.max(0, i - limit);
    const to = Math.min(b.length, i + limit);
    if (from === 0) current[0] = i;
    let rowMin = from === 0 ? i : outside;
    for (let j = Math.max(1, from); j <= to; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, outside);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return undefined; // every path through this row already costs more
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= limit ? previous[b.length] : undefined;
}
