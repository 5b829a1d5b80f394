import { afterAll, describe, expect, it } from 'vitest';
import { ChartSchemas, checkSchema, mergeValues } from '../../src/core/values/schema.js';
import { CorpusCharts, overrideFile } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('mergeValues', () => {
  it('merges maps, replaces lists and scalars, deletes on null, and leaves its inputs alone', () => {
    const defaults = { a: { keep: 1, drop: 2, set: 3 }, list: [1, 2], s: 'x' };
    const layer = { a: { drop: null, set: 4 }, list: [9], s: { now: 'map' } };
    expect(mergeValues(defaults, layer)).toEqual({ a: { keep: 1, set: 4 }, list: [9], s: { now: 'map' } });
    expect(defaults).toEqual({ a: { keep: 1, drop: 2, set: 3 }, list: [1, 2], s: 'x' });
  });

  it('applies layers in order, the last one winning', () => {
    expect(mergeValues({ a: 1 }, { a: 2 }, { a: 3 })).toEqual({ a: 3 });
  });
});

describe('checkSchema on the corpus', () => {
  it('alertmanager 1.26: points a wrong type and an undeclared key at their override lines', async () => {
    const { head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const file = overrideFile('values/am.yaml', 'persistence:\n  size: 10\nimage:\n  tagg: v1\n');
    const result = checkSchema(head.schema, head.defaults, [file]);
    expect(result.problem).toBeUndefined();
    expect(result.violations.map((v) => [v.message, v.key?.line])).toEqual([
      ['persistence.size must be string', 2],
      ['image.tagg is not allowed (additionalProperties: false)', 4],
    ]);
  });

  it('alertmanager 1.26: a null that deletes a required key is a violation of that key', async () => {
    const { head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const file = overrideFile('values/am.yaml', 'persistence: null\n');
    const [violation] = checkSchema(head.schema, head.defaults, [file]).violations;
    expect(violation).toMatchObject({ path: ['persistence'], keyword: 'required', key: { line: 1 } });
  });

  it('alertmanager 1.26: valid overrides, including the new persistence.labels, pass', async () => {
    const { head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const file = overrideFile('values/am.yaml', 'replicaCount: 2\npersistence:\n  labels:\n    team: x\n');
    expect(checkSchema(head.schema, head.defaults, [file]).violations).toEqual([]);
  });

  it('alertmanager 1.26: a templated value is opaque and never a violation', async () => {
    const { head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const file = overrideFile('values/am.yaml', 'replicaCount: "{{ .replicas }}"\n');
    expect(checkSchema(head.schema, head.defaults, [file]).violations).toEqual([]);
  });

  it('mariadb 8: compiles a schema with a non-standard $schema URI and checks a code-set key', async () => {
    const { head } = await corpus.load('mariadb-7.10.4-to-8.0.0');
    const codeSet = [
      {
        path: ['auth', 'rootPassword'],
        value: 1234,
        file: '.github/chart-guard.yaml',
        line: 7,
        source: 'config' as const,
      },
    ];
    const result = checkSchema(head.schema, head.defaults, [], codeSet);
    expect(result.violations).toEqual([
      { path: ['auth', 'rootPassword'], keyword: 'type', message: 'auth.rootPassword must be string', key: codeSet[0] },
    ]);
  });
});

describe('checkSchema', () => {
  const required = { type: 'object', required: ['name'], properties: { port: { type: 'integer' } } };

  it('leaves out a violation the defaults alone already have (the chart’s own, no override touches it)', () => {
    const file = overrideFile('values/app.yaml', 'port: 80\n');
    expect(checkSchema(required, {}, [file]).violations).toEqual([]);
  });

  it('reports a violation no override key explains against the chart when the overrides cause it', () => {
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword under test
    const schema = { type: 'object', if: { required: ['tls'] }, then: { required: ['cert'] } };
    const file = overrideFile('values/app.yaml', 'tls: true\n');
    const [violation] = checkSchema(schema, {}, [file]).violations;
    expect(violation).toMatchObject({ path: ['cert'], keyword: 'required' });
    expect(violation.key).toBeUndefined();
  });

  it('uses the draft the schema names: 2020-12 keywords apply only under a 2020-12 $schema', () => {
    const keywords = { type: 'object', dependentRequired: { tls: ['cert'] } };
    const file = overrideFile('values/app.yaml', 'tls: true\n');
    const draft2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...keywords };
    const draft2019 = { $schema: 'https://json-schema.org/draft/2019-09/schema', ...keywords };
    expect(checkSchema(draft2020, {}, [file]).violations).toHaveLength(1);
    expect(checkSchema(draft2019, {}, [file]).violations).toHaveLength(1);
    expect(checkSchema(keywords, {}, [file]).violations).toHaveLength(0);
  });

  it('a schema that cannot be compiled is a problem, not a crash', () => {
    const result = checkSchema({ properties: { a: { $ref: '#/definitions/missing' } } }, {}, []);
    expect(result.violations).toEqual([]);
    expect(result.problem).toMatch(/cannot be compiled/);
  });
});

describe('checkSchema messages', () => {
  it('reports a failed anyOf once, not each of its branches', () => {
    const schema = {
      type: 'object',
      properties: { port: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d+$' }] } },
    };
    const file = overrideFile('values/app.yaml', 'port: http\n');
    expect(checkSchema(schema, {}, [file]).violations.map((v) => v.message)).toEqual([
      'port must match a schema in anyOf',
    ]);
  });

  it('names the allowed values of an enum', () => {
    const schema = { type: 'object', properties: { mode: { enum: ['standalone', 'replication'] } } };
    const file = overrideFile('values/app.yaml', 'mode: cluster\n');
    expect(checkSchema(schema, {}, [file]).violations.map((v) => v.message)).toEqual([
      'mode must be one of "standalone", "replication"',
    ]);
  });
});

describe('checkSchema patterns run with RE2 semantics, as helm runs them with Go regexp', () => {
  const schema = (pattern: string) => ({
    type: 'object',
    properties: { name: { type: 'string', pattern } },
  });

  it('reports a value a catastrophic-backtracking pattern rejects, and terminates', () => {
    const file = overrideFile('values/app.yaml', `name: ${'a'.repeat(34)}b\n`);
    const result = checkSchema(schema('^(a+)+$'), {}, [file]);
    expect(result.violations.map((v) => [v.message, v.key?.line])).toEqual([['name must match pattern "^(a+)+$"', 1]]);
  });

  it('accepts what Go regexp matches (a find, not a full match; \\d and POSIX classes)', () => {
    const file = overrideFile('values/app.yaml', 'name: x-42-y\n');
    expect(checkSchema(schema('\\d+'), {}, [file]).violations).toEqual([]);
    expect(checkSchema(schema('[[:alpha:]]-[[:digit:]]'), {}, [file]).violations).toEqual([]);
  });

  it('a pattern Go cannot compile (lookahead, backreference) makes the schema uncompilable, as helm refuses it', () => {
    const file = overrideFile('values/app.yaml', 'name: abc\n');
    expect(checkSchema(schema('^(?=a)abc$'), {}, [file]).problem).toMatch(
      /cannot be compiled: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/,
    );
    expect(checkSchema(schema('(a)\\1'), {}, [file]).problem).toMatch(/invalid escape sequence/);
  });
});

describe('ChartSchemas: the compiled schemas of one run', () => {
  const schema = () => ({ type: 'object', properties: { replicas: { type: 'integer' } } });

  it('compiles a schema once per run: the same object, or another load of the same text', () => {
    const run = new ChartSchemas();
    const first = schema();
    const validate = run.compile(first);
    expect(typeof validate).toBe('function');
    expect(run.compile(first)).toBe(validate);
    expect(run.compile(schema())).toBe(validate); // each load of a chart parses its own object
  });

  it('shares nothing between runs: the module keeps no compiled schema', () => {
    const one = schema();
    expect(new ChartSchemas().compile(one)).not.toBe(new ChartSchemas().compile(one));
  });

  it('checks with the run it is given', () => {
    const run = new ChartSchemas();
    const file = overrideFile('values/app.yaml', 'replicas: two\n');
    expect(checkSchema(schema(), {}, [file], [], run).violations.map((v) => v.message)).toEqual([
      'replicas must be integer',
    ]);
  });
});
