// Types of scripts/schema-validators.mjs, for the tests that import it.
export declare const GENERATED_DIR: string;
export declare const VALIDATOR_FILES: {
  file: string;
  options: Record<string, unknown>;
  validators: Record<string, [path: string, exported: string]>;
}[];
export declare function generatedValidators(
  load: (path: string) => Promise<Record<string, unknown>>,
): Promise<Map<string, string>>;
export declare function writeGeneratedValidators(options?: { check?: boolean }): Promise<string[]>;
