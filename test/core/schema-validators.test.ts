// chart-guard's own schemas are checked by validators compiled at build time (scripts/schema-validators.mjs, into
// src/core/generated/): the committed files must be what the schemas and ajv compile to now, and each validator must
// judge as ajv compiling the schema at run time did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, generatedValidators, VALIDATOR_FILES } from '../../scripts/schema-validators.mjs';
import { PROJECT_DIR } from '../support/git-repo.js';

const load = async (path: string) =>
  path.endsWith('.json')
    ? { default: JSON.parse(readFileSync(join(PROJECT_DIR, path), 'utf8')) }
    : ((await import(join(PROJECT_DIR, path))) as Record<string, unknown>);

const asData = (errors: unknown) => JSON.parse(JSON.stringify(errors ?? null));

describe('the precompiled schema validators', () => {
  it('are what the schemas compile to now (run npm run build when this fails)', async () => {
    const generated = await generatedValidators(load);
    expect([...generated.keys()].sort()).toEqual(
      VALIDATOR_FILES.flatMap(({ file }) => [file, file.replace(/\.js$/, '.d.ts')]).sort(),
    );
    for (const [file, text] of generated) expect(readFileSync(join(GENERATED_DIR, file), 'utf8'), file).toBe(text);
  });

  const samples: Record<string, unknown[]> = {
    validateConfig: [
      {},
      { failOn: 'warning' },
      { failOn: 'sometimes' },
      { environments: [{ name: 'prod', kubernetesVersion: '1.31' }] },
      { environments: 'prod' },
      { unknownKey: true },
      [],
    ],
    validateReport: [{}, { schemaVersion: 1 }, null],
    validateEntry: [{ format: 4, key: 'k', payload: {} }, { format: 4, key: 'k', payload: {}, tailBytes: -1 }, {}],
    validateStoredOutcome: [
      { status: 'ok', refusedSymlinks: [] },
      { status: 'ok', output: [null], refusedSymlinks: [] },
      { status: 'maybe', refusedSymlinks: [] },
    ],
    validateLoadedChart: [{ dir: 'charts/x' }, {}],
    validateHelmVersionMemo: [
      { format: 1, identity: 'x', version: 'v3.16.2+g13654a5' },
      { format: 1, identity: 'x', version: 'v3.0.0 --post-renderer=/bin/sh' },
    ],
  };

  it.each(
    VALIDATOR_FILES.flatMap(({ file, options, validators }) =>
      Object.entries(validators).map(([name, [path, exported]]) => [name, file, options, path, exported] as const),
    ),
  )('%s judges as ajv does at run time, errors and all', async (name, file, options, path, exported) => {
    const schema = ((await load(path)) as Record<string, unknown>)[exported] as object;
    const runtime = new Ajv({ ...options, validateSchema: false }).compile(schema);
    const precompiled = (await import(join(GENERATED_DIR, file)))[name];
    for (const sample of samples[name]) {
      expect(precompiled(sample), JSON.stringify(sample)).toBe(runtime(sample));
      // (as data: a run-time error's parentSchema is the definition itself, with TypeBox's symbol keys)
      expect(asData(precompiled.errors)).toEqual(asData(runtime.errors));
    }
  });
});
