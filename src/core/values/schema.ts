// Validates the values Helm would render with (new defaults coalesced with the overrides) against the new chart's
// values.schema.json, like `helm template/upgrade` does before rendering, and points each violation at the override
// key that causes it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { OverrideFile, OverrideKey } from '../model/model.js';
import { loadedAjv, loadedRe2 } from '../runtime/libraries.js';
import { isTemplated } from './coverage.js';
import { formatKeyPath, getAt, isMap, isPrefix, type KeyPath, ownValue, setOwn } from './key-path.js';

export interface SchemaViolation {
  /** Where in the values the schema fails (for `required`/`additionalProperties`, the named property). */
  path: KeyPath;
  keyword: string;
  /** e.g. "persistence.size must be string". */
  message: string;
  /** The override key that causes it, when the failing value is under (or above) one; else the chart's own. */
  key?: OverrideKey;
}

export interface SchemaCheck {
  violations: SchemaViolation[];
  /** Set when the schema itself cannot be compiled (the check did not run). */
  problem?: string;
}

/**
 * Coalesces values like Helm does for user values over chart defaults: maps merge key by key, lists and scalars
 * replace, and a null deletes the key (pkg/chart/common/util/coalesce.go). Inputs are not modified.
 */
export function mergeValues(
  defaults: Record<string, unknown>,
  ...layers: Record<string, unknown>[]
): Record<string, unknown> {
  let out = structuredClone(defaults);
  for (const layer of layers) out = mergeInto(out, layer);
  return out;
}

function mergeInto(base: Record<string, unknown>, layer: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(layer)) {
    const existing = ownValue(base, key);
    if (value === null) delete base[key];
    else if (isMap(value) && isMap(existing)) setOwn(base, key, mergeInto(existing, value));
    else setOwn(base, key, structuredClone(value));
  }
  return base;
}

/** Builds a values tree from --set style keys (config `set:` entries with an example value). */
export function valuesFromKeys(keys: readonly OverrideKey[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of keys) {
    if (key.value === undefined || key.path.length === 0) continue;
    let node: unknown = root;
    key.path.forEach((segment, i) => {
      const last = i === key.path.length - 1;
      const container = node as Record<string, unknown>;
      const name = String(segment);
      if (last) {
        setOwn(container, name, key.value);
        return;
      }
      const next = ownValue(container, name);
      if (next === null || typeof next !== 'object')
        setOwn(container, name, typeof key.path[i + 1] === 'number' ? [] : {});
      node = ownValue(container, name);
    });
  }
  return root;
}

/**
 * Checks the override files (in order, later wins) and the code-set keys (highest precedence, like --set) against
 * the schema. Violations that the defaults alone already have are the chart's own and are left out unless an
 * override key touches them: `helm template` of the chart reports those (render-failed).
 */
