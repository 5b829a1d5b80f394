// `npm run docs` writes every generated table of the docs from its one source; `npm run docs -- --check` (CI) writes
// nothing and exits 1 naming each file whose tables, or rule ids, differ from what their sources give.
//
//   README.md                         rules (src/core/rules/index.ts), action-inputs and action-outputs (action.yml)
//   docs/reference/deprecated-apis.md removed-apis, served-apis (src/data/removed-apis.json, served-apis.json)
//   docs/reference/immutable-fields.md immutable-fields (src/data/immutable-fields.json)
//   docs/reference/report-contract.md rule-ids (src/core/rules/index.ts: the ids a report's findings carry)
//   src/action/action-inputs.ts       the whole file: action.yml's input names and defaults, typed
//   chart-guard.schema.json           the whole file: the config definition (src/core/config/config-definition.ts), with
//                                     one entry per rule id in definitions.rules (the registry's descriptions)
//
// A table sits between `<!-- generated:NAME:start -->` and `<!-- generated:NAME:end -->`; text around it is kept.
// The sources are read from this checkout's src/ (bundled with esbuild, as the Action is); `--root DIR` reads and
// writes the documents and action.yml under DIR instead (the test checks a stale copy that way).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { load } from 'js-yaml';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { check: { type: 'boolean' }, root: { type: 'string' } } });
const root = resolve(flags.root ?? PROJECT);

