// The lockfile's YAML as written: every item's keys with their lines, which the model (model.ts) drops but
// validation needs (unknown keys, keys set twice, values that are not single strings).
import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { readYaml } from '../input/yaml-input.js';
import type { InputProblem } from '../model/model.js';

export interface RawField {
  /** Undefined when the value is empty, null or not a single value. */
  value?: string;
  keyLine: number;
  /** Set when the value is a list or map: helm-freeze reads every value as a string. */
  notScalar?: 'list' | 'map';
}

/** One item of a section as written: its keys in order, with lines (what the model drops). */
export interface RawItem {
  line: number;
  fields: Map<string, RawField>;
  /** Keys written more than once in the item (helm-freeze keeps the last). */
  repeatedKeys: { key: string; line: number }[];
}

export interface RawLockfile {
  topLevelKeys: { key: string; line: number }[];
  charts: RawItem[];
  repos: RawItem[];
  destinations: RawItem[];
  /** A section that is not a list, an item that is not a map. */
  shapeProblems: { line: number; message: string }[];
}

export const SECTIONS = ['charts', 'repos', 'destinations'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Reads the lockfile's YAML into raw items with lines. `raw` is undefined, and `problems` says why, when the file
 * is not YAML or not a map; an empty file is an empty lockfile.
 */
export function readLockfileSource(text: string, path: string): { raw?: RawLockfile; problems: InputProblem[] } {
  // failsafe: every scalar is a string, as in helm-freeze's map[string]string (so "1.10" is not the number 1.1).
  // The reader (yaml-input.ts) bounds aliases and depth before any value is read through one.
  const read = readYaml(text, path, { what: 'the lockfile', schema: 'failsafe', uniqueKeys: false, allErrors: true });
  const [{ doc, problems, targets }] = read.documents;
  if (problems.length > 0) return { problems };
  const lineOf = (node: Node | null | undefined): number => read.lineOf(node) ?? 1;
  const raw: RawLockfile = { topLevelKeys: [], charts: [], repos: [], destinations: [], shapeProblems: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && isEmptyScalar(root))) return { raw, problems: [] };
  if (!isMap(root)) {
    const message = 'the lockfile must be a map with charts, repos and destinations';
    return { problems: [{ file: path, line: lineOf(root), message }] };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    raw.topLevelKeys.push({ key, line: lineOf(pair.key as Node) });
    if (!(SECTIONS as readonly string[]).includes(key)) continue;
    const section = key as Section;
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && isEmptyScalar(value))) continue;
    if (!isSeq(value)) {
      raw.shapeProblems.push({ line: lineOf(value), message: `"${section}" must be a list` });
      continue;
    }
    for (const item of value.items as (Node | null)[]) {
      if (!isMap(item)) {
        raw.shapeProblems.push({ line: lineOf(item), message: `each item of "${section}" must be a map of keys` });
        continue;
      }
      const rawItem: RawItem = { line: lineOf(item), fields: new Map(), repeatedKeys: [] };
      for (const field of item.items) {
        const fieldKey = isScalar(field.key) ? String(field.key.value) : String(field.key);
        const keyLine = lineOf(field.key as Node);
        if (rawItem.fields.has(fieldKey)) rawItem.repeatedKeys.push({ key: fieldKey, line: keyLine });
        const written = field.value as Node | null;
        const fieldValue = isAlias(written) ? (targets.get(written) ?? null) : written;
        const text =
          fieldValue !== null && isScalar(fieldValue) && !isEmptyScalar(fieldValue)
            ? String(fieldValue.value)
            : undefined;
        const notScalar =
          fieldValue !== null && !isScalar(fieldValue) ? (isSeq(fieldValue) ? 'list' : 'map') : undefined;
        rawItem.fields.set(fieldKey, notScalar ? { keyLine, notScalar } : { value: text, keyLine });
      }
      raw[section].push(rawItem);
    }
  }
  return { raw, problems: [] };
}

/** An empty, `~` or `null` plain scalar: yaml.v2 gives "" for it in a map[string]string. */
export function isEmptyScalar(node: Scalar): boolean {
  const value = String(node.value ?? '');
  return node.type === 'PLAIN' && (value === '' || value === '~' || /^(null|Null|NULL)$/.test(value));
}
