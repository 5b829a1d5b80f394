// The one validation of a configuration file: its definition (config-definition.ts, which `npm run docs` also writes
// out as chart-guard.schema.json for editors) checked by ajv, each violation worded for a person and pointed at its
// YAML line. The reader (config.ts) then only converts what is there; it checks nothing a schema can say.
//
// The words come from the definition too: `errorMessage` (a string, or one per keyword) and `patternErrorMessage`
// on a schema node say what its value must be, as VS Code's JSON support shows them in the editor.
import type { ErrorObject } from 'ajv';
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { validateConfig } from '../generated/config-validator.js';
import { didYouMeanText, nearest } from '../input/nearest.js';
import { SchemaCheck } from '../input/schema-check.js';
import type { InputProblem } from '../model/model.js';
import { CONFIG_SCHEMA, RULE_IDS } from './config-definition.js';

/**
 * The check of the configs one run reads (the head's and the base's): the definition's validator, compiled at build
 * time with every error at once and each error's schema node, whose own words (errorMessage) say what was wanted.
 */
export function configCheck(): SchemaCheck {
  return new SchemaCheck(new Map([[CONFIG_SCHEMA, validateConfig]]));
}

/** What a schema node says about its own value. */
interface Worded {
  errorMessage?: string | Record<string, string>;
  patternErrorMessage?: string;
  properties?: Record<string, { description?: string }>;
}

