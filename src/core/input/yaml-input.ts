// The one reader of the YAML files a pull request controls: the configuration, the acceptances file, the lockfile,
// override values files, chart files (Chart.yaml, values.yaml, requirements.yaml) and template contexts.
//
// Whatever the text, reading it ends in documents or in problems at a file and line, never in a throw: a syntax
// error, an alias whose anchor is missing or comes later ("the anchor must be set before the alias"), an alias bomb,
// a cycle, and nesting deeper than chart-guard walks. Callers turn a problem into their finding (config-invalid,
// values-file-invalid, lockfile-invalid, chart-file-invalid).
//
// Depth: helm's decoder reads up to 10000 levels, but chart-guard walks values recursively in many places (key paths,
// schema, diffs, redaction, stable JSON), and the call stack ends well before 10000 levels. Rather than make every
// walk iterative, nothing deeper than READ_MAX_DEPTH gets past this reader: no real chart or values file comes near.
import { loadAll } from 'js-yaml';
import {
  type Alias,
  type Document,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
  type YAMLError,
} from 'yaml';
import type { InputProblem } from '../model/model.js';
import { CORE_MERGE_SCHEMA } from '../values/js-yaml-schema.js';
import { aliasTargets, checkYamlBounds, depthMessage, mayHoldAliases, unresolvedAlias } from '../values/yaml-bounds.js';

/**
 * The deepest nesting chart-guard reads (helm reads 10000): every recursive walk of values, and the YAML parser's own
 * recursion (whose stack ends near 900 levels of block maps), stay far from the end of the call stack.
 */
export const READ_MAX_DEPTH = 500;

/** The parser errors of one document listed one by one (allErrors); the rest are counted. */
const MAX_ERRORS = 10;

/** A parser error as a problem: its line, and the first line of its message without the position. */
export function yamlProblem(file: string, error: YAMLError, what: string): InputProblem {
  const reason = /Maximum call stack size exceeded/.test(error.message)
    ? 'nested too deeply for chart-guard to read' // the parser's call stack ends before helm's depth limit (10000)
    : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { file, line: error.linePos?.[0].line, message: `${what} is not valid YAML: ${reason}` };
}

export interface YamlReadOptions {
  /** How messages name the input: "the configuration", "the lockfile", or its path. */
  what: string;
  /** Every document of the text (helm 4 values), or only the first (the default). */
  allDocuments?: boolean;
  /** failsafe: every scalar is a string (the lockfile, read as helm-freeze's map[string]string). */
  schema?: 'failsafe' | 'core';
  uniqueKeys?: boolean;
  merge?: boolean;
  /** Every parser error of a document as a problem (the config lists them all), or only its first. */
  allErrors?: boolean;
  /** The caller's own line counter, when it already holds one (else a new one). */
  lineCounter?: LineCounter;
}

/** One document as read: its aliases' targets for walks, or the problems that stop anything from walking it. */
export interface YamlDocument {
  doc: Document;
  /** What each alias points at (aliasTargets): walks resolve aliases through it, never by searching the document. */
  targets: Map<Alias, Node>;
  /** Syntax errors first, then an alias or bound problem; empty when the document can be walked and converted. */
  problems: InputProblem[];
  /** False after an alias or bound problem: nothing may walk or convert the tree. Syntax errors alone leave it walkable. */
  walkable: boolean;
}

export interface YamlRead {
  documents: YamlDocument[];
  lineCounter: LineCounter;
  /** The 1-based line of a node, or undefined for one without a place. */
  lineOf(node: Node | null | undefined): number | undefined;
}

/** Parses YAML with the `yaml` library (nodes with places) and checks every document before anything walks it. */
export function readYaml(text: string, file: string, options: YamlReadOptions): YamlRead {
  const lineCounter = options.lineCounter ?? new LineCounter();
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const parseOptions = {
    lineCounter,
    uniqueKeys: options.uniqueKeys ?? true,
    merge: options.merge ?? false,
    ...(options.schema ? { schema: options.schema } : {}),
    logLevel: 'error' as const, // a warning is not ours to print on the runner's stderr
  };
  let docs: Document[];
  try {
    if (options.allDocuments) {
      const parsed = parseAllDocuments(text, parseOptions);
      docs = Array.isArray(parsed) ? parsed : [];
    } else docs = [parseDocument(text, parseOptions)];
  } catch (e) {
    // the parser catches its own errors; this is the last guard that keeps a throw from becoming a crash
    return { documents: failed(file, options.what, e), lineCounter, lineOf };
  }
  const documents = docs.map((doc) => checkDocument(doc, file, options, lineCounter));
  return { documents, lineCounter, lineOf };
}

function failed(file: string, what: string, e: unknown): YamlDocument[] {
  const reason =
    e instanceof RangeError ? 'nested too deeply for chart-guard to read' : String((e as Error)?.message ?? e);
  const problem = { file, line: 1, message: `${what} is not valid YAML: ${reason.split('\n')[0]}` };
  return [{ doc: parseDocument(''), targets: new Map(), problems: [problem], walkable: false }];
}

