// What a document is, read from its text without parsing it (issue 23, identity first): apiVersion, kind,
// metadata.name and namespace, and for a CustomResourceDefinition the names that say which kind it defines and its
// scope. A document printed alike in two renders of a chart is then compared by its digest, and its object is parsed
// only if a check reads it.
//
// The reader is conservative: it reads only block mappings of plain keys, down the few paths it wants, and gives up
// (undefined: the document is parsed as before) on anything a YAML parser could read another way: anchors, aliases
// and tags; flow collections or quoted scalars left open at the end of a line; a scalar continued on the next line;
// a duplicated key on the way; directives, document markers, tabs; values the YAML 1.2 core schema would read as
// numbers, booleans or null; Lists (flattened into their items); hooks. test/render/document-facts.test.ts holds each
// case against the parser's reading.
import { isMap } from '../values/key-path.js';
import { mayHoldAliasesAnchorsOrTags } from '../values/yaml-bounds.js';

export interface DocumentFacts {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Of a CustomResourceDefinition: spec.group, spec.names.kind and spec.scope when they are strings. */
  crd?: { group?: string; kind?: string; scope?: string };
}

const WANTED: readonly (readonly string[])[] = [
  ['apiVersion'],
  ['kind'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['spec', 'group'],
  ['spec', 'names', 'kind'],
  ['spec', 'scope'],
];
/** Mappings the reader walks into: the proper prefixes of WANTED (paths joined by NUL). */
const WALKED = new Set(WANTED.flatMap((path) => path.slice(0, -1).map((_, i) => path.slice(0, i + 1).join('\0'))));
const LEAVES = new Set(WANTED.map((path) => path.join('\0')));

// `key:` or `key: value` with a plain key (what helm's templates and controller-gen print)
const ENTRY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?:[ ]+(.*))?$/;
// values of the core schema that are not strings (yaml 1.2 core: null, bool, int, float)
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// a plain scalar read as itself: no indicator first, no `: ` or ` #` inside, nothing YAML would fold or escape
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;