/** The rule registry and the reference tables, from src/ as the bundle sees them. */
async function loadSources() {
  const dir = mkdtempSync(join(tmpdir(), 'chart-guard-docs-'));
  try {
    const outfile = join(dir, 'sources.mjs');
    await build({
      stdin: {
        contents: [
          "export { allRules } from './src/core/rules/index.ts';",
          "export { ruleCrashed } from './src/core/rules/rule-crashed.ts';",
          "export { REMOVED_APIS, SERVED_APIS, IMMUTABLE_KINDS, IMMUTABLE_DEFAULTS } from './src/core/render/reference-tables.ts';",
          "export { CONFIG_SCHEMA } from './src/core/config/config-definition.ts';",
        ].join('\n'),
        resolveDir: PROJECT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One Markdown table cell: a pipe would end the cell, a newline the row. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header, rows) => [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
const code = (text) => (text ? `\`${text}\`` : '');
const link = (text, url) => `[${text}](${url})`;

function ruleTable({ allRules, ruleCrashed }) {
  const rows = [...allRules, ruleCrashed].map((rule) => [
    `<a id="rule-${rule.id}"></a>${code(rule.id)}`,
    rule.severity,
    rule.modes ? rule.modes.join(', ') : 'any (the runner reports it)',
    rule.description,
  ]);
  return table(['rule', 'default severity', 'modes', 'meaning'], rows);
}

/** The report contract's rule ids: the registry's, with no anchors (the README's table holds those). */
function contractRuleTable({ allRules, ruleCrashed }) {
  const rows = [...allRules, ruleCrashed].map((rule) => [code(rule.id), rule.severity, rule.description]);
  return table(['rule', 'default severity', 'meaning'], rows);
}

/** action.yml's descriptions end with "Default: …." where the default is not the literal `default:` value. */
function splitDefault(description, literal) {
  const text = cell(description);
  const match = /(?:^|\s)Default: (.*?)\.(?=\s|$)/.exec(text);
  if (match) return { meaning: cell(text.replace(match[0], '')), fallback: match[1] };
  return { meaning: text, fallback: literal ? code(literal) : '' };
}

function inputsTable(action) {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const { meaning, fallback } = splitDefault(input.description, input.default);
    return [code(name), fallback, meaning];
  });
  return table(['input', 'default', 'meaning'], rows);
}

function outputsTable(action) {
  return table(
    ['output', 'meaning'],
    Object.entries(action.outputs).map(([name, output]) => [code(name), output.description]),
  );
}

/** A TypeScript string literal as biome writes it. */
const tsString = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** action.yml's inputs as a typed module: src/action/inputs.ts can read no name, and assume no default, apart from it. */
function actionInputsModule(action) {
  const entries = Object.entries(action.inputs).map(([name, input]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name);
    // an expression (${{ github.token }}) is the runner's to evaluate: no default for the code
    const literal = input.default === undefined || String(input.default).includes('${{') ? undefined : input.default;
    return `  ${key}: ${literal === undefined ? 'undefined' : tsString(literal)},`;
  });
  return [
    '// Generated by `npm run docs` from action.yml: edit action.yml, not this file.',
    '/** Every input of the Action, with the default action.yml gives it (undefined: none, or an expression). */',
    'export const ACTION_INPUT_DEFAULTS = {',
    ...entries,
    '} as const;',
    '',
    'export type InputName = keyof typeof ACTION_INPUT_DEFAULTS;',
    '',
  ].join('\n');
}

const since = (version, release) => (version ? `${version}${release ? ` (${release})` : ''}` : '–');

function removedApisTable({ REMOVED_APIS }) {
  const rows = REMOVED_APIS.map((entry) => [
    code(entry.apiVersion),
    entry.kinds.join(', '),
    entry.deprecatedIn ?? '–',
    entry.removedIn ?? 'not planned',
    since(entry.replacement, entry.replacementSince),
    entry.note ?? '',
    entry.section,
    link('source', entry.source),
  ]);
  return table(
    ['group/version', 'kinds', 'deprecated in', 'removed in', 'replacement (since)', 'note', '§', 'upstream'],
    rows,
  );
}

function servedApisTable({ SERVED_APIS }) {
  const rows = SERVED_APIS.map((entry) => [
    code(entry.apiVersion),
    entry.since,
    entry.kinds.join(', '),
    link('release', entry.source),
  ]);
  return table(['group/version', 'served from', 'kinds', 'upstream'], rows);
}

function immutableFieldsTable({ IMMUTABLE_KINDS, IMMUTABLE_DEFAULTS }) {
  const defaultOf = (entry, field) =>
    IMMUTABLE_DEFAULTS.find(
      (row) => row.group === entry.group && row.kind === entry.kind && row.path.join('.') === field.path.join('.'),
    );
  const path = (entry) => (field) => {
    const row = defaultOf(entry, field);
    return code(field.path.join('.')) + (row ? ` (default ${code(JSON.stringify(row.default))})` : '');
  };
  const blocks = (entry) =>
    [
      (entry.fields ?? []).map(path(entry)).join(', '),
      entry.except ? `the whole spec except ${entry.except.map(code).join(', ')}` : '',
      entry.summary ?? '',
    ]
      .filter(Boolean)
      .join('; ');
  const rows = IMMUTABLE_KINDS.map((entry) => [
    `${entry.kind} (${code(entry.group || 'core')})`,
    blocks(entry),
    entry.reason ?? 'field is immutable',
    entry.fix,
    entry.risk,
    entry.section,
    link(code(entry.validator), entry.source),
  ]);
  return table(
    [
      'kind (group)',
      'blocks `helm upgrade` when old ≠ new',
      'server error',
      'typical fix',
      'data risk of the fix',
      '§',
      'upstream',
    ],
    rows,
  );
}

function immutableDefaultsTable({ IMMUTABLE_DEFAULTS }) {
  const rows = IMMUTABLE_DEFAULTS.map((row) => [
    `${row.kind} (${code(row.group || 'core')})`,
    code(row.path.join('.').replaceAll('.*', '[*]')),
    code(JSON.stringify(row.default)),
    row.emptyIsUnset ? 'absent, null or empty' : 'absent or null',
    link(code(row.function.split(' ')[0]), row.source) + row.function.slice(row.function.split(' ')[0].length),
  ]);
  return table(['kind (group)', 'field', 'default', 'filled in when the field is', 'upstream'], rows);
}

/** `text` with each named block between its markers replaced; a missing marker is an error naming it. */
function fillBlocks(file, text, blocks) {
  let out = text;
  for (const [name, body] of Object.entries(blocks)) {
    const start = `<!-- generated:${name}:start -->`;
    const end = `<!-- generated:${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`${file} has no ${start} … ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}

/** The editor's schema: the config definition as JSON, with each rule's description where an editor shows it. */
function configSchema({ CONFIG_SCHEMA, allRules, ruleCrashed }) {
  const schema = structuredClone(CONFIG_SCHEMA);
  // the description is what an editor shows on the rule id; $ref does the checking
  schema.definitions.rules.properties = Object.fromEntries(
    [...allRules, ruleCrashed].map((rule) => [
      rule.id,
      { $ref: '#/definitions/ruleSetting', description: `${rule.description} (default: ${rule.severity})` },
    ]),
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const sources = await loadSources();
const action = load(readFileSync(join(root, 'action.yml'), 'utf8'));
const documents = {
  'README.md': (text) =>
    fillBlocks('README.md', text, {
      rules: ruleTable(sources),
      'action-inputs': inputsTable(action),
      'action-outputs': outputsTable(action),
    }),
  'docs/reference/deprecated-apis.md': (text) =>
    fillBlocks('docs/reference/deprecated-apis.md', text, {
      'removed-apis': removedApisTable(sources),
      'served-apis': servedApisTable(sources),
    }),
  'docs/reference/immutable-fields.md': (text) =>
    fillBlocks('docs/reference/immutable-fields.md', text, {
      'immutable-fields': immutableFieldsTable(sources),
      'immutable-defaults': immutableDefaultsTable(sources),
    }),
  'docs/reference/report-contract.md': (text) =>
    fillBlocks('docs/reference/report-contract.md', text, { 'rule-ids': contractRuleTable(sources) }),
  'chart-guard.schema.json': () => configSchema(sources),
  'src/action/action-inputs.ts': () => actionInputsModule(action),
};

const stale = [];
let broken = false;
for (const [file, generate] of Object.entries(documents)) {
  const path = join(root, file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  let after;
  try {
    after = generate(before);
  } catch (error) {
    console.error(`docs: ${error.message}`);
    broken = true;
    continue;
  }
  if (after === before) continue;
  stale.push(file);
  if (!flags.check) writeFileSync(path, after);
}

if (flags.check) {
  for (const file of stale) console.error(`docs: ${file} is stale: run 'npm run docs' and commit it`);
  if (stale.length > 0 || broken) process.exit(1);
  console.log('docs: every generated table matches its source');
} else {
  console.log(stale.length > 0 ? `docs: wrote ${stale.join(', ')}` : 'docs: nothing to change');
  if (broken) process.exit(1);
}
