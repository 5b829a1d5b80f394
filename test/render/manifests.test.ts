// parseManifests reads helm output with js-yaml (fast path) and falls back to `yaml` for what js-yaml refuses; both
// must give the YAML 1.2 core reading the rules were written against.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseManifests } from '../../src/core/render/manifests.js';
import { CORPUS_DIR, corpusChart, HELM_BINARIES } from '../support/git-repo.js';

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
