import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument } from 'yaml';
import { defaultConfig, parseConfig } from '../../src/core/config/config.js';
import { CONFIG_SCHEMA, keysOf, RENDER } from '../../src/core/config/config-definition.js';
import { configCheck, schemaProblems } from '../../src/core/config/config-schema.js';
import { RULE_ID_LIST } from '../../src/core/registry/rule-ids.js';
import { PROJECT_DIR } from '../support/git-repo.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema file read as plain JSON, walked by known paths
type Schema = Record<string, any>;
const SCHEMA: Schema = JSON.parse(readFileSync(join(PROJECT_DIR, 'chart-guard.schema.json'), 'utf8'));
/** An editor's strict ajv: the definition's own words (errorMessage, patternErrorMessage) are annotations to it. */
function strictAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
  return ajv;
}
const validate = strictAjv().compile(SCHEMA);

function schemaErrors(text: string): string[] {
  if (validate(parse(text))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const configs = configCheck();

function problemsOf(text: string): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return schemaProblems(doc, lineCounter, 'c.yaml', configs).map((p) => `${p.line}: ${p.message}`);
}

const readerProblems = (text: string) =>
  parseConfig(text, '.github/chart-guard.yaml').problems.map((p) => `${p.line}: ${p.message}`);

/** Every .github/chart-guard.yaml under test/fixtures (the corpus holds charts, not configurations). */
function fixtureConfigs(dir = join(PROJECT_DIR, 'test/fixtures')): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureConfigs(path));
    else if (name === 'chart-guard.yaml' && dir.endsWith('.github')) out.push(path);
  }
  return out;
}

/** The first yaml block after `heading` in one of the project's documents. */
function configExample(file: string, heading: string): string {
  const text = readFileSync(join(PROJECT_DIR, file), 'utf8');
  const section = text.slice(text.indexOf(heading));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error(`${file} has no yaml block after ${heading}`);
  return m[1];
}

/** The same example with its commented-out alternatives switched on (kubernetes as a range, set as a map...). */
function uncommented(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = /^(\s*)# (\w+):(.*)$/.exec(line);
    if (m) {
      // replaces the active line of the same key and indentation
      const at = out.map((l) => l.startsWith(`${m[1]}${m[2]}:`)).lastIndexOf(true);
      const entry = `${m[1]}${m[2]}:${m[3]}`;
      if (at >= 0) out[at] = entry;
      else out.push(entry);
    } else out.push(line);
  }
  return out.join('\n');
}

