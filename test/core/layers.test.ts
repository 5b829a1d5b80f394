// The floors of src/core, bottom up: the model (model/, report/, config/, registry/, redact/, runtime/, ...) with the
// folders lockfile/, repo/, values/, render/ (running and parsing helm); above them rules/ with the analyses they share
// (rules/analysis/); above those the pipeline (pipeline.ts, the one entry file, and its steps in pipeline/: review,
// lint, chart-analysis, workspace, combine, ignored-key-proof, preexisting, helm-choice), the merge of shard reports
// (shards/) and the upgrade runbook built from the rules' findings (runbook/). No import runs back up a floor:
// render/* never imports rules/*, rules never import the pipeline. No import circle, on any floor. Every core module
// sits in a folder named for its concern: pipeline.ts is the only loose file, the entry the adapters import.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/git-repo.js';

const CORE = join(PROJECT_DIR, 'src/core');
/** The one file allowed at the top of src/core: the pipeline's entry, which the adapters and pipeline/ import. */
const ENTRY = 'pipeline.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Each core file's imports of other core files, as paths relative to src/core. */
const imports = sources(CORE).map((file) => {
  const from = relative(CORE, file).split('\\').join('/');
  const targets = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)].map((m) =>
    posix.normalize(posix.join(posix.dirname(from), `${m[1]}.ts`)),
  );
  return { from, targets };
});

/** 3 the pipeline, 2 the rules, 1 the rest: the model files beside the folders they use (values/key-path...). */
const floor = (path: string): number =>
  path === ENTRY || path.startsWith('pipeline/') || path.startsWith('runbook/') || path.startsWith('shards/')
    ? 3
    : path.startsWith('rules/')
      ? 2
      : 1;

/**
 * The import circles of a graph (file -> the files it imports), each as the files on it from one back to itself;
 * type-only imports count: a circle of types still ties the modules' definitions together.
 */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, path: string[]): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      circles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file) || !graph.has(file)) return;
    for (const to of graph.get(file) ?? []) walk(to, [...path, file]);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) walk(file, []);
  return circles;
}

describe('src/core layers', () => {
  it('finds the files it checks', () => {
    expect(imports.map((i) => i.from)).toEqual(
      expect.arrayContaining([ENTRY, 'pipeline/review.ts', 'config/policy.ts', 'render/api-uses.ts']),
    );
  });

  it('has no loose .ts file at the top of src/core except the pipeline entry', () => {
    const loose = imports.map((i) => i.from).filter((from) => !from.includes('/'));
    expect(loose).toEqual([ENTRY]);
  });

  it('has no import that runs back up a floor', () => {
    const upward = imports.flatMap(({ from, targets }) =>
      targets
        .filter((to) => floor(to) > Math.max(floor(from), 1) || (floor(from) === 1 && floor(to) > 1))
        .map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import circle', () => {
    const graph = new Map(imports.map(({ from, targets }) => [from, targets]));
    expect(importCircles(graph).map((circle) => circle.join(' -> '))).toEqual([]);
  });

  it('finds a circle when there is one, through type-only imports and across folders', () => {
    const graph = new Map([
      ['model/model.ts', ['redact/redact.ts']],
      ['redact/redact.ts', ['model/chart-context.ts']],
      ['model/chart-context.ts', ['values/coverage.ts']],
      ['values/coverage.ts', ['model/model.ts']],
      ['render/renderer.ts', ['render/render-cache.ts']],
      ['render/render-cache.ts', ['render/renderer.ts']],
      ['report/report.ts', []],
    ]);
    expect(importCircles(graph)).toEqual([
      ['model/chart-context.ts', 'values/coverage.ts', 'model/model.ts', 'redact/redact.ts', 'model/chart-context.ts'],
      ['render/render-cache.ts', 'render/renderer.ts', 'render/render-cache.ts'],
    ]);
  });
});
