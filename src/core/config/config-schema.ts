// Validates a configuration file against its one definition (config-definition.ts, which `npm run docs` also writes
// out as chart-guard.schema.json for editors), pointing each violation at its YAML line.
import type { ErrorObject } from 'ajv';
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { SchemaCheck } from '../input/schema-check.js';
import type { InputProblem } from '../model/model.js';
import { CONFIG_SCHEMA } from './config-definition.js';

/** The check of the configs one run reads (the head's and the base's): the schema compiles once, on the first. */
export function configCheck(): SchemaCheck {
  return new SchemaCheck({ allErrors: true, strict: false });
}

/** Violations of the schema in a parsed configuration, one per YAML line, worded like the reader's own problems. */
export function schemaProblems(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  configs: SchemaCheck,
): InputProblem[] {
  const check = configs.validator(CONFIG_SCHEMA);
  if (check(doc.toJS({ maxAliasCount: -1 }))) return [];
  const errors = check.errors ?? [];
  // anyOf reports each branch's failure, then itself: one message per place, naming what each branch wanted.
  // When one branch got further (its errors are about items or keys inside), the other branches' type mismatches
  // at the value itself are noise.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const deeper = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`));
  const byLine = new Map<number | undefined, InputProblem>();
  for (const e of errors) {
    // propertyNames reports the name's failure at the map, then itself with the name: keep the latter.
    if (e.schemaPath.includes('/propertyNames/')) continue;
    if (alternatives.has(e.instancePath) && deeper(e.instancePath) && !isAboutKey(e)) continue;
    const { node, where } = locate(doc, instancePath(e), e);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    if (byLine.has(line)) continue;
    let message = describe(e);
    if (alternatives.has(e.instancePath) && !isAboutKey(e)) {
      const wanted = errors.filter((a) => a.instancePath === e.instancePath && a.keyword !== 'anyOf').map(describe);
      const types = wanted.filter((w) => w.startsWith('must be ')).map((w) => w.slice('must be '.length));
      const others = wanted.filter((w) => !w.startsWith('must be '));
      message = [...new Set([...(types.length > 0 ? [`must be ${types.join(' or ')}`] : []), ...others])].join('; ');
    }
    byLine.set(line, { file, line, message: `${where} ${message}` });
  }
  return [...byLine.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function isAboutKey(e: ErrorObject): boolean {
  return e.params.additionalProperty !== undefined || e.params.propertyName !== undefined;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'enum') return `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'additionalProperties') return 'is not a known key';
  if (e.keyword === 'propertyNames') return 'is not a valid name';
  if (e.keyword === 'type') return `must be ${String(e.params.type).split(',').join(' or ')}`;
  return e.message ?? 'is not valid';
}

function instancePath(e: ErrorObject): string[] {
  if (e.instancePath === '') return [];
  return e.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The YAML node an error is about (for an unknown key or a bad name: the key itself) and its dotted path. */
function locate(doc: Document, path: string[], e: ErrorObject): { node: Node | undefined; where: string } {
  let node = doc.contents as Node | null | undefined;
  for (const segment of path) node = child(node, segment, false);
  const extra = (e.params.additionalProperty ?? e.params.propertyName) as string | undefined;
  const full = extra === undefined ? path : [...path, extra];
  if (extra !== undefined) node = child(node, extra, true) ?? node;
  return { node: node ?? undefined, where: full.length === 0 ? 'the configuration' : full.join('.') };
}

function child(node: Node | null | undefined, segment: string, key: boolean): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
    return ((key ? pair?.key : pair?.value) as Node | null | undefined) ?? undefined;
  }
  if (isSeq(node)) return (node.items[Number(segment)] as Node | null | undefined) ?? undefined;
  return undefined;
}
