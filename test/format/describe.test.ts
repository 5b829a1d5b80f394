import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/report/report.js';
import { changeLines, changeSentence, githubLinkBase, placeUrl, sideText } from '../../src/format/describe.js';

const BASE = githubLinkBase('https://github.com/', 'acme/platform', 'a1b2c3');

describe('placeUrl', () => {
  it('links a file and line at the head commit', () => {
    expect(BASE).toBe('https://github.com/acme/platform/blob/a1b2c3');
    expect(placeUrl({ file: 'values/db.yaml', line: 12 }, BASE)).toBe(
      'https://github.com/acme/platform/blob/a1b2c3/values/db.yaml#L12',
    );
    expect(placeUrl({ file: 'charts/db/README.md' }, BASE)).toBe(
      'https://github.com/acme/platform/blob/a1b2c3/charts/db/README.md',
    );
  });

  it('encodes each path segment, so a name cannot end the link or add a query', () => {
    expect(placeUrl({ file: 'values/a b)#?.yaml', line: 1 }, BASE)).toBe(
      'https://github.com/acme/platform/blob/a1b2c3/values/a%20b)%23%3F.yaml#L1',
    );
  });

  it('gives nothing without a base, or with a base that is not a plain http(s) address', () => {
    expect(placeUrl({ file: 'values/db.yaml', line: 1 }, undefined)).toBeUndefined();
    expect(placeUrl({ file: 'values/db.yaml', line: 1 }, 'javascript:alert(1)')).toBeUndefined();
  });
});

const finding = (rule: Finding['rule'], before: unknown, after: unknown): Finding => ({
  rule,
  severity: 'error',
  message: 'm',
  before,
  after,
});

describe('changeLines: a change in words', () => {
  it('writes a selector as labels, the way kubectl does', () => {
    const selector = finding(
      'immutable-field-changed',
      { app: 'db', release: 'x' },
      { 'app.kubernetes.io/name': 'db', 'app.kubernetes.io/instance': 'x' },
    );
    expect(changeSentence(selector)).toBe(
      'change: app=db, release=x → app.kubernetes.io/name=db, app.kubernetes.io/instance=x',
    );
  });

  it("names a replaced StatefulSet's old and new name and claims", () => {
    const replaced = finding(
      'statefulset-replaced',
      { name: 'db-master', claims: ['data-db-master-0'] },
      { name: 'db', claims: ['data-db-0', 'logs-db-0'] },
    );
    expect(changeLines(replaced)).toEqual([
      { label: 'name', before: 'db-master', after: 'db' },
      { label: 'claims', before: 'data-db-master-0', after: 'data-db-0, logs-db-0' },
    ]);
  });

  it("gives a changed CRD's versions added and removed and its storage version", () => {
    const crd = finding(
      'crd-changed',
      { versions: ['v1alpha1', 'v1beta1'], storageVersion: 'v1alpha1', printerColumns: [], schemaChanged: false },
      { versions: ['v1beta1', 'v1'], storageVersion: 'v1', printerColumns: [], schemaChanged: false },
    );
    expect(changeSentence(crd)).toBe('versions added: v1; versions removed: v1alpha1; storage version: v1alpha1 → v1');
    const added = finding('crd-changed', null, { versions: ['v1'], storageVersion: 'v1', printerColumns: [] });
    expect(changeSentence(added)).toBe('versions: v1; storage version: v1');
  });

  it('gives per version the schema fields added, removed and newly required', () => {
    const crd = finding(
      'crd-changed',
      { versions: ['v1'], storageVersion: 'v1', printerColumns: [], schemaChanged: true },
      {
        versions: ['v1'],
        storageVersion: 'v1',
        printerColumns: [],
        schemaChanged: true,
        schemaFields: [{ version: 'v1', added: ['spec.ports'], removed: ['spec.old'], required: ['spec.size'] }],
      },
    );
    expect(changeSentence(crd)).toBe(
      'v1 schema: fields added: spec.ports; removed: spec.old; newly required: spec.size',
    );
  });

  it("lists a CRD's removed versions", () => {
    expect(changeSentence(finding('crd-version-removed', ['v1beta1', 'v1'], ['v1']))).toBe('versions removed: v1beta1');
  });

  it('keeps JSON for a value that is not a list or a flat map, and says when a side is absent', () => {
    expect(sideText({ a: { b: 1 } })).toBe('{"a":{"b":1}}');
    expect(sideText(undefined)).toBe('(absent)');
    // a lone string keeps its quotes: "" (an empty default) must not read as nothing
    expect(sideText('8Gi')).toBe('"8Gi"');
  });
});