function checkDocument(doc: Document, file: string, options: YamlReadOptions, lineCounter: LineCounter): YamlDocument {
  const errors = options.allErrors ? doc.errors.slice(0, MAX_ERRORS) : doc.errors.slice(0, 1);
  const problems = errors.map((e) => yamlProblem(file, e, options.what));
  // A broken file can hold an error per character: past the first few, one line says how many more there are.
  if (options.allErrors && doc.errors.length > MAX_ERRORS) {
    const more = doc.errors.length - MAX_ERRORS;
    problems.push({ ...problems[MAX_ERRORS - 1], message: `${options.what}: ${more} more YAML errors after these` });
  }
  // A document with syntax errors still has the tree the parser made of it, which a caller may read for keys: its
  // aliases and bounds are checked all the same.
  const targets = aliasTargets(doc);
  // go-yaml: "unknown anchor 'x' referenced"; the yaml library only finds out when it converts (a ReferenceError)
  const unresolved = unresolvedAlias(doc, targets);
  const bound = unresolved
    ? {
        line: unresolved.range ? lineCounter.linePos(unresolved.range[0]).line : undefined,
        message: `unknown anchor '${unresolved.source}' referenced (the anchor must be set before the alias)`,
      }
    : checkYamlBounds(doc, lineCounter, targets, READ_MAX_DEPTH);
  if (bound) problems.push({ file, line: bound.line, message: `${options.what} is not valid YAML: ${bound.message}` });
  return { doc, targets, problems, walkable: !bound };
}

/**
 * The plain value of a document that readYaml passed (its aliases resolve, its expansion and depth are bounded).
 * Never throws: anything the conversion still refuses is a problem.
 */
export function yamlValue(read: YamlDocument, file: string, what: string): { value?: unknown; problem?: InputProblem } {
  try {
    return { value: read.doc.toJS({ maxAliasCount: -1 }) }; // bounded by checkYamlBounds, as helm bounds it
  } catch (e) {
    // a document with syntax errors may still refuse to convert: the problem is at its first line
    return {
      problem: {
        file,
        line: 1,
        message: `${what} is not valid YAML: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
      },
    };
  }
}

/** Is the document empty (no content, or a null scalar)? */
export function isEmptyDocument(read: YamlDocument): boolean {
  const root = read.doc.contents as Node | null;
  return root === null || (isScalar(root) && (root.value === null || root.value === ''));
}

// ---------- plain values, fast (chart files) ----------

// js-yaml: several times faster than `yaml` on the large values.yaml files of Bitnami charts. Merge keys (<<) on, and
// json: true so a duplicated key keeps the last value, as Helm's YAML decoder does instead of failing. Nesting is
// bounded at READ_MAX_DEPTH, not at js-yaml's default of 100 (real charts nest deeper than 100, never near 500).
// Merges are bounded by the alias check (checkYamlBounds), so js-yaml's own merge-key bound is off.
// js-yaml counts the scalar inside the deepest collection as one more level than checkYamlBounds counts: + 1.
const FAST_OPTIONS = { schema: CORE_MERGE_SCHEMA, json: true, maxDepth: READ_MAX_DEPTH + 1, maxTotalMergeKeys: -1 };

/**
 * The plain values of a YAML file (every document, or the first), read with js-yaml; an alias, cycle, expansion or
 * depth problem is found first with the `yaml` library, at its line. Never throws.
 */
export function loadYamlValues(
  text: string,
  file: string,
  options: { allDocuments?: boolean; what?: string } = {},
): { documents: unknown[]; problem?: InputProblem } {
  const what = options.what ?? 'invalid YAML';
  // An alias (a self-reference, a merge of itself, an alias bomb, one with no anchor) is checked the way helm's
  // decoder checks it before anything walks the values: js-yaml keeps aliases as shared or cyclic objects.
  if (mayHoldAliases(text)) {
    const read = readYaml(text, file, { what, allDocuments: options.allDocuments, uniqueKeys: false, merge: true });
    const problem = read.documents.flatMap((d) => d.problems)[0];
    // a syntax error is js-yaml's to report below, in its own words
    if (problem && read.documents.every((d) => d.doc.errors.length === 0))
      return { documents: [], problem: bare(problem, what) };
  }
  try {
    const documents = loadAll(text, null, FAST_OPTIONS);
    return { documents: options.allDocuments ? documents : documents.slice(0, 1) };
  } catch (e) {
    if (e instanceof RangeError) {
      return {
        documents: [],
        problem: { file, line: 1, message: `nested too deeply for chart-guard to read (${e.message})` },
      };
    }
    const error = e as { reason?: string; message?: string; mark?: { line?: number } };
    const line = typeof error.mark?.line === 'number' ? error.mark.line + 1 : undefined;
    const reason = error.reason ?? String(error.message).split('\n')[0];
    const depth = /^nesting exceeded maxDepth/.test(reason) ? depthMessage(READ_MAX_DEPTH) : reason;
    return { documents: [], problem: { file, line, message: `${what}: ${depth}` } };
  }
}

/** "invalid YAML is not valid YAML: x" reads "invalid YAML: x". */
function bare(problem: InputProblem, what: string): InputProblem {
  return { ...problem, message: problem.message.replace(`${what} is not valid YAML: `, `${what}: `) };
}

/** The deepest nesting of a parsed JSON value (values.schema.json), measured without recursion. */
export function jsonDepth(value: unknown, limit = READ_MAX_DEPTH): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}
