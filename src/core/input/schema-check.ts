// JSON-schema checks of chart-guard's own schemas (the config, the report, the render cache's entries) by their
// precompiled validators (src/core/generated/, written at build time by scripts/schema-validators.mjs): no run compiles
// a schema of its own or loads ajv to do so (compiling cost 20 to 70 ms of every run that read a config, a cache
// entry or a shard report, issue 23). Whoever checks holds a SchemaCheck that pairs each schema with its validator.
import type { ValidateFunction } from 'ajv';

export class SchemaCheck {
  /** `validators`: each schema object with its precompiled validator. */
  constructor(private readonly validators: ReadonlyMap<object, ValidateFunction>) {}

  /** The validator of `schema`. */
  validator(schema: object): ValidateFunction {
    const validate = this.validators.get(schema);
    if (!validate)
      throw new Error('internal error: a schema without its precompiled validator (schema-validators.mjs)');
    return validate;
  }

  /** Whether `value` matches `schema`. Nothing (undefined: a cache entry not found) matches no schema. */
  matches<T>(schema: object, value: unknown): value is T {
    return value !== undefined && this.validator(schema)(value);
  }
}
