// The Kubernetes reference tables are data files (src/data/*.json): loaded once, checked for shape, every row with its
// upstream source. A malformed row stops the load with the file and the row, never a half-read table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IMMUTABLE_CHECKS,
  IMMUTABLE_DEFAULTS,
  IMMUTABLE_KINDS,
  loadImmutableDefaults,
  loadImmutableFields,
  loadRemovedApis,
  loadServedApis,
  REMOVED_APIS,
  ReferenceDataError,
  SERVED_APIS,
} from '../../src/core/render/reference-tables.js';
import { PROJECT_DIR } from '../support/git-repo.js';

const data = (file: string) => JSON.parse(readFileSync(join(PROJECT_DIR, 'src/data', file), 'utf8'));
const withRow = (file: string, index: number, change: (row: Record<string, unknown>) => void) => {
  const raw = data(file);
  change(raw.entries[index]);
  return raw;
};

function refusal(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ReferenceDataError);
    return (error as Error).message;
  }
  throw new Error('the loader accepted a malformed table');
}

describe('the reference tables', () => {
  it('load every row of the data files, each with an https link to its upstream source', () => {
    expect(REMOVED_APIS).toHaveLength(data('removed-apis.json').entries.length);
    expect(SERVED_APIS).toHaveLength(data('served-apis.json').entries.length);
    expect(IMMUTABLE_KINDS).toHaveLength(data('immutable-fields.json').entries.length);
    for (const row of [...REMOVED_APIS, ...SERVED_APIS, ...IMMUTABLE_KINDS]) expect(row.source).toMatch(/^https:\/\//);
  });

  it('name, per immutable kind, a check that exists and a section of immutable-fields.md; each kind once', () => {
    const doc = readFileSync(join(PROJECT_DIR, 'docs/reference/immutable-fields.md'), 'utf8');
    const keys = IMMUTABLE_KINDS.map((row) => `${row.group}/${row.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of IMMUTABLE_KINDS) {
      expect(IMMUTABLE_CHECKS).toContain(row.check);
      const number = /^§(\d+\.\d+)/.exec(row.section)?.[1];
      expect(doc, row.section).toContain(`### ${number} `);
    }
  });

  it('refuse a row with an unknown key, naming the file and the row', () => {
    const raw = withRow('removed-apis.json', 3, (row) => {
      row.removedin = '1.22';
    });
    expect(refusal(() => loadRemovedApis(raw))).toBe('src/data/removed-apis.json entry 3: unknown key "removedin"');
  });

  it('refuse a release that is not a minor version, and a row without its source', () => {
    const badRelease = withRow('removed-apis.json', 0, (row) => {
      row.removedIn = 'v1.16';
    });
    expect(refusal(() => loadRemovedApis(badRelease))).toContain('entry 0: removedIn must be a minor release');
    const noSource = withRow('served-apis.json', 2, (row) => {
      delete row.source;
    });
    expect(refusal(() => loadServedApis(noSource))).toBe(
      'src/data/served-apis.json entry 2: source must be an https link',
    );
  });

  it('refuse an immutable kind with an unknown check, or a path that is not a list of keys', () => {
    const unknownCheck = withRow('immutable-fields.json', 0, (row) => {
      row.check = 'eval';
    });
    expect(refusal(() => loadImmutableFields(unknownCheck))).toContain('entry 0: check must be one of fields,');
    const badPath = withRow('immutable-fields.json', 1, (row) => {
      row.fields = [{ path: 'spec.selector' }];
    });
    expect(refusal(() => loadImmutableFields(badPath))).toContain('entry 1: fields must be a list of { path }');
    // a server default belongs to immutable-defaults.json, defined once
    const withDefault = withRow('immutable-fields.json', 4, (row) => {
      row.fields = [{ path: ['spec', 'completionMode'], default: 'NonIndexed' }];
    });
    expect(refusal(() => loadImmutableFields(withDefault))).toContain('entry 4: fields must be a list of { path }');
  });

  it('load the server defaults, each with the upstream function that sets it, and refuse one without a value', () => {
    expect(IMMUTABLE_DEFAULTS).toHaveLength(data('immutable-defaults.json').entries.length);
    for (const row of IMMUTABLE_DEFAULTS) expect(row.function).toMatch(/^SetDefaults_/);
    const noValue = withRow('immutable-defaults.json', 0, (row) => {
      delete row.default;
    });
    expect(refusal(() => loadImmutableDefaults(noValue))).toBe(
      'src/data/immutable-defaults.json entry 0: default must be a value',
    );
  });

  it('refuse a file without an entries list', () => {
    expect(refusal(() => loadServedApis({ rows: [] }))).toBe(
      'src/data/served-apis.json: the file has no "entries" list',
    );
  });
});
