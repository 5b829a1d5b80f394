// parseManifests reads helm output with js-yaml (fast path) and falls back to `yaml` for what js-yaml refuses; both
// must give the YAML 1.2 core reading the rules were written against.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseManifests } from '../../src/core/render/manifests.js';
import { CORPUS_DIR, corpusChart, HELM_BINARIES, PROJECT_DIR } from '../support/git-repo.js';

const objects = (output: string) => parseManifests(output).manifests.map((m) => m.object);

describe('parseManifests', () => {
  it('keeps YAML 1.1 words and leading-zero numbers as YAML 1.2 core reads them', () => {
    const [object] = objects(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  on: yes\n  off: n\n  mode: 0777\n  octal: 0o17\n  date: 2024-01-01\n  under: 1_000\n',
    );
    expect(object.data).toEqual({ on: 'yes', off: 'n', mode: 777, octal: 15, date: '2024-01-01', under: '1_000' });
  });

  it('keeps the last of duplicated keys and resolves aliases', () => {
    const [object] = objects(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata: &d {x: "1"}\nbinaryData: *d\n',
    );
    expect(object.metadata).toEqual({ name: 'b' });
    expect(object.binaryData).toEqual({ x: '1' });
  });

  it('attaches the # Source: path of each document and marks crds/ files and hooks', () => {
    const output =
      '---\n# Source: app/crds/thing.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\n' +
      '---\n# Source: app/templates/job.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade\n';
    const manifests = parseManifests(output, 'app').manifests;
    expect(manifests.map((m) => [m.source, m.fromCrdsDir, m.isHook, m.group])).toEqual([
      ['app/crds/thing.yaml', true, false, 'apiextensions.k8s.io'],
      ['app/templates/job.yaml', false, true, 'batch'],
    ]);
  });

  it.each(Object.entries(HELM_BINARIES))(
    'keeps the source of crds/ files that start with --- (own document) for every CRD that follows (helm %s)',
    (_major, helm) => {
      // crd-origin/head: crds/widgets.yaml holds two CRDs; the aliased subchart "crds" is a packaged .tgz
      const chart = join(PROJECT_DIR, 'test/fixtures/crd-origin/head/op');
      const output = execFileSync(helm, ['template', 'rel', chart, '--include-crds'], { encoding: 'utf8' });
      expect(output).toMatch(/^# Source: op\/crds\/widgets\.yaml\n---$/m);
      const manifests = parseManifests(output, 'op').manifests;
      expect(manifests.map((m) => [m.ref.name, m.source, m.fromCrdsDir])).toEqual([
        ['widgets.example.com', 'op/crds/widgets.yaml', true],
        ['gadgets.example.com', 'op/crds/widgets.yaml', true],
        ['gizmos.example.com', 'op/charts/crds/crds/gizmos.yaml', true],
        ['rel-op', 'op/templates/configmap.yaml', false],
      ]);
    },
  );

  it('applies a lone # Source: line up to the next one, for subcharts at any depth', () => {
    const crd = (name: string) =>
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${name}\n`;
    const output =
      `---\n# Source: top/charts/crds/charts/inner/crds/e.yaml\n---\n${crd('es.example.com')}---\n${crd('fs.example.com')}\n` +
      `---\n# Source: top/charts/crds/templates/crd.yaml\n${crd('gs.example.com')}`;
    expect(parseManifests(output, 'top').manifests.map((m) => [m.ref.name, m.source, m.fromCrdsDir])).toEqual([
      ['es.example.com', 'top/charts/crds/charts/inner/crds/e.yaml', true],
      ['fs.example.com', 'top/charts/crds/charts/inner/crds/e.yaml', true],
      ['gs.example.com', 'top/charts/crds/templates/crd.yaml', false],
    ]);
  });

  it('reports an invalid document with its source and still reads the others', () => {
    const output =
      '---\n# Source: app/templates/bad.yaml\napiVersion: v1\nkind: [ConfigMap\n' +
      '---\n# Source: app/templates/good.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n';
    const parsed = parseManifests(output, 'app');
    expect(parsed.manifests.map((m) => m.ref.name)).toEqual(['good']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/^app\/templates\/bad\.yaml: /);
  });

  it('reads tags js-yaml does not know (custom, !!binary) like the yaml library does', () => {
    const [object] = objects('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: !custom x\n');
    expect(object.data).toEqual({ a: 'x' });
  });

  it('reads every corpus render exactly like the yaml library', () => {
    const pairs = readdirSync(CORPUS_DIR).filter((p) => p.includes('-to-'));
    expect(pairs.length).toBeGreaterThan(5);
    for (const pair of pairs) {
      for (const side of ['old', 'new'] as const) {
        const dir = corpusChart(pair, side);
        const output = execFileSync(HELM_BINARIES.v4, ['template', 'rel', dir, '--include-crds'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 64 * 1024 * 1024,
        });
        const expected = output
          .split(/^---[ \t]*$/m)
          .flatMap((chunk) => parseAllDocuments(chunk, { uniqueKeys: false }).map((d) => d.toJS({ maxAliasCount: -1 })))
          .filter((v) => v && typeof v === 'object' && 'metadata' in v);
        const actual = objects(output);
        expect(actual.length, `${pair} ${side}`).toBe(expected.length);
        expect(isDeepStrictEqual(actual, expected), `${pair} ${side}`).toBe(true);
      }
    }
  }, 60_000);
});
