import { afterAll, describe, expect, it } from 'vitest';
import { diffDefaults, leafPaths } from '../../src/core/values/defaults-diff.js';
import { formatKeyPath } from '../../src/core/values/key-path.js';
import { CorpusCharts } from './helpers.js';

const corpus = new CorpusCharts();
afterAll(() => corpus.cleanup());

describe('diffDefaults', () => {
  it('lists added and removed leaves and changed scalars in --set notation, sorted', () => {
    expect(
      diffDefaults(
        { b: { y: 1, x: 'old' }, gone: { deep: { leaf: true } }, same: 1 },
        { b: { y: 1, x: 'new', z: [] }, a: { 'dotted.key': 1 }, same: 1 },
      ),
    ).toEqual({
      added: ['a.dotted\\.key', 'b.z'],
      removed: ['gone.deep.leaf'],
      changed: [{ path: 'b.x', before: 'old', after: 'new' }],
    });
  });

  it('compares lists whole and deeply: a list is one leaf', () => {
    expect(diffDefaults({ l: [{ a: 1 }] }, { l: [{ a: 1 }] })).toEqual({ added: [], removed: [], changed: [] });
    expect(diffDefaults({ l: [{ a: 1 }] }, { l: [{ a: 2 }] }).changed).toEqual([
      { path: 'l', before: [{ a: 1 }], after: [{ a: 2 }] },
    ]);
  });

  it('treats an empty map as a leaf, and filling it as adding keys below it', () => {
    expect(diffDefaults({}, { labels: {} }).added).toEqual(['labels']);
    expect(diffDefaults({ labels: {} }, { labels: { team: 'a' } })).toEqual({
      added: ['labels.team'],
      removed: [],
      changed: [],
    });
  });

  it('reports a type change (map <-> list <-> scalar) once, at the key', () => {
    expect(diffDefaults({ env: { A: 1 }, s: 'x', n: null }, { env: [{ name: 'A' }], s: { a: 1 }, n: {} })).toEqual({
      added: [],
      removed: [],
      changed: [
        { path: 'env', before: { A: 1 }, after: [{ name: 'A' }] },
        { path: 'n', before: null, after: {} },
        { path: 's', before: 'x', after: { a: 1 } },
      ],
    });
  });

  it('lists leaves in a stable order whatever the key order', () => {
    expect(leafPaths({ b: 1, a: { d: 1, c: {} } }).map(formatKeyPath)).toEqual(['a.c', 'a.d', 'b']);
  });
});

describe('diffDefaults on the corpus', () => {
  it('blackbox 9 -> 10: extraEnvFromSecret removed, extraEnvFrom added, extraEnv map -> list', async () => {
    const { base, head } = await corpus.load('prometheus-blackbox-exporter-9.8.0-to-10.0.0');
    const diff = diffDefaults(base.defaults, head.defaults);
    expect(diff.removed).toEqual(['extraEnvFromSecret']);
    expect(diff.added).toEqual(['extraEnvFrom']);
    expect(diff.changed.find((c) => c.path === 'extraEnv')).toEqual({ path: 'extraEnv', before: {}, after: [] });
  });

  it('mariadb 19 -> 20: global.storageClass is the only removal; additions are the password job and headless annotations', async () => {
    const { base, head } = await corpus.load('mariadb-19.1.2-to-20.0.0');
    const diff = diffDefaults(base.ownDefaults, head.ownDefaults);
    expect(diff.removed).toEqual(['global.storageClass']);
    expect(diff.added.length).toBeGreaterThan(20);
    expect(
      diff.added.every((p) => p.startsWith('passwordUpdateJob.') || p === 'primary.service.headless.annotations'),
    ).toBe(true);
  });

  it('kafka-exporter 2 -> 3: only rbac.pspEnabled goes; the identical kafka subchart adds no noise', async () => {
    const { base, head } = await corpus.load('prometheus-kafka-exporter-2.18.0-to-3.0.0');
    const diff = diffDefaults(base.defaults, head.defaults);
    expect(diff.removed).toEqual(['rbac.pspEnabled']);
    expect(diff.added).toEqual([]);
  });

  it('alertmanager 1.25 -> 1.26: adds persistence.annotations and persistence.labels', async () => {
    const { base, head } = await corpus.load('alertmanager-1.25.0-to-1.26.0');
    const diff = diffDefaults(base.defaults, head.defaults);
    expect(diff.added).toEqual(['persistence.annotations', 'persistence.labels']);
    expect(diff.removed).toEqual([]);
  });
});
