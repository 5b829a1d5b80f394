// `npm run docs -- --check` (a CI step) holds every generated table to its source: the rule registry, action.yml and
// the reference data in src/data. These tests run the script on copies of the documents in a temp folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/git-repo.js';

const DOCUMENTS = [
  'README.md',
  'docs/reference/deprecated-apis.md',
  'docs/reference/immutable-fields.md',
  'docs/reference/report-contract.md',
  'chart-guard.schema.json',
  'src/action/action-inputs.ts',
];

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cg-docs-'));
  mkdirSync(join(root, 'docs/reference'), { recursive: true });
  mkdirSync(join(root, 'src/action'), { recursive: true });
  for (const file of [...DOCUMENTS, 'action.yml']) cpSync(join(PROJECT_DIR, file), join(root, file));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function docs(...args: string[]) {
  const run = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/docs.mjs'), '--root', root, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const edit = (file: string, from: string | RegExp, to: string) => {
  const before = read(file);
  const after = before.replace(from, to);
  expect(after, `${file} has ${from}`).not.toBe(before);
  writeFileSync(join(root, file), after);
};

describe('npm run docs -- --check', () => {
  it('passes on the checked-in documents: every generated table matches its source', () => {
    const run = docs('--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails naming each stale file, and writes nothing', () => {
    // a hand edit of the rule table, and a rule id dropped from the schema
    edit('README.md', /(`api-removed` \| )error/, '$1warning');
    const schema = JSON.parse(read('chart-guard.schema.json'));
    delete schema.definitions.rules.properties['crd-moved'];
    writeFileSync(join(root, 'chart-guard.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
    const copies = DOCUMENTS.map(read);

    const run = docs('--check');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("README.md is stale: run 'npm run docs'");
    expect(run.stderr).toContain('chart-guard.schema.json is stale');
    expect(run.stderr).not.toContain('deprecated-apis.md');
    expect(run.stderr).not.toContain('immutable-fields.md');
    expect(DOCUMENTS.map(read)).toEqual(copies);
  });

  it('regenerates a stale copy to exactly the checked-in one, after which the check passes', () => {
    edit('docs/reference/deprecated-apis.md', '| `policy/v1beta1` | PodDisruptionBudget | 1.21 | 1.25 |', '| x |');
    edit('docs/reference/immutable-fields.md', /\| StatefulSet \(`apps`\) \|[^\n]*\n/, '');
    expect(docs('--check').status).toBe(1);

    const run = docs();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote docs/reference/deprecated-apis.md, docs/reference/immutable-fields.md');
    for (const file of DOCUMENTS) expect(read(file), file).toBe(readFileSync(join(PROJECT_DIR, file), 'utf8'));
    expect(docs('--check').status).toBe(0);
  });

  it('derives the Action tables from action.yml: an input added there makes the README stale', () => {
    edit(
      'action.yml',
      'inputs:\n',
      "inputs:\n  dry-run:\n    description: 'Review without posting. Default: false.'\n",
    );
    expect(docs('--check').stderr).toContain('README.md is stale');
    expect(docs('--check').stderr).toContain('src/action/action-inputs.ts is stale');
    docs();
    expect(read('src/action/action-inputs.ts')).toContain("  'dry-run': undefined,");
    expect(read('README.md')).toContain('| `dry-run` | false | Review without posting. |');
  });

  it("holds the report contract's rule ids to the registry: a hand-kept row is rewritten", () => {
    edit('docs/reference/report-contract.md', /\| `pdb-blocks-drain` \|[^\n]*\n/, '');
    expect(docs('--check').stderr).toContain('docs/reference/report-contract.md is stale');
    docs();
    expect(read('docs/reference/report-contract.md')).toContain('| `pdb-blocks-drain` | warning |');
  });

  it('refuses a document whose markers are gone, naming the file and the marker', () => {
    edit('docs/reference/immutable-fields.md', '<!-- generated:immutable-fields:end -->', '');
    const run = docs('--check');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'docs/reference/immutable-fields.md has no <!-- generated:immutable-fields:start --> … <!-- generated:immutable-fields:end --> markers',
    );
    // the write mode fails alike and leaves the file as it was
    const before = read('docs/reference/immutable-fields.md');
    expect(docs().status).toBe(1);
    expect(read('docs/reference/immutable-fields.md')).toBe(before);
  });
});
