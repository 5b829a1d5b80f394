// The Kubernetes reference tables are data (src/data/*.json, each row with its upstream source), read here once and
// checked for shape, so that code, docs tables (`npm run docs`) and tests all read the same rows. The files ship in
// the bundle: a malformed row is a chart-guard bug, found by the first test that loads this module, never a user's.
import immutableDefaultsFile from '../../data/immutable-defaults.json' with { type: 'json' };
import immutableFieldsFile from '../../data/immutable-fields.json' with { type: 'json' };
import removedApisFile from '../../data/removed-apis.json' with { type: 'json' };
import servedApisFile from '../../data/served-apis.json' with { type: 'json' };

/** A served apiVersion + kinds that Kubernetes deprecated or removed (removed-apis.json). */
export interface ApiVersionEntry {
  apiVersion: string;
  kinds: string[];
  /** Minor release ("1.21") that deprecated it; undefined when it went without a deprecation (alpha). */
  deprecatedIn?: string;
  /** First minor release that stops serving it; undefined when no removal is planned. */
  removedIn?: string;
  /** What to use instead, e.g. "policy/v1"; undefined when nothing replaces it. */
  replacement?: string;
  /** First release serving the replacement. */
  replacementSince?: string;
  /** Extra advice (no successor, field changes, unresolved dates). */
  note?: string;
  /** Section of docs/reference/deprecated-apis.md. */
  section: string;
  /** The upstream record of the dates. */
  source: string;
}

/** Built-in kinds of a group/version served by default from a minor release on (served-apis.json). */
export interface ServedApi {
  apiVersion: string;
  /** First minor release serving these kinds by default. */
  since: string;
  kinds: string[];
  source: string;
}

/** An immutable field: its path (its server default, if any, is in immutable-defaults.json). */
export interface ImmutableFieldSpec {
  path: (string | number)[];
}

/** A value the API server fills in before comparing an update (immutable-defaults.json). */
export interface ImmutableDefault {
  group: string;
  kind: string;
  /** The field; "*" stands for every item of a list. */
  path: string[];
  default: unknown;
  /** The Go code tests len(x) == 0: "" and [] are defaulted too (a pointer field keeps an explicit ""). */
  emptyIsUnset?: boolean;
  /** The upstream defaulting function and its file. */
  function: string;
  source: string;
}

/** The code that applies a row: "fields" compares the listed paths; the others are kind-specific. */
export const IMMUTABLE_CHECKS = [
  'fields',
  'selector',
  'statefulset',
  'job',
  'service',
  'persistentvolumeclaim',
  'persistentvolume',
  'secret',
  'configmap',
  'resourcequota',
  'customresourcedefinition',
] as const;
export type ImmutableCheck = (typeof IMMUTABLE_CHECKS)[number];

/** A kind with fields the API server refuses to update (immutable-fields.json). */
export interface ImmutableKindEntry {
  group: string;
  kind: string;
  /** Section of docs/reference/immutable-fields.md. */
  section: string;
  check: ImmutableCheck;
  /** What a kind-specific check looks at, in a few words, for the docs table. */
  summary?: string;
  fields?: ImmutableFieldSpec[];
  /** Spec fields a whole-spec comparison leaves out (StatefulSet: the allow-list; PersistentVolume: the fields that
   * are not the volume source, some checked on their own). */
  except?: string[];
  /** The API server's own error text, when it is not "field is immutable". */
  reason?: string;
  /** The usual way out (recreate, orphan, a new claim) and what it costs, for the docs table. */
  fix: string;
  risk: string;
  /** The upstream validation function and its file. */
  validator: string;
  source: string;
}

/** A data file that does not have the shape its loader expects. */
export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    /** The index in "entries"; undefined when the file as a whole is wrong. */
    readonly row: number | undefined,
    problem: string,
  ) {
    super(`src/data/${file}${row === undefined ? '' : ` entry ${row}`}: ${problem}`);
    this.name = 'ReferenceDataError';
  }
}

type Row = Record<string, unknown>;
const MINOR = /^1\.\d+$/;
const isStringList = (value: unknown) =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item !== '');