export function checkSchema(
  schema: unknown,
  defaults: Record<string, unknown>,
  files: readonly OverrideFile[],
  codeSet: readonly OverrideKey[] = [],
  schemas: ChartSchemas = new ChartSchemas(),
): SchemaCheck {
  const validate = schemas.compile(schema);
  if (typeof validate === 'string') return { violations: [], problem: validate };
  const keys = [...files.flatMap((f) => f.keys), ...codeSet];
  const layers = [...files.map((f) => f.values), valuesFromKeys(codeSet)];
  const merged = mergeValues(defaults, ...layers);
  const errors = run(validate, merged);
  if (errors.length === 0) return { violations: [] };
  const preexisting = new Set(run(validate, defaults).map(errorIdentity));

  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = errorPath(error, merged);
    const key = ownerKey(path, keys);
    if (!key && preexisting.has(errorIdentity(error))) continue;
    // A template expression is rendered by the deploy pipeline: its real type is unknown here.
    if (isTemplated(key?.value) || isTemplated(getAt(merged, path))) continue;
    const identity = `${formatKeyPath(path)}\u0000${error.keyword}\u0000${error.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    violations.push({ path, keyword: error.keyword, message: describe(error, path), key });
  }
  // In file order, like the annotations they become; the chart-level ones after.
  violations.sort(
    (a, b) =>
      Number(!a.key) - Number(!b.key) ||
      (a.key?.file ?? '').localeCompare(b.key?.file ?? '') ||
      (a.key?.line ?? 0) - (b.key?.line ?? 0) ||
      formatKeyPath(a.path).localeCompare(formatKeyPath(b.path)),
  );
  return { violations };
}

// ---------- ajv ----------

const COMPILED_BY_TEXT_LIMIT = 32;

/**
 * The chart schemas one run compiled: compiling a large values.schema.json is the costliest step of a review after
 * helm and YAML parsing, so each compiles once per run. Held by the run (pipeline/charts.ts makes one and the chart
 * contexts share it), never by the module. A validator depends on the schema alone, never changed once parsed.
 */
export class ChartSchemas {
  readonly #byObject = new WeakMap<object, ValidateFunction | string>();
  // By schema text too: each load of a chart parses its own schema object, and a repository often deploys the same
  // chart version several times (releases of one chart), or both sides of a bump keep the same schema. Bounded.
  readonly #byText = new Map<string, ValidateFunction | string>();

  /** A validator for the schema's draft ($schema 2019-09 / 2020-12, else draft-07), or a problem text. */
  compile(schema: unknown): ValidateFunction | string {
    if (!isMap(schema))
      return typeof schema === 'boolean' ? compileFresh(schema) : 'values.schema.json is not an object';
    let validate = this.#byObject.get(schema);
    if (!validate) {
      const text = JSON.stringify(schema);
      validate = this.#byText.get(text);
      if (!validate) {
        validate = compileFresh(schema);
        if (this.#byText.size >= COMPILED_BY_TEXT_LIMIT) this.#byText.delete(this.#byText.keys().next().value!);
        this.#byText.set(text, validate);
      }
      this.#byObject.set(schema, validate);
    }
    return validate;
  }
}

function compileFresh(schema: Record<string, unknown> | boolean): ValidateFunction | string {
  const draft = isMap(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  // strict off and no meta-schema check: charts ship schemas with custom keywords ("form", "title"...) and
  // unknown $schema URIs that Helm accepts; formats are not checked (Helm 3's validator ignores most of them).
  const options = {
    strict: false,
    allErrors: true,
    validateSchema: false,
    validateFormats: false,
    logger: false,
    code: { regExp: re2Engine },
  } as const;
  try {
    const { Ajv, Ajv2019, Ajv2020 } = loadedAjv();
    const ajv = draft.includes('2020-12')
      ? new Ajv2020(options)
      : draft.includes('2019-09')
        ? new Ajv2019(options)
        : new Ajv(options);
    return ajv.compile(schema);
  } catch (e) {
    return `values.schema.json cannot be compiled: ${(e as Error).message}`;
  }
}

/**
 * `pattern` and `patternProperties` run with RE2 semantics, as helm runs them with Go's regexp (RE2): linear time on
 * any input, so `^(a+)+$` cannot backtrack for minutes, and the same syntax: a pattern Go cannot compile (a
 * lookahead, a backreference) makes the schema uncompilable here too, as helm then refuses to render ("pattern must
 * be a valid regex" in helm 3, "is not valid regex: error parsing regexp" in helm 4). re2js is a maintained pure-JS
 * port of RE2 (RE2/J), with Go's error messages; no native build in the Action.
 */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = loadedRe2().RE2JS.compile(pattern);
    // toString keys ajv's cache of compiled patterns
    return { test: (input: string) => re.test(input), toString: () => `re2:${pattern}` };
  },
  { code: 're2js' },
);

function run(validate: ValidateFunction, values: unknown): ErrorObject[] {
  // Helm validates JSON: drop undefined and non-JSON values the same way.
  validate(JSON.parse(JSON.stringify(values)));
  const errors = validate.errors ?? [];
  // `if` only wraps the failing then/else errors; the branches of a failed anyOf/oneOf each fail for their own
  // reason, and only "must match a schema in anyOf" says what is wrong.
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => e.keyword !== 'if' && !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)));
}

function errorIdentity(error: ErrorObject): string {
  return `${error.instancePath}\u0000${error.schemaPath}\u0000${JSON.stringify(error.params)}`;
}

/** instancePath ("/a/0/b~1c") as a key path, plus the property a required/additionalProperties error names. */
function errorPath(error: ErrorObject, values: unknown): KeyPath {
  const path: KeyPath = [];
  let node: unknown = values;
  if (error.instancePath) {
    for (const raw of error.instancePath.slice(1).split('/')) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment = Array.isArray(node) && /^\d+$/.test(part) ? Number(part) : part;
      path.push(segment);
      node =
        node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    }
  }
  const params = error.params as Record<string, unknown>;
  const named = params.additionalProperty ?? params.missingProperty ?? params.unevaluatedProperty;
  if (typeof named === 'string') path.push(named);
  return path;
}

/** The override key at, below or above the failing path; the most specific one, and the last set on a tie. */
function ownerKey(path: KeyPath, keys: readonly OverrideKey[]): OverrideKey | undefined {
  let best: OverrideKey | undefined;
  let bestScore = -1;
  for (const key of keys) {
    let score = -1;
    if (isPrefix(key.path, path)) score = 1000 + key.path.length;
    else if (isPrefix(path, key.path)) score = 1000 - key.path.length;
    if (score >= bestScore && score >= 0) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

function describe(error: ErrorObject, path: KeyPath): string {
  const where = path.length ? formatKeyPath(path) : 'the values';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is required`;
    case 'additionalProperties':
      return `${where} is not allowed (additionalProperties: false)`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