/** Violations of the definition in a parsed configuration, one per YAML line, the first per line kept. */
export function schemaProblems(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  configs: SchemaCheck,
): InputProblem[] {
  const check = configs.validator(CONFIG_SCHEMA);
  const value = doc.toJS({ maxAliasCount: -1 });
  if (check(value)) return [];
  const errors = check.errors ?? [];
  // anyOf reports each branch's failure, then itself. A branch that got further (its errors are about items or keys
  // inside) says most; otherwise the anyOf's own words (or what each branch wanted) speak for the place.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // a branch got further when the value had its shape: errors inside it, or about its keys
  const further = (path: string) =>
    errors.some(
      (e) =>
        e.instancePath.startsWith(`${path}/`) ||
        (e.instancePath === path && (isAboutKey(e) || e.keyword === 'required')),
    );
  const byLine = new Map<number | undefined, InputProblem>();
  for (const e of errors) {
    // propertyNames reports the name's failure at the map, then itself with the name: keep the latter.
    if (e.schemaPath.includes('/propertyNames/')) continue;
    const atAlternatives = alternatives.has(e.instancePath);
    const aboutShape = isAboutKey(e) || e.keyword === 'required';
    // the anyOf error at the same place speaks for its branches, unless one branch got further: then that one does
    if (atAlternatives && e.keyword !== 'anyOf' && !aboutShape) continue;
    if (e.keyword === 'anyOf' && further(e.instancePath)) continue;
    const path = instancePath(e);
    const node = locate(doc, path, e);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    if (byLine.has(line)) continue;
    const message =
      e.keyword === 'anyOf' ? alternativesMessage(e, errors, path) : problemMessage(e, path, valueAt(value, path));
    byLine.set(line, { file, line, message });
  }
  return [...byLine.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** One violation as a sentence: where, then what the definition wanted there. */
function problemMessage(e: ErrorObject, path: string[], value: unknown): string {
  const schema = (e.parentSchema ?? {}) as Worded;
  const key = (e.params.additionalProperty ?? e.params.propertyName) as string | undefined;
  if (e.keyword === 'additionalProperties' && key !== undefined) return unknownKey(key, path, schema);
  if (e.keyword === 'propertyNames' && key !== undefined) {
    return `each key of ${dotted(path)} ${wordsOf(schema, 'propertyNames') ?? 'is not a valid name'} (got "${key}")`;
  }
  if (e.keyword === 'required') {
    const missing = String(e.params.missingProperty);
    const about = schema.properties?.[missing]?.description;
    return `${dotted([...path, missing])} is required${about ? `: ${sentence(about)}` : ''}`;
  }
  if (e.keyword === 'pattern' && schema.patternErrorMessage) {
    const container = /^\d+$/.test(path.at(-1) ?? '') ? path.slice(0, -1) : path;
    return `${dotted(container)}: "${String(value)}" ${schema.patternErrorMessage}`;
  }
  return `${where(path)} ${wordsOf(schema, e.keyword) ?? describe(e)}`;
}

/** An anyOf's failure: its own words, else what each alternative wanted. */
function alternativesMessage(e: ErrorObject, errors: ErrorObject[], path: string[]): string {
  const own = wordsOf((e.parentSchema ?? {}) as Worded, 'anyOf');
  if (own) return `${where(path)} ${own}`;
  const wanted = errors
    .filter((a) => a.instancePath === e.instancePath && a.keyword !== 'anyOf')
    .map((a) => wordsOf((a.parentSchema ?? {}) as Worded, a.keyword) ?? describe(a));
  const types = wanted.filter((w) => w.startsWith('must be ')).map((w) => w.slice('must be '.length));
  const others = wanted.filter((w) => !w.startsWith('must be '));
  const message = [...new Set([...(types.length > 0 ? [`must be ${types.join(' or ')}`] : []), ...others])];
  return `${where(path)} ${message.join('; ')}`;
}

/** `unknown key in render "enable" (did you mean "enabled"? known: …)`; rule ids get their own wording. */
function unknownKey(key: string, path: string[], schema: Worded): string {
  if (path.at(-1) === 'rules')
    return `unknown rule id "${key}" in ${dotted(path)}${didYouMeanText(key, Object.keys(RULE_IDS))}`;
  const known = Object.keys(schema.properties ?? {});
  const [guess] = nearest(key, known);
  const hint = guess ? `did you mean "${guess}"? ` : '';
  const what = path.length === 0 ? 'top-level key' : `key in ${dotted(path)}`;
  return `unknown ${what} "${key}" (${hint}known: ${known.join(', ')})`;
}

/** The definition's words for a failed keyword, if it has any. */
function wordsOf(schema: Worded, keyword: string): string | undefined {
  const words = schema.errorMessage;
  if (typeof words === 'string') return words;
  return words?.[keyword];
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'type') return typeWords(String(e.params.type));
  return e.message ?? 'is not valid';
}

/** What a JSON type asks for, in the words of a YAML file. */
function typeWords(types: string): string {
  const wanted = types.split(',');
  if (wanted.includes('object')) return 'must be a map';
  if (wanted.includes('boolean')) return 'must be true or false';
  if (wanted.includes('array')) return 'must be a list';
  if (wanted.includes('string')) return 'must be a string';
  if (wanted.includes('integer')) return 'must be a whole number';
  if (wanted.includes('number')) return 'must be a number';
  return `must be ${wanted.join(' or ')}`;
}

/** `render.timeoutSeconds`; an item of a list is `each item of values`. */
function where(path: string[]): string {
  const last = path.at(-1);
  if (last !== undefined && /^\d+$/.test(last)) return `each item of ${dotted(path.slice(0, -1))}`;
  return path.length === 0 ? 'the configuration' : dotted(path);
}

const dotted = (path: string[]) => path.join('.');

/** A description as the end of a sentence: "The YAML file of …." -> "the YAML file of …". */
const sentence = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`.replace(/\.$/, '');

function isAboutKey(e: ErrorObject): boolean {
  return e.params.additionalProperty !== undefined || e.params.propertyName !== undefined;
}

function instancePath(e: ErrorObject): string[] {
  if (e.instancePath === '') return [];
  return e.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, path: string[]): unknown {
  let at = value;
  for (const segment of path)
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[segment] : undefined;
  return at;
}

/** The YAML node an error is about: for an unknown key or a bad name, the key itself. */
function locate(doc: Document, path: string[], e: ErrorObject): Node | undefined {
  let node = doc.contents as Node | null | undefined;
  for (const segment of path) node = child(node, segment, false);
  const extra = (e.params.additionalProperty ?? e.params.propertyName) as string | undefined;
  if (extra !== undefined) node = child(node, extra, true) ?? node;
  return node ?? undefined;
}

function child(node: Node | null | undefined, segment: string, key: boolean): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
    return ((key ? pair?.key : pair?.value) as Node | null | undefined) ?? undefined;
  }
  if (isSeq(node)) return (node.items[Number(segment)] as Node | null | undefined) ?? undefined;
  return undefined;
}
