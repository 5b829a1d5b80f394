// JSON-schema checks of one run: one Ajv and the validators it compiled, held by whoever runs (a pipeline run, a
// render cache, a merge), never by a module. Compiling is the cost (measured: the config schema 23-65 ms, the report
// schema 46-69 ms), so each schema compiles once per run, on first use: a run that never reads a cache entry or a
// shard report never compiles their schemas.
import { Ajv, type Options, type ValidateFunction } from 'ajv';

export class SchemaCheck {
  #ajv: Ajv | undefined;
  readonly #compiled = new Map<object, ValidateFunction>();

  /**
   * `options` of the one Ajv (allErrors, strict...): every schema of this check shares them. The schemas are the
   * project's own (config, report, cache entry), checked by their tests: no run compiles the JSON-schema meta-schema
   * to check them again (it cost more than the schema itself: ~50 ms of every run, per Ajv, issue 23).
   */
  constructor(private readonly options: Options) {}

  /** The validator of `schema`, compiled on first use. */
  validator(schema: object): ValidateFunction {
    let validate = this.#compiled.get(schema);
    if (!validate) {
      this.#ajv ??= new Ajv({ validateSchema: false, ...this.options });
      validate = this.#ajv.compile(schema);
      this.#compiled.set(schema, validate);
    }
    return validate;
  }

  /**
   * Whether `value` matches `schema`. Nothing (undefined: a cache entry not found) matches no schema, and costs no
   * compilation (a cold cache's lookups compiled the chart entry's schema for nothing: 20 ms).
   */
  matches<T>(schema: object, value: unknown): value is T {
    return value !== undefined && this.validator(schema)(value);
  }
}
