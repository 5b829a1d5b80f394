// js-yaml 4 with chart-guard's core schema must read every scalar as `yaml` (YAML 1.2 core) does: the manifests,
// the values files and the rendered diff all go through it.
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CORE_MERGE_SCHEMA, CORE_SCHEMA } from '../../src/core/values/js-yaml-schema.js';

// the edges where js-yaml's own schemas and YAML 1.2 core disagree, and the ordinary cases around them
const SCALARS = [
  '1',
  '-1',
  '+12',
  '-0',
  '007',
  '0777',
  '0o17',
  '0o8',
  '-0o17',
  '0x1F',
  '0xff',
  '-0x1',
  '+0x1',
  '0x',
  '0b101',
  '0B1',
  '1_000',
  '-1_0',
  '0xFF_FF',
  '1.5',
  '-.5',
  '+.5',
  '.5',
  '1.',
  '0.',
  '1e3',
  '1E+3',
  '12e03',
  '.1e1',
  '1.2_3',
  '9007199254740993',
  '123456789012345678901234567890',
  '.inf',
  '+.Inf',
  '-.INF',
  '.nan',
  '.NaN',
  'NaN',
  'inf',
  'null',
  'Null',
  'NULL',
  '~',
  '',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2001-12-14',
  '2001-12-14T21:59:43.10-05:00',
  '1:20',
  '190:20:30',
  '=',
  '<<',
  "'1'",
  '"0x1F"',
  'v1.2.3',
  '1.2.3',
];

const viaJsYaml = (text: string) => load(text, { schema: CORE_SCHEMA, json: true });

describe('js-yaml core schema', () => {
  it.each(SCALARS)('reads %j as yaml 1.2 core does', (scalar) => {
    const text = `k: ${scalar}\n`;
    const ours = viaJsYaml(text) as { k: unknown };
    const reference = parse(text) as { k: unknown };
    expect(Object.is(ours.k, reference.k) || ours.k === reference.k).toBe(true);
  });

  it('keeps a number too large for a double a string, as go-yaml and js-yaml 5 do (yaml reads Infinity)', () => {
    expect(viaJsYaml('a: 1e999\nb: -1e999\nc: 1e308\n')).toEqual({ a: '1e999', b: '-1e999', c: 1e308 });
  });

  it('reads merge keys only with the merge schema', () => {
    const text = 'base: &b {a: 1}\nchild:\n  <<: *b\n  c: 2\n';
    expect(load(text, { schema: CORE_MERGE_SCHEMA, json: true })).toEqual({ base: { a: 1 }, child: { a: 1, c: 2 } });
    expect(load(text, { schema: CORE_SCHEMA, json: true })).toEqual({
      base: { a: 1 },
      child: { '<<': { a: 1 }, c: 2 },
    });
  });

  it('dumps strings that look like core numbers quoted, and strings that do not plain', () => {
    const values = { hex: '0x1F', float: '-.5', binary: '0b101', yes: 'yes', version: '1.2.3', number: 5, minus: -0.5 };
    const text = dump(values, {
      schema: CORE_SCHEMA,
      lineWidth: -1,
      quotingType: '"',
      sortKeys: true,
      noCompatMode: true,
    });
    // a round trip through `yaml` gives the same values back, so nothing changed type in the diff
    expect(parse(text)).toEqual(values);
    expect(text).toContain('binary: 0b101\n');
    expect(text).toContain('hex: "0x1F"\n');
    expect(text).toContain('yes: yes\n');
    expect(stringify(values, { sortMapEntries: true })).toBe(text);
  });
});
