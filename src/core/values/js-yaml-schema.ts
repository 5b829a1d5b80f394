// The schemas chart-guard reads YAML with through js-yaml: the YAML 1.2 core schema that `yaml` reads by default
// (`on`/`yes` stay strings, 0777 is decimal, 0o17 and 0x1F are numbers, no timestamps, no binary), with or without
// merge keys (<<).
//
// js-yaml 4 parses helm's output three to four times as fast as js-yaml 5 (measured on a 5 MB render: 140 ms against
// 520 ms), but its CORE_SCHEMA is its JSON schema, which differs from YAML 1.2 core at the edges: it reads `0b101`
// and `-0x1` as numbers and `-.5` as a string. The number types below follow the core schema's patterns instead,
// so js-yaml, `yaml` and the report agree on every scalar.
import { FAILSAFE_SCHEMA, Type, types } from 'js-yaml';

const INT = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$/;
const FLOAT =
  /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Every mapping key is a plain scalar that goes through these resolvers: a first character no number starts with
 * (a letter other than those of .inf and .nan, most keys) is turned away before any pattern runs.
 */
function mayBeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46; // 0-9 - + .
}

function intValue(text: string): number {
  if (text.startsWith('0o')) return Number.parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return Number.parseInt(text.slice(2), 16);
  return Number(text);
}

function floatValue(text: string): number {
  const lower = text.toLowerCase();
  if (lower.endsWith('.inf')) return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (lower === '.nan') return Number.NaN;
  return Number(text);
}

/** A value too large for a double is not a number in the core schema: it stays a string. */
const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string | null) =>
    text !== null && mayBeNumber(text) && INT.test(text) && Number.isFinite(intValue(text)),
  construct: intValue,
  // dumping is js-yaml's own
  predicate: types.int.predicate ?? undefined,
  represent: types.int.represent ?? undefined,
  defaultStyle: types.int.defaultStyle ?? undefined,
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string | null) =>
    text !== null &&
    mayBeNumber(text) &&
    FLOAT.test(text) &&
    (Number.isFinite(floatValue(text)) || /inf|nan/i.test(text)),
  construct: floatValue,
  predicate: types.float.predicate ?? undefined,
  represent: types.float.represent ?? undefined,
  defaultStyle: types.float.defaultStyle ?? undefined,
});

/** YAML 1.2 core: null, bool, int, float over strings, maps and lists. */
export const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, intType, floatType] });

/** The core schema with merge keys (<<), as helm's decoder reads values files. */
export const CORE_MERGE_SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });
