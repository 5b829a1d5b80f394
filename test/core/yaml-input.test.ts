// The one reader of the YAML files a pull request controls: whatever the text, documents or problems at a line,
// never a throw (issue 24).
import { describe, expect, it } from 'vitest';
import { jsonDepth, loadYamlValues, READ_MAX_DEPTH, readYaml, yamlValue } from '../../src/core/input/yaml-input.js';

const problemsOf = (text: string, allErrors = false) =>
  readYaml(text, 'f.yaml', { what: 'the file', allErrors }).documents.flatMap((d) => d.problems);
const flow = (depth: number) => `deep: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;

describe('readYaml', () => {
  it('an alias before its anchor, or without one, is a problem at the alias, and nothing may walk the document', () => {
    const read = readYaml('a: 1\nb: *later\nc: &later 2\n', 'f.yaml', { what: 'the file' });
    expect(read.documents[0].problems).toEqual([
      {
        file: 'f.yaml',
        line: 2,
        message:
          "the file is not valid YAML: unknown anchor 'later' referenced (the anchor must be set before the alias)",
      },
    ]);
    expect(read.documents[0].walkable).toBe(false);
    expect(problemsOf('merge: {<<: [*missing]}\n')[0]).toMatchObject({ line: 1, message: /unknown anchor 'missing'/ });
  });

  it('reads anchors, aliases and merges that resolve, and converts them', () => {
    const read = readYaml('base: &b {x: 1}\nuse: {<<: *b, y: 2}\n', 'f.yaml', { what: 'the file', merge: true });
    expect(read.documents[0].problems).toEqual([]);
    expect(yamlValue(read.documents[0], 'f.yaml', 'the file').value).toEqual({ base: { x: 1 }, use: { x: 1, y: 2 } });
  });

  it(`reads ${READ_MAX_DEPTH} levels and refuses one more, at its line`, () => {
    expect(problemsOf(`a: 1\n${flow(READ_MAX_DEPTH - 1)}`)).toEqual([]);
    expect(problemsOf(`a: 1\n${flow(READ_MAX_DEPTH)}`)).toEqual([
      {
        file: 'f.yaml',
        line: 2,
        message: 'the file is not valid YAML: nested deeper than 500 levels, the most chart-guard reads',
      },
    ]);
  });

  it('lists the first 10 syntax errors of a document and counts the rest', () => {
    const problems = problemsOf(`${'a: [\n'.repeat(1)}${'}\n'.repeat(40)}`, true);
    expect(problems).toHaveLength(11);
    expect(problems[10].message).toMatch(/^the file: \d+ more YAML errors after these$/);
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '',
      '\0',
      '{',
      ']',
      '%YAML 9.9\n---\na: 1',
      '*x',
      '&a *a',
      `${'- '.repeat(5000)}x`,
      '\ufeff---\n...',
    ]) {
      expect(() => readYaml(text, 'f.yaml', { what: 'the file', allDocuments: true })).not.toThrow();
      expect(() => loadYamlValues(text, 'f.yaml', { allDocuments: true })).not.toThrow();
    }
  });
});

describe('loadYamlValues (js-yaml, chart files)', () => {
  it('agrees with readYaml on the depth bound', () => {
    expect(loadYamlValues(`a: 1\n${flow(READ_MAX_DEPTH - 1)}`, 'v.yaml').problem).toBeUndefined();
    expect(loadYamlValues(`a: 1\n${flow(READ_MAX_DEPTH)}`, 'v.yaml').problem?.message).toBe(
      'invalid YAML: nested deeper than 500 levels, the most chart-guard reads',
    );
  });

  it('checks aliases with the yaml library first: one without its anchor is a problem at its line', () => {
    expect(loadYamlValues('a: 1\nb: *nowhere\n', 'v.yaml').problem).toEqual({
      file: 'v.yaml',
      line: 2,
      message: "invalid YAML: unknown anchor 'nowhere' referenced (the anchor must be set before the alias)",
    });
  });
});

describe('jsonDepth (values.schema.json)', () => {
  it('measures without recursion, and stops early past the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { properties: deep };
    expect(jsonDepth(deep)).toBe(READ_MAX_DEPTH + 1);
    expect(jsonDepth({ a: [{ b: {} }] })).toBe(4);
  });
});