/** Checks each row with `problem` (undefined when the row is fine) and returns the rows typed. */
function rows<T>(file: string, raw: unknown, known: readonly string[], problem: (row: Row) => string | undefined): T[] {
  const entries = (raw as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new ReferenceDataError(file, undefined, 'the file has no "entries" list');
  entries.forEach((row: unknown, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new ReferenceDataError(file, index, 'not an object');
    const unknown = Object.keys(row).find((key) => !known.includes(key));
    const found = unknown ? `unknown key "${unknown}"` : problem(row as Row);
    if (found) throw new ReferenceDataError(file, index, found);
  });
  return entries as T[];
}

const optionalMinor = (row: Row, key: string) =>
  row[key] === undefined || (typeof row[key] === 'string' && MINOR.test(row[key] as string))
    ? undefined
    : `${key} must be a minor release such as "1.25"`;
const optionalText = (row: Row, key: string) =>
  row[key] === undefined || (typeof row[key] === 'string' && row[key] !== '') ? undefined : `${key} must be text`;
const sourceLink = (row: Row) =>
  typeof row.source === 'string' && row.source.startsWith('https://') ? undefined : 'source must be an https link';

export function loadRemovedApis(raw: unknown): ApiVersionEntry[] {
  const known = [
    'apiVersion',
    'kinds',
    'deprecatedIn',
    'removedIn',
    'replacement',
    'replacementSince',
    'note',
    'section',
    'source',
  ];
  return rows('removed-apis.json', raw, known, (row) => {
    if (typeof row.apiVersion !== 'string' || row.apiVersion === '') return 'apiVersion must be text';
    if (!isStringList(row.kinds)) return 'kinds must be a list of kind names';
    if (typeof row.section !== 'string' || !row.section.startsWith('§')) return 'section must be a § reference';
    return (
      optionalMinor(row, 'deprecatedIn') ??
      optionalMinor(row, 'removedIn') ??
      optionalMinor(row, 'replacementSince') ??
      optionalText(row, 'replacement') ??
      optionalText(row, 'note') ??
      sourceLink(row)
    );
  });
}

export function loadServedApis(raw: unknown): ServedApi[] {
  return rows('served-apis.json', raw, ['apiVersion', 'since', 'kinds', 'source'], (row) => {
    if (typeof row.apiVersion !== 'string' || row.apiVersion === '') return 'apiVersion must be text';
    if (typeof row.since !== 'string' || !/^1\.\d+$/.test(row.since)) return 'since must be a minor release';
    if (!isStringList(row.kinds)) return 'kinds must be a list of kind names';
    return sourceLink(row);
  });
}

const isFieldSpec = (value: unknown) => {
  if (typeof value !== 'object' || value === null) return false;
  const { path, ...rest } = value as Row;
  const pathOk = Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === 'string');
  return pathOk && Object.keys(rest).length === 0;
};

export function loadImmutableFields(raw: unknown): ImmutableKindEntry[] {
  const known = [
    ...['group', 'kind', 'section', 'check', 'summary', 'fields', 'except', 'reason'],
    ...['fix', 'risk', 'validator', 'source'],
  ];
  return rows('immutable-fields.json', raw, known, (row) => {
    if (typeof row.group !== 'string') return 'group must be text ("" for the core group)';
    if (typeof row.kind !== 'string' || row.kind === '') return 'kind must be text';
    if (typeof row.section !== 'string' || !row.section.startsWith('§')) return 'section must be a § reference';
    if (!IMMUTABLE_CHECKS.includes(row.check as ImmutableCheck)) return `check must be one of ${IMMUTABLE_CHECKS}`;
    if (row.fields !== undefined && !(Array.isArray(row.fields) && row.fields.every(isFieldSpec)))
      return 'fields must be a list of { path }';
    if (row.check === 'fields' && row.fields === undefined) return 'a "fields" check needs fields';
    if (row.check !== 'fields' && row.summary === undefined) return 'a kind-specific check needs a summary';
    if (row.except !== undefined && !isStringList(row.except)) return 'except must be a list of field names';
    if (typeof row.validator !== 'string' || row.validator === '') return 'validator must be text';
    if (typeof row.fix !== 'string' || typeof row.risk !== 'string') return 'fix and risk must be text';
    return optionalText(row, 'summary') ?? optionalText(row, 'reason') ?? sourceLink(row);
  });
}

export function loadImmutableDefaults(raw: unknown): ImmutableDefault[] {
  const known = ['group', 'kind', 'path', 'default', 'emptyIsUnset', 'function', 'source'];
  return rows('immutable-defaults.json', raw, known, (row) => {
    if (typeof row.group !== 'string') return 'group must be text ("" for the core group)';
    if (typeof row.kind !== 'string' || row.kind === '') return 'kind must be text';
    if (!isStringList(row.path)) return 'path must be a list of field names';
    if (row.default === undefined || row.default === null) return 'default must be a value';
    if (row.emptyIsUnset !== undefined && typeof row.emptyIsUnset !== 'boolean')
      return 'emptyIsUnset must be a boolean';
    if (typeof row.function !== 'string' || row.function === '') return 'function must be text';
    return sourceLink(row);
  });
}

export const REMOVED_APIS: readonly ApiVersionEntry[] = loadRemovedApis(removedApisFile);
export const SERVED_APIS: readonly ServedApi[] = loadServedApis(servedApisFile);
export const IMMUTABLE_KINDS: readonly ImmutableKindEntry[] = loadImmutableFields(immutableFieldsFile);
export const IMMUTABLE_DEFAULTS: readonly ImmutableDefault[] = loadImmutableDefaults(immutableDefaultsFile);
