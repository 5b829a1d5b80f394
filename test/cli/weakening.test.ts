// The built CLI on issue 10 §2 and §3: --fail-on-existing, unknown flags with "did you mean", a --helm that is not
// helm, the git fetch advice, and no temp folder left behind. A child process in a real git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { oneChartLockfile } from '../support/lockfile.js';

// a copy of the bundle taken right after the build (other test files rebuild dist/ meanwhile)
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'cg-weakening-bundle-'));
const CLI = join(BUNDLE_DIR, 'cli.js');
const FIXTURE = join(PROJECT_DIR, 'test/fixtures/preexisting');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lockfile = (version: string) => oneChartLockfile('web', version);

const repo = new TestRepo('cg-cli-weakening-');
let base: string;
let head: string;

beforeAll(() => {
  // the bundle (a launcher and its chunks) built from the current source into this file's own folder
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUNDLE_DIR], { cwd: PROJECT_DIR, stdio: 'pipe' });
  repo
    .write('helm-freeze.yaml', lockfile('1.0.0'))
    .copy(join(FIXTURE, 'base/web'), 'charts/web')
    .copy(join(FIXTURE, 'repo/values'), 'values')
    .write('.github/chart-guard.yaml', 'kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n');
  base = repo.commit('web 1.0.0');
  // a patch bump: the policy/v1beta1 PodDisruptionBudget and legacyKey were already there
  repo
    .write('helm-freeze.yaml', lockfile('1.0.1'))
    .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.1\n');
  head = repo.commit('web 1.0.1');
});
afterAll(() => {
  repo.cleanup();
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
});

const reviewArgs = () => ['review', '--repo', repo.dir, '--base', base, '--head', head, '--helm', HELM_BINARIES.v4];

describe('--fail-on-existing', () => {
  it('exit 0 when the only errors were already there; exit 1 with --fail-on-existing', () => {
    const plain = cli(reviewArgs());
    expect(plain.stderr).toBe('');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/already there before this change \(\d+\)/);
    expect(plain.stdout).toContain('PodDisruptionBudget');
    expect(cli([...reviewArgs(), '--fail-on-existing']).status).toBe(1);
  });

  it('a lint fails on them', () => {
    expect(cli(['lint', '--repo', repo.dir, '--ref', head, '--helm', HELM_BINARIES.v4]).status).toBe(1);
  });
});

describe('usage mistakes exit 2 with a "did you mean"', () => {
  it.each([
    [['review', '--fail-on-exsting'], '--fail-on-existing'],
    [['review', '--kube-verison', '1.29'], '--kube-version'],
    [['lint', '--valeus', 'x'], '--values'],
  ])('%j', (args, guess) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Unknown option '${args[1]}'`);
    expect(result.stderr).toContain(`did you mean "${guess}"?`);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a --helm that is not helm: exit 2 naming the path', () => {
    const notHelm = join(repo.dir, 'values/web.yaml');
    const result = cli([...reviewArgs().slice(0, -2), '--helm', notHelm]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`helm ${notHelm}:`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('a ref that is not in the clone: the git fetch advice in the right syntax', () => {
    const result = cli(['review', '--repo', repo.dir, '--base', 'origin/main', '--head', head, '--no-render']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('`git fetch origin main`');
  });
});

describe('temporary folders', () => {
  it('a review with renders leaves nothing in the temp dir, on success and on a usage error', () => {
    const tmp = join(BUNDLE_DIR, 'tmp');
    mkdirSync(tmp);
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp, RUNNER_TEMP: tmp };
    expect(cli(reviewArgs(), env).status).toBe(0);
    expect(cli([...reviewArgs().slice(0, -2), '--helm', '/bin/true'], env).status).toBe(2);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
