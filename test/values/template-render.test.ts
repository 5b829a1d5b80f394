import { describe, expect, it } from 'vitest';
import { formatKeyPath } from '../../src/core/values/key-path.js';
import {
  parseTemplateContext,
  readTemplatedValuesFile,
  type TemplateContext,
} from '../../src/core/values/template-render.js';
import { TemplateSandbox } from '../../src/core/values/template-sandbox.js';

const context: TemplateContext = {
  path: 'ci/template-context.yaml',
  variables: { sanitized_name: 'orders-db', n: 3, publicly_accessible: false, zones: ['a', 'b'] },
};

const TEXT = `commonLabels:
  app: {{ sanitized_name }}
{% if publicly_accessible %}
service:
  type: LoadBalancer
{% else %}
service:
  type: ClusterIP
{% endif %}
replicaCount: {{ n }}
host: "{{ sanitized_name | upper }}.example.com"
zones:
{% for zone in zones %}
  - {{ zone }}
{% endfor %}
tail: 1
`;

describe('readTemplatedValuesFile (jinja with a context)', () => {
  it('reports a macro that calls itself without end at the macro, in its own words', async () => {
    const text = 'a: 1\n{% macro loop(n) %}{{ loop(n) }}{% endmacro %}\nb: {{ loop(1) }}\n';
    const file = await readTemplatedValuesFile(text, 'values/app.yaml', context);
    expect(file.error).toEqual({
      file: 'values/app.yaml',
      line: 2,
      message:
        'values/app.yaml cannot be rendered with ci/template-context.yaml: the template calls itself without end (a macro that never stops recursing)',
    });
  });

  it('renders the file and reads it, keys at the lines of the source', async () => {
    const file = await readTemplatedValuesFile(TEXT, 'values/app.yaml', context);
    expect(file.error).toBeUndefined();
    expect(file.values).toEqual({
      commonLabels: { app: 'orders-db' },
      service: { type: 'ClusterIP' },
      replicaCount: 3,
      host: 'ORDERS-DB.example.com',
      zones: ['a', 'b'],
      tail: 1,
    });
    expect(file.keys.map((k) => `${k.line}: ${formatKeyPath(k.path)}`)).toEqual([
      '2: commonLabels.app',
      '8: service.type', // the else branch, as the context says
      '10: replicaCount',
      '11: host',
      '12: zones',
      '16: tail',
    ]);
    expect(file.skipped).toEqual([]);
    expect(file.renderedWith).toBe('ci/template-context.yaml');
  });

  it('makes an undefined variable an error of the file at its line, naming the expression', async () => {
    const file = await readTemplatedValuesFile('a: 1\nb:\n  c: {{ missing_var }}\n', 'values/app.yaml', context);
    expect(file.error).toEqual({
      file: 'values/app.yaml',
      line: 3,
      message: 'values/app.yaml: `{{ missing_var }}` prints a variable that ci/template-context.yaml does not define',
    });
    expect(file.keys).toEqual([]);
  });

  it('lists every undefined variable of the file in one error, each expression once with its lines', async () => {
    const text = [
      'name: {{ sanitized_name }}',
      'labels:',
      '  env: {{ environment_id }}',
      '  owner: {{ owner.team }}',
      '{%- for zone in zones %}',
      '  {{ zone }}: {{ zone_suffix }}',
      '{%- endfor %}',
      'host: {{ sanitized_name }}.{{ domain }}',
      'fine: {{ defined | default("x") }}',
      '',
    ].join('\n');
    const file = await readTemplatedValuesFile(text, 'values/app.j2.yaml', {
      ...context,
      variables: { zones: ['a', 'b'] },
    });
    expect(file.error).toEqual({
      file: 'values/app.j2.yaml',
      line: 1,
      message:
        'values/app.j2.yaml: 5 expressions print variables that ci/template-context.yaml does not define: ' +
        '`{{ sanitized_name }}` (lines 1, 8), `{{ environment_id }}` (line 3), `{{ owner.team }}` (line 4), ' +
        '`{{ zone_suffix }}` (line 6), `{{ domain }}` (line 8)',
    });
    expect(file.keys).toEqual([]);
  });

  it('names one undefined expression printed on several lines with its lines', async () => {
    const file = await readTemplatedValuesFile('a: {{ nope }}\nb: {{ nope }}\n', 'values/app.yaml', context);
    expect(file.error?.message).toBe(
      'values/app.yaml: `{{ nope }}` (lines 1, 2) prints a variable that ci/template-context.yaml does not define',
    );
  });

  it('makes a syntax error an error of the file at its line', async () => {
    const file = await readTemplatedValuesFile('a: 1\nb: 2\nc: {{ n + }}\n', 'values/app.yaml', context);
    expect(file.error?.line).toBe(3);
    expect(file.error?.message).toMatch(/^values\/app\.yaml cannot be rendered with ci\/template-context\.yaml: /);
  });

  it('puts an unclosed block at the end of the file and an unknown filter at its line', async () => {
    const unclosed = await readTemplatedValuesFile('a: 1\n{% if n %}\nb: 2\n', 'v.yaml', context);
    expect(unclosed.error?.line).toBe(3);
    const filter = await readTemplatedValuesFile('a: 1\nb: {{ n | no_such_filter }}\n', 'v.yaml', context);
    expect(filter.error).toEqual(expect.objectContaining({ line: 2 }));
    expect(filter.error?.message).toContain('no_such_filter');
  });

  it('puts an error while rendering inside a tag at its line, not the line before (nunjucks counts from 0)', async () => {
    const file = await readTemplatedValuesFile('a: 1\n{% if n %}\nb: {{ nope() }}\n{% endif %}\n', 'v.yaml', context);
    expect(file.error).toEqual({
      file: 'v.yaml',
      line: 3,
      message:
        'v.yaml cannot be rendered with ci/template-context.yaml: Unable to call `nope`, which is undefined or falsey',
    });
  });

  it('renders each side of a review in its own sandbox when given one', async () => {
    const sandbox = new TemplateSandbox();
    try {
      const file = await readTemplatedValuesFile('a: {{ n }}\n', 'v.yaml', context, { sandbox });
      expect(file.values).toEqual({ a: 3 });
    } finally {
      sandbox.close();
    }
  });

  it('reports a YAML error of the rendered output at the source line', async () => {
    const file = await readTemplatedValuesFile('{% if n %}\n{% endif %}\na: 1\nb: [unclosed\n', 'v.yaml', context);
    expect(file.error?.line).toBe(4);
  });
});

describe('parseTemplateContext', () => {
  const settings = { engine: 'jinja' as const, context: 'ci/ctx.yaml', line: 7 };

  it('reads a map of variables', async () => {
    expect(parseTemplateContext('a: 1\nb: [x]\n', settings, '.github/chart-guard.yaml')).toEqual({
      context: { path: 'ci/ctx.yaml', variables: { a: 1, b: ['x'] } },
    });
  });

  it('reports a missing file at the config line, and an invalid one at its own line', async () => {
    expect(parseTemplateContext(undefined, settings, '.github/chart-guard.yaml').problem).toEqual(
      expect.objectContaining({ file: '.github/chart-guard.yaml', line: 7 }),
    );
    expect(parseTemplateContext('a: 1\nb: [\n', settings, 'c.yaml').problem).toEqual(
      expect.objectContaining({ file: 'ci/ctx.yaml', line: expect.any(Number) }),
    );
    expect(parseTemplateContext('- a\n', settings, 'c.yaml').problem).toEqual({
      file: 'ci/ctx.yaml',
      line: 1,
      message: 'ci/ctx.yaml must be a map of variables',
    });
  });
});