describe('chart-guard.schema.json', () => {
  it('is a valid draft-07 JSON Schema that ajv compiles in strict mode', () => {
    expect(strictAjv().validateSchema(SCHEMA)).toBe(true);
    expect(SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts the demo configuration, which points editors at it', () => {
    const text = readFileSync(join(PROJECT_DIR, '.github/chart-guard.yaml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=../chart-guard.schema.json');
    expect(schemaErrors(text)).toEqual([]);
    expect(readerProblems(text)).toEqual([]);
  });

  it('accepts every configuration of the test fixtures', () => {
    const configs = fixtureConfigs();
    expect(configs.length).toBeGreaterThanOrEqual(4);
    for (const path of configs) {
      const text = readFileSync(path, 'utf8');
      expect({ path: relative(PROJECT_DIR, path), errors: schemaErrors(text) }).toEqual({
        path: relative(PROJECT_DIR, path),
        errors: [],
      });
    }
  });

  it("accepts the configuration page's full example, with and without its commented-out alternatives", () => {
    const example = configExample('docs/configuration.md', '# Configuration');
    expect(example).toContain('environments:');
    expect(schemaErrors(example)).toEqual([]);
    const alternatives = uncommented(example);
    expect(alternatives).toContain('replace: true');
    expect(alternatives).toContain('approvers: [alice, acme/platform]');
    expect(schemaErrors(alternatives)).toEqual([]);
    expect(readerProblems(example)).toEqual([]);
    expect(readerProblems(alternatives)).toEqual([]);
  });

  it("accepts the README's basic configuration example", () => {
    const example = configExample('README.md', '## Configuration');
    expect(example).toContain('charts:');
    expect(schemaErrors(example)).toEqual([]);
    expect(readerProblems(example)).toEqual([]);
  });

  it('refuses what the reader refuses', () => {
    expect(schemaErrors('lockfiel: x')).toEqual([' must NOT have additional properties']);
    expect(schemaErrors('failOn: sometimes')).toEqual(['/failOn must be equal to one of the allowed values']);
    expect(schemaErrors('rules: { not-a-rule: off }')).toEqual(['/rules must NOT have additional properties']);
    expect(schemaErrors('rules: { api-removed: loud }')).toEqual([
      '/rules/api-removed must be equal to one of the allowed values',
    ]);
    expect(schemaErrors('acceptanceMaxDays: 0')).toEqual(['/acceptanceMaxDays must be >= 1']);
    expect(schemaErrors('templates: { engine: jinja }')).toEqual(["/templates must have required property 'context'"]);
    expect(schemaErrors('environments: { "bad name": {} }').length).toBeGreaterThan(0);
    expect(schemaErrors('kubernetes: "latest"').length).toBeGreaterThan(0);
    expect(schemaErrors('apiVersions: [ServiceMonitor]').length).toBeGreaterThan(0);
    expect(schemaErrors('charts: { db: { namespace: true } }')).toEqual(['/charts/db/namespace must be string,number']);
  });
});

describe('schema problems in the reader', () => {
  it('point type errors at the value and unknown keys at the key, with the dotted path', () => {
    const text = [
      'render:',
      '  timeoutSeconds: soon',
      '  helmm: /bin/helm',
      'charts:',
      '  db:',
      '    rules:',
      '      api-removed: loud',
      'kubernetes:',
      '  min: "1.29"',
      '  max: true',
      '',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '2: render.timeoutSeconds must be a number of seconds above 0',
      `3: unknown key in render "helmm" (did you mean "helm"? known: ${keysOf(RENDER).join(', ')})`,
      '7: charts.db.rules.api-removed must be one of error, warning, notice, off',
      '10: kubernetes.max must be a Kubernetes version like "1.31"',
    ]);
  });

  it("use the definition's own words for an alternative, and only the alternative that got furthest", () => {
    expect(problemsOf('values: 3\n')).toEqual(['1: values must be a list of strings']);
    expect(problemsOf('values:\n  - a\n  - [b]\n')).toEqual(['3: each item of values must be a string']);
    expect(problemsOf('apiVersions: [v1, ServiceMonitor]\n')).toEqual([
      '1: apiVersions: "ServiceMonitor" is not an API version like monitoring.coreos.com/v1 or monitoring.coreos.com/v1/ServiceMonitor',
    ]);
  });

  it('are the only validation: the reader adds only what no schema can say, one problem per line', () => {
    const text = 'lockfiel: x\nrender:\n  timeoutSeconds: soon\nfailOn: sometimes\n';
    expect(readerProblems(text)).toEqual([
      `1: unknown top-level key "lockfiel" (did you mean "lockfile"? known: ${keysOf(CONFIG_SCHEMA).join(', ')})`,
      '3: render.timeoutSeconds must be a number of seconds above 0',
      '4: failOn must be one of error, warning, never',
    ]);
    // the reader's problems are the schema's, word for word
    expect(readerProblems(text)).toEqual(problemsOf(text));
    // what no schema can say: key path syntax, placeholders, a range upside down (and nothing twice on a line)
    expect(
      problemsOf('set: [a..b]\nvalues: ["{chart}/{nope}.yaml"]\nkubernetes: { min: "1.32", max: "1.29" }\n'),
    ).toEqual([]);
    expect(
      readerProblems('set: [a..b]\nvalues: ["{chart}/{nope}.yaml"]\nkubernetes: { min: "1.32", max: "1.29" }\n'),
    ).toEqual([
      '1: set: malformed key path "a..b" at column 3',
      '2: values: unknown placeholder {nope} in "{chart}/{nope}.yaml" (known: {chart}, {dir}, {dest}, {lockdir})',
      '3: kubernetes.min (1.32) is newer than kubernetes.max (1.29)',
    ]);
  });
});

describe('the schema and the reader know the same keys', () => {
  const keys = (schema: Schema) => Object.keys(schema.properties ?? {});
  const def = (name: string) => SCHEMA.definitions[name];
  /** The "known: …" list of the reader's problem for an unknown key written at `text`'s `bogus`. */
  const knownListed = (text: string) => {
    const [problem] = readerProblems(text);
    const m = /known: ([^)]*)\)/.exec(problem ?? '');
    return m ? m[1].split(', ') : [problem];
  };

  it('the file is the config definition written out (npm run docs), rule descriptions added', () => {
    const written = structuredClone(SCHEMA);
    for (const rule of Object.values<Schema>(written.definitions.rules.properties)) delete rule.description;
    expect(written).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });

  it('an unknown key is named with exactly the keys the schema has at that map, in its order', () => {
    expect(knownListed('bogus: 1')).toEqual(keys(SCHEMA));
    expect(knownListed('render: { bogus: 1 }')).toEqual(keys(SCHEMA.properties.render));
    expect(knownListed('redact: { bogus: 1 }')).toEqual(keys(SCHEMA.properties.redact));
    expect(knownListed('acceptances: { bogus: 1 }')).toEqual(keys(SCHEMA.properties.acceptances.anyOf[1]));
    expect(knownListed('environments: { aws: { bogus: 1 } }')).toEqual(
      keys(SCHEMA.properties.environments.additionalProperties),
    );
    expect(knownListed('charts: { db: { bogus: 1 } }')).toEqual(keys(SCHEMA.properties.charts.additionalProperties));
    expect(knownListed('templates: { context: c.yaml, bogus: 1 }')).toEqual(keys(def('templates')));
    expect(knownListed('kubernetes: { min: "1.29", bogus: 1 }')).toEqual(keys(def('kubeTarget').anyOf[1]));
    for (const map of [
      SCHEMA,
      SCHEMA.properties.render,
      SCHEMA.properties.redact,
      SCHEMA.properties.environments.additionalProperties,
      SCHEMA.properties.charts.additionalProperties,
      def('templates'),
      def('kubeTarget').anyOf[1],
      def('rules'),
    ]) {
      expect(map.additionalProperties).toBe(false);
    }
  });

  it('rule ids, severities, failOn values, template engines and name patterns', () => {
    expect(keys(def('rules')).sort()).toEqual([...RULE_ID_LIST].sort());
    for (const [text, allowed] of [
      ['rules: { api-removed: loud }', def('ruleSetting').enum],
      ['failOn: sometimes', SCHEMA.properties.failOn.enum],
      ['templates: { engine: mustache, context: c.yaml }', def('templates').properties.engine.enum],
    ] as const) {
      expect(readerProblems(text)[0]).toMatch(new RegExp(`must be one of ${allowed.join(', ')}$`));
    }
    const apiVersion = new RegExp(def('apiVersion').pattern);
    for (const good of ['v1', 'policy/v1', 'monitoring.coreos.com/v1/ServiceMonitor']) {
      expect(apiVersion.test(good)).toBe(true);
      expect(readerProblems(`apiVersions: [${good}]`)).toEqual([]);
    }
    expect(apiVersion.test('ServiceMonitor')).toBe(false);
    expect(readerProblems('apiVersions: [ServiceMonitor]')).toHaveLength(1);
    const environmentName = new RegExp(SCHEMA.properties.environments.propertyNames.pattern);
    expect(environmentName.test('aws-eu.1')).toBe(true);
    expect(environmentName.test('bad name')).toBe(false);
    expect(readerProblems('environments: { "bad name": {} }')).toHaveLength(1);
  });

  it('gives the defaults the reader starts from', () => {
    const defaults = defaultConfig();
    expect(SCHEMA.properties.lockfile.default).toBe(defaults.lockfile);
    expect(SCHEMA.properties.render.properties.timeoutSeconds.default).toBe(defaults.render.timeoutSeconds);
    expect(SCHEMA.properties.render.properties.proofRenders.default).toBe(defaults.render.proofRenders);
    expect(SCHEMA.properties.render.properties.enabled.default).toBe(defaults.render.enabled);
    expect(SCHEMA.properties.redact.properties.replace.default).toBe(defaults.redact.replace);
    expect(SCHEMA.properties.acceptances.default).toBe(defaults.acceptances);
    expect(SCHEMA.properties.acceptanceMaxDays.default).toBe(defaults.acceptanceMaxDays);
  });

  it('every key has a description for the editor to show', () => {
    const missing: string[] = [];
    const walk = (schema: Schema, path: string) => {
      for (const [key, child] of Object.entries<Schema>(schema.properties ?? {})) {
        if (!child.description && !path.endsWith('rules')) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}.*`);
    };
    walk(SCHEMA, '');
    expect(missing).toEqual([]);
  });
});
