// What makes chart-guard installable and releasable, read from the files that declare it: the package manifest, the
// lockfile npm ci installs, the CI and release workflows, the pre-commit hook. Each promise of the README or
// CONTRIBUTING.md that a later edit could silently break is held here; pack.test.ts and release.test.ts run them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import packageJson from '../../package.json' with { type: 'json' };
import { PROJECT_DIR } from '../support/git-repo.js';

const read = (path: string) => readFileSync(join(PROJECT_DIR, path), 'utf8');
const yamlOf = (path: string) => parseYaml(read(path));

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  os?: string[];
  cpu?: string[];
}

/**
 * Whether npm installs a lock entry on this machine: os and cpu matched as npm does ("!x" excludes x). libc is not
 * told apart (asking Node takes seconds): a glibc and a musl build both count, which can only add a problem.
 */
function installedHere(entry: LockEntry): boolean {
  const allows = (list: string[] | undefined, value: string | undefined) => {
    if (!list || value === undefined) return true;
    if (list.includes(`!${value}`)) return false;
    const named = list.filter((v) => !v.startsWith('!'));
    return named.length === 0 || named.includes(value);
  };
  return allows(entry.os, process.platform) && allows(entry.cpu, process.arch);
}

/** The lock entries npm would warn about with EBADENGINE on `node`: their engines.node excludes it. */
function engineProblems(packages: Record<string, LockEntry>, node: string): string[] {
  return Object.entries(packages)
    .filter(([path, entry]) => path !== '' && installedHere(entry))
    .flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range && !semver.satisfies(node, range) ? [`${path}@${entry.version} wants node ${range}`] : [];
    });
}

describe('the npm package', () => {
  it('can be published and installed alone: not private, no runtime dependency (esbuild bundles them)', () => {
    const manifest: Record<string, unknown> = packageJson;
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.license).toBe('Apache-2.0');
    expect(read('LICENSE')).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
  });

  it('ships its bin and the worker the bin starts, and declares the Node the bundle targets', () => {
    expect(packageJson.bin).toEqual({ 'chart-guard': 'dist/cli.js' });
    expect(packageJson.files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/template-worker.cjs']));
    expect(read('dist/cli.js')).toMatch(/^#!\/usr\/bin\/env node\n/);
    // scripts/build.mjs targets the lowest Node engines admits
    const target = /target: 'node(\d+)'/.exec(read('scripts/build.mjs'))?.[1];
    expect(semver.minVersion(packageJson.engines.node)?.major).toBe(Number(target));
  });

  it('npm ci warns of no engine on this Node: every package the lockfile installs here admits it', () => {
    const lock = JSON.parse(read('package-lock.json'));
    expect(engineProblems(lock.packages, process.version)).toEqual([]);
    // what it caught before the content-type override (3.1.1 through @octokit/request wants node >= 22)
    const before = { 'node_modules/content-type': { version: '3.1.1', engines: { node: '>=22' } } };
    expect(engineProblems(before, '20.19.0')).toEqual(['node_modules/content-type@3.1.1 wants node >=22']);
    expect(packageJson.overrides).toEqual({ '@octokit/request': { 'content-type': '2.1.0' } });
  });
});

describe('CI and the release workflow', () => {
  const ci = yamlOf('.github/workflows/ci.yml');
  const release = yamlOf('.github/workflows/release.yml');
  const actionNode = Number(/^node(\d+)$/.exec(yamlOf('action.yml').runs.using)?.[1]);
  const run = (steps: { run?: string }[]) => steps.map((step) => step.run ?? '').join('\n');

  it("tests on the Node versions users run: engines' minimum up to the Action's runtime", () => {
    const matrix: number[] = ci.jobs.test.strategy.matrix.node;
    expect(matrix).toEqual([20, 22, 24]);
    expect(matrix).toContain(semver.minVersion(packageJson.engines.node)?.major);
    expect(matrix).toContain(actionNode);
    expect(run(ci.jobs.test.steps)).toMatch(/npm test/);
    expect(run(ci.jobs.check.steps)).toMatch(/npm run -s pack-budget/);
  });

  it('releases a vX.Y.Z tag only after a fresh dist/ and the tests, then the notes, the release, the major tag', () => {
    expect(release.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*']);
    const steps: { run?: string; with?: Record<string, unknown> }[] = release.jobs.release.steps;
    expect(steps.find((s) => s.with?.['node-version'])?.with?.['node-version']).toBe(actionNode);
    const order = [
      /^npm run check-dist$/,
      /^npm test$/,
      /node scripts\/release\.mjs prepare "\$GITHUB_REF_NAME"/,
      /gh release create "\$GITHUB_REF_NAME"/,
      /git push --force origin "refs\/tags\/\$MAJOR"/,
    ].map((pattern) => steps.findIndex((step) => pattern.test(step.run ?? '')));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('the pre-commit hook', () => {
  it('chart-guard-lint runs the package bin on the whole repository, installed as a node package', () => {
    const hooks = yamlOf('.pre-commit-hooks.yaml');
    expect(hooks.map((hook: { id: string }) => hook.id)).toEqual(['chart-guard-lint']);
    const [hook] = hooks;
    expect(hook).toMatchObject({ language: 'node', entry: 'chart-guard lint', pass_filenames: false });
    expect(Object.keys(packageJson.bin)).toContain(hook.entry.split(' ')[0]);
    const files = new RegExp(hook.files);
    for (const path of ['helm-freeze.yaml', 'values/mariadb.yml', 'charts/mariadb/templates/_helpers.tpl']) {
      expect(files.test(path), path).toBe(true);
    }
    expect(files.test('src/index.ts')).toBe(false);
  });
});
