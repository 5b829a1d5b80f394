// Every parser of user YAML bounds alias expansion, cycles and depth the way helm's decoder (go-yaml) does, and
// answers with a problem at the line instead of hanging, crashing or using gigabytes.

import { afterAll, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { parseConfig } from '../../src/core/config/config.js';
import { parseLockfile } from '../../src/core/lockfile/parse.js';
import { parseManifests } from '../../src/core/render/manifests.js';
import { loadChart } from '../../src/core/repo/chart-loader.js';
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import { parseValuesFile } from '../../src/core/values/values-file.js';
import { checkYamlBounds } from '../../src/core/values/yaml-bounds.js';
import { TestRepo } from '../support/git-repo.js';

/** The billion-laughs document: `levels` lists, each holding `fanout` aliases of the one before. */
function laughs(levels: number, fanout: number): string {
  const lines = [`l0: &l0 [${Array(fanout).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(fanout)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

const MAP_BOMB = [
  'a: &a {x: 1, y: 2, z: 3}',
  ...'bcdefg'.split('').map((k, i) => {
    const prev = 'abcdefg'[i];
    return `${k}: &${k} {${'abcdefghi'
      .split('')
      .map((f) => `${f}: *${prev}`)
      .join(', ')}}`;
  }),
  '',
].join('\n');

const bounds = (text: string) => {
  const lineCounter = new LineCounter();
  return checkYamlBounds(parseDocument(text, { lineCounter, merge: true }), lineCounter);
};

describe('checkYamlBounds (go-yaml accounting)', () => {
  it('accepts the aliasing go-yaml accepts (3 levels of 10) and refuses what it refuses (4 levels of 10)', () => {
    expect(bounds(laughs(3, 10))).toBeUndefined();
    expect(bounds(laughs(4, 10))).toEqual({ line: 4, message: 'document contains excessive aliasing' });
  });

  it('accepts ordinary anchors and merge keys', () => {
    expect(bounds('base: &b {x: 1}\nimage:\n  <<: *b\n  tag: "3"\nother: *b\n')).toBeUndefined();
  });

  it('finds a cycle through a value or a merge key, at the alias', () => {
    expect(bounds('x: 1\na: &a {b: *a}\n')).toEqual({ line: 2, message: "anchor 'a' value contains itself" });
    expect(bounds('image: &i {tag: "2", <<: *i}\n')).toEqual({ line: 1, message: "anchor 'i' value contains itself" });
  });
});

describe('values files', () => {
  it('a map bomb (7 levels of 9) is values-file-invalid at the line of the first alias that breaks the bound', () => {
    const file = parseValuesFile(MAP_BOMB, 'values/app.yaml');
    expect(file.error).toEqual({
      file: 'values/app.yaml',
      line: 4,
      message: 'values/app.yaml is not valid YAML: document contains excessive aliasing',
    });
    expect(file.keys).toEqual([]);
  });

  it('a document within the bounds is read through its aliases', () => {
    const file = parseValuesFile(laughs(3, 10), 'v.yaml');
    expect(file.error).toBeUndefined();
    expect((file.values.l2 as unknown[][]).flat().length).toBe(100);
  });

  it("a file over helm's 5 MiB chart file limit is not read", () => {
    const file = parseValuesFile(`a: "${'x'.repeat(5 * 1024 * 1024)}"\n`, 'v.yaml');
    expect(file.error?.message).toMatch(/^v\.yaml is 5242886 bytes, over 5242880 \(5 MiB/);
    expect(file.keys).toEqual([]);
  });
});

describe('config, lockfile and rendered manifests', () => {
  it('the config', () => {
    const config = parseConfig(`values: ["v/{chart}.yaml"]\n${laughs(9, 9)}`, '.github/chart-guard.yaml');
    expect(config.problems).toContainEqual({
      file: '.github/chart-guard.yaml',
      line: 5,
      message: 'the configuration is not valid YAML: document contains excessive aliasing',
    });
  });

  it('the lockfile', () => {
    const lockfile = parseLockfile('charts: &c\n  - name: a\n    version: *c\n', 'helm-freeze.yaml');
    expect(lockfile.problems.map((p) => [p.line, p.message])).toEqual([
      [3, "the lockfile is not valid YAML: anchor 'c' value contains itself"],
    ]);
  });

  it('a rendered document printing an alias bomb is a problem, not an expansion', () => {
    const output = `---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${laughs(9, 9).replace(/^/gm, '  ')}`;
    const parsed = parseManifests(output, 'app');
    expect(parsed.manifests).toEqual([]);
    expect(parsed.problems).toEqual(['app/templates/cm.yaml: document contains excessive aliasing']);
  });
});

describe('chart files', () => {
  const repo = new TestRepo('cg-bounds-');
  afterAll(() => repo.cleanup());
  const load = async (values: string, helmMajor?: number) => {
    repo
      .write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n')
      .write('charts/app/values.yaml', values);
    const sha = repo.commit();
    const snapshot = new GitSnapshot(repo.dir, sha, sha);
    try {
      return (await loadChart(snapshot, 'charts/app', { helmMajor }))!;
    } finally {
      snapshot.close();
    }
  };

  it('an alias bomb in values.yaml is a problem at its line', async () => {
    const chart = await load(`replicaCount: 1\n${laughs(9, 9)}`);
    expect(chart.problems).toEqual([
      { file: 'charts/app/values.yaml', line: 5, message: 'invalid YAML: document contains excessive aliasing' },
    ]);
  });

  it('values nested deeper than js-yaml’s default 100 load, as helm reads up to 10000', async () => {
    const chart = await load(`deep: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`);
    expect(chart.problems).toEqual([]);
    let node: unknown = chart.defaults.deep;
    let depth = 0;
    while (node && typeof node === 'object') {
      node = (node as { a: unknown }).a;
      depth++;
    }
    expect(depth).toBe(300);
  });

  it('several documents: helm 4 merges them, helm 3 reads the first', async () => {
    const text = 'image: {repository: nginx, tag: "1"}\n---\nimage: {tag: "2"}\nextra: true\n';
    expect((await load(text, 4)).defaults).toEqual({ image: { repository: 'nginx', tag: '2' }, extra: true });
    expect((await load(text, 3)).defaults).toEqual({ image: { repository: 'nginx', tag: '1' } });
  });
});