/** The facts of one document's text, or undefined when the text is not one the reader can read for sure. */
export function documentFacts(text: string): DocumentFacts | undefined {
  // aliases, anchors, tags and the hook annotation (Manifest.isHook reads the parsed value): the parser decides
  if (mayHoldAliasesAnchorsOrTags(text) || text.includes('helm.sh/hook') || text.charCodeAt(0) === 0xfeff)
    return undefined;
  const found = new Map<string, string>();
  /** Keys seen in each walked mapping (a duplicate there: the parser keeps the last, the reader gives up). */
  const seen = new Map<string, Set<string>>();
  /** The keys of the open block mappings, by indent: [indent, path]. */
  const stack: [number, string][] = [];
  /** Mappings whose last key has no value on its line (a compact sequence may follow at the same indent). */
  const open = new Map<string, boolean>();
  /** A block scalar's content: lines indented deeper than this are text. */
  let blockIndent = -1;
  /** The line before was a scalar on a wanted path: a deeper line would continue it. */
  let leafIndent = -1;
  /** The indent of spec's keys. */
  let specIndent = -1;
  const length = text.length;
  for (let start = 0; start < length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    let first = start;
    while (text.charCodeAt(first) === 32) first++;
    const indent = first - start;
    start = end + 1;
    const c = text.charCodeAt(first);
    // blank, comment, or a carriage return alone
    if (first >= end || c === 35 || (c === 13 && first === end - 1)) continue;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (leafIndent >= 0 && indent > leafIndent) return undefined;
    leafIndent = -1;
    if (c === 9) return undefined;
    // a quoted scalar or a flow collection that goes on to the next line can hide a line of any indent (js-yaml
    // reads `b: "x` + newline + `apiVersion: y"` as one string): up to the last fact, every one must close on its line
    if (!closesOnItsLine(text, first, end)) return undefined;
    const blockOwner = blockScalarOwner(text, first, end);
    if (blockOwner >= 0) blockIndent = blockOwner;
    while (stack.length && stack[stack.length - 1][0] >= indent) stack.pop();
    const parent = stack.length ? stack[stack.length - 1][1] : '';
    // every fact read, its mapping closed: the rest of the text can only repeat a key, which the parser would take
    if (complete(found, parent, seen)) {
      // from the line break before the line at hand (the facts end at least one line above it)
      const rest = text.slice(lineStartOf(text, first) - 1);
      return onlyOnce(rest, found, specIndent, seen.get('') ?? new Set()) ? factsOf(found) : undefined;
    }
    // inside a mapping or a sequence no wanted path goes through: its lines are checked, never read
    if (stack.length && !WALKED.has(parent)) continue;
    if (parent === 'spec' && specIndent < 0) specIndent = indent;
    const rest = text.slice(first, end).replace(/\r$/, '');
    // a line of a mapping the reader walks (the top level, metadata, spec, spec.names)
    if (rest.startsWith('- ')) {
      // a compact sequence under the last key of this mapping (`rules:` then `- apiGroups: ...` at its indent)
      if (!open.get(parent)) return undefined;
      stack.push([indent, `${parent}\0-`]);
      continue;
    }
    const entry = ENTRY.exec(rest);
    if (!entry) return undefined;
    const [, key, raw = ''] = entry;
    const keys = seen.get(parent) ?? new Set<string>();
    if (keys.has(key)) return undefined;
    keys.add(key);
    seen.set(parent, keys);
    const path = parent === '' ? key : `${parent}\0${key}`;
    const value = raw.replace(/[ ]+#.*$/, '').trimEnd();
    open.set(parent, value === '');
    if (WALKED.has(path)) {
      if (value !== '') return undefined; // a flow mapping or a scalar where the reader walks: the parser reads it
      stack.push([indent, path]);
      continue;
    }
    if (LEAVES.has(path)) {
      const scalar = scalarOf(value);
      if (scalar === undefined) return undefined;
      found.set(path, scalar);
      leafIndent = indent;
      continue;
    }
    // a key off the wanted paths: its value may be anything its lines close, or a block below it
    stack.push([indent, path]);
  }
  return factsOf(found);
}

/** What the reader reads of a CRD (spec.group, spec.names.kind, spec.scope), from its parsed object. */
export function crdFactsOf(object: Record<string, unknown>): NonNullable<DocumentFacts['crd']> {
  const spec = isMap(object.spec) ? object.spec : {};
  const names = isMap(spec.names) ? spec.names : {};
  const crd = { group: spec.group, kind: names.kind, scope: spec.scope };
  return Object.fromEntries(Object.entries(crd).filter(([, v]) => typeof v === 'string'));
}

/** "group/Kind" of the custom resources a CRD defines, and its scope: from its facts when it was read by them. */
export function crdDefines(m: {
  facts?: DocumentFacts;
  object: Record<string, unknown>;
}): { group: string; kind: string; scope?: string } | undefined {
  const { group, kind, scope } = m.facts?.crd ?? crdFactsOf(m.object);
  return group !== undefined && kind !== undefined ? { group, kind, scope } : undefined;
}

/** Are the facts read, and the mappings that hold them closed (the line at hand is outside them)? */
function complete(found: Map<string, string>, parent: string, seen: Map<string, Set<string>>): boolean {
  if (!found.has('apiVersion') || !found.has('kind') || !found.has('metadata\0name')) return false;
  if (parent !== '' && !(parent === 'spec' && seen.get('spec')?.has('names'))) return false;
  if (found.get('kind') !== 'CustomResourceDefinition') return parent === '';
  return found.has('spec\0group') && found.has('spec\0names\0kind') && found.has('spec\0scope');
}

// a top-level key the reader reads, quoted or not, or an explicit key (`? kind`), after a line break (a regular
// expression that starts with one is scanned for fast; `^` with the m flag is tried everywhere)
const TOP_LEVEL_KEY = /\n(?:["']?(apiVersion|kind|metadata|spec)["']?[ \t]*:|\?)/g;

/**
 * The rest of the text (from a line break) repeats no key the reader walked: a top-level key, or the keys of a CRD's spec it read (the
 * parser keeps the last of a repeated key). A line that looks like one is taken for one, in a string or not.
 */
function onlyOnce(rest: string, found: Map<string, string>, specIndent: number, topKeys: Set<string>): boolean {
  const keys = new Set(topKeys);
  for (const [line, key] of rest.matchAll(TOP_LEVEL_KEY)) {
    if (line === '\n?' || keys.has(key)) return false;
    keys.add(key);
  }
  if (found.get('kind') !== 'CustomResourceDefinition') return true;
  return !new RegExp(`\\n {${specIndent}}["']?(?:group|names|scope)["']?[ \\t]*:`).test(rest);
}

function factsOf(found: Map<string, string>): DocumentFacts | undefined {
  const apiVersion = found.get('apiVersion');
  const kind = found.get('kind');
  const name = found.get('metadata\0name');
  if (!apiVersion || !kind || !name || kind.endsWith('List')) return undefined;
  const namespace = found.get('metadata\0namespace');
  const facts: DocumentFacts = { apiVersion, kind, name, ...(namespace !== undefined ? { namespace } : {}) };
  if (kind === 'CustomResourceDefinition') {
    const crd = {
      group: found.get('spec\0group'),
      kind: found.get('spec\0names\0kind'),
      scope: found.get('spec\0scope'),
    };
    facts.crd = Object.fromEntries(Object.entries(crd).filter(([, v]) => v !== undefined));
  }
  return facts;
}

/** A wanted scalar: plain and read as a string, or quoted without escapes; undefined otherwise. */
function scalarOf(value: string): string | undefined {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    const inner = value.slice(1, -1);
    return /^[^"\\]*$/.test(inner) ? inner : undefined;
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    const inner = value.slice(1, -1);
    return inner.includes("'") ? undefined : inner;
  }
  return PLAIN.test(value) && !NOT_A_STRING.test(value) ? value : undefined;
}

/**
 * The column a block scalar's content must be deeper than when the line opens one (`key: |`, `- >-`, `- key: |2`):
 * the column of its key, or of its dash; -1 when the line opens none.
 */
function blockScalarOwner(text: string, first: number, end: number): number {
  let last = end;
  while (last > first && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13)) last--;
  const tail = text.charCodeAt(last - 1);
  // quick screen: a header ends in |, >, a chomping sign or an indentation digit (a trailing comment: the parser's)
  if (!(tail === 124 || tail === 62 || tail === 45 || tail === 43 || (tail >= 48 && tail <= 57))) return -1;
  const line = text.slice(first, last);
  const header = /^((?:-[ ]+)*)(?:([^\s#][^#]*?):[ ]+)?[|>][0-9+-]*$/.exec(line);
  if (!header) return -1;
  const dashes = header[1].length;
  if (header[2] !== undefined) return first - lineStartOf(text, first) + dashes;
  return dashes === 0 ? -1 : first - lineStartOf(text, first) + dashes - 2;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/**
 * Does every quoted scalar and flow collection that opens on the line close on it? A quote opens a scalar only where
 * one may start (the line's start, after `: `, `- `, `? `, `[`, `{` or `,`); an apostrophe inside a word is text.
 */
function closesOnItsLine(text: string, first: number, end: number): boolean {
  let depth = 0;
  let atStart = true;
  for (let i = first; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && (i === first || text.charCodeAt(i - 1) === 32)) break; // a comment
    if ((c === 34 || c === 39) && atStart) {
      i = closingQuote(text, i, end);
      if (i < 0) return false;
      atStart = false;
    } else if ((c === 91 || c === 123) && atStart) depth++;
    else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
      atStart = false;
    } else if (c === 44 && depth > 0) atStart = true;
    else if (c === 32) {
      // after `: `, `- `, `? ` or `, ` a scalar may start
      const before = text.charCodeAt(i - 1);
      atStart ||= before === 58 || before === 45 || before === 44 || before === 63;
    } else if (c !== 13) atStart = false;
  }
  return depth === 0;
}

function closingQuote(text: string, open: number, end: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92) {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
