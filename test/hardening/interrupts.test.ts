// The CLI as a process among others: interrupted mid-render it leaves no helm and no temp folder behind (the temp
// folder holds override values); a write error fails one chart, not the review; -o writes whole files; and no
// `git cat-file` child outlives it, on success or on error.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltCli, buildCli, runCli } from '../support/cli-bundle.js';
import { HELM_BINARIES, PROJECT_DIR, TestRepo } from '../support/git-repo.js';
import { commitWithExtraEntries, writeBlob } from '../support/hostile-tree.js';

const APP = join(PROJECT_DIR, 'test/fixtures/hardening/app');
const STACK_FRAME = /^\s+at /m;
const linux = process.platform === 'linux';

const lockfile = (charts: Record<string, string>) =>
  [
    'charts:',
    ...Object.entries(charts).flatMap(([name, version]) => [
      `  - name: ${name}`,
      `    version: ${version}`,
      '    repo_name: example',
    ]),
    'repos:',
    '  - name: example',
    '    url: https://charts.example.com',
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');

/** A repo with charts/<name> copies of the app fixture at base, each bumped to 1.1.0 in the working tree. */
function bumpedRepo(names: string[], overrides = ''): { repo: TestRepo; base: string } {
  const repo = new TestRepo('cg-int-');
  repo.write('helm-freeze.yaml', lockfile(Object.fromEntries(names.map((n) => [n, '1.0.0']))));
  repo.write('.github/chart-guard.yaml', 'values:\n  - values/{chart}.yaml\n');
  for (const name of names) {
    repo
      .copy(APP, `charts/${name}`)
      .write(`charts/${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
    if (overrides) repo.write(`values/${name}.yaml`, overrides);
  }
  const base = repo.commit('base');
  repo.write('helm-freeze.yaml', lockfile(Object.fromEntries(names.map((n) => [n, '1.1.0']))));
  for (const name of names) repo.write(`charts/${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\nversion: 1.1.0\n`);
  return { repo, base };
}

/** Pids of `git cat-file` processes working in `dir` that are alive (not zombies). */
function catFileProcesses(dir: string): number[] {
  if (!linux) return [];
  const real = realpathSync(dir);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline.includes('cat-file')) continue;
      if (realpathSync(`/proc/${entry}/cwd`) === real && alive(Number(entry))) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** True while the process runs; a zombie (dead, waiting to be reaped) or an absent pid is not alive. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

/** chart-guard-render-* folders (in /dev/shm and the temp dir) whose values files hold `token`. */
function renderFoldersHolding(token: string): string[] {
  const roots = [...new Set(['/dev/shm', tmpdir()])].filter((root) => existsSync(root));
  return roots.flatMap((root) =>
    readdirSync(root)
      .filter((name) => name.startsWith('chart-guard-render-'))
      .map((name) => join(root, name))
      .filter((folder) => {
        try {
          const valuesRoot = join(folder, 'values');
          return readdirSync(valuesRoot).some((id) =>
            readdirSync(join(valuesRoot, id)).some((file) =>
              readFileSync(join(valuesRoot, id, file), 'utf8').includes(token),
            ),
          );
        } catch {
          return false;
        }
      }),
  );
}

let cli: BuiltCli;
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => cli?.cleanup());

describe.skipIf(!linux)('SIGTERM during a render', () => {
  const token = `s3cret-${process.pid}-${Date.now()}`;
  const { repo, base } = bumpedRepo(['app'], `greeting: ${token}\n`);
  const bin = mkdtempSync(join(tmpdir(), 'cg-slow-helm-'));
  const pidFile = join(bin, 'pids');
  const helm = join(bin, 'helm');
  let child: ChildProcess;
  let exit: Promise<{ code: number | null; stderr: string }>;
  let folders: string[] = [];

  beforeAll(async () => {
    // helm that hangs in `template` with a child of its own, like a plugin or post-renderer that never returns
    writeFileSync(
      helm,
      [
        '#!/bin/sh',
        'if [ "$1" = "template" ]; then',
        '  sleep 300 &',
        `  echo "$$ $!" >> '${pidFile}'`,
        '  wait',
        'fi',
        `exec '${HELM_BINARIES.v4}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(helm, 0o755);
    child = spawn(process.execPath, [cli.path, 'review', '--base', base, '--helm', helm], { cwd: repo.dir });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    exit = new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
    const started = await until(() => existsSync(pidFile) && renderFoldersHolding(token).length > 0, 60_000);
    expect(started).toBe(true);
    folders = renderFoldersHolding(token);
    child.kill('SIGTERM');
  }, 90_000);
  afterAll(() => {
    child?.kill('SIGKILL');
    // should a check fail, end the stand-in helm processes it started, by their pids
    const pids = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number) : [];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    repo.cleanup();
    rmSync(bin, { recursive: true, force: true });
  });

  it('exits 143 with a one-line note and no stack trace', async () => {
    const { code, stderr } = await exit;
    expect(code).toBe(143);
    expect(stderr).toMatch(/chart-guard: stopped by SIGTERM/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('kills helm and everything helm started', async () => {
    await exit;
    const pids = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    expect(await until(() => pids.every((pid) => !alive(pid)), 5_000)).toBe(true);
  });

  it('removes the temp folder that held the override values', async () => {
    await exit;
    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0])).toBe(false);
    expect(renderFoldersHolding(token)).toEqual([]);
  });

  it('leaves no git cat-file behind', async () => {
    await exit;
    expect(await until(() => catFileProcesses(repo.dir).length === 0, 5_000)).toBe(true);
  });
});

describe('a chart whose files cannot be written', () => {
  // A 300-byte file name is a valid git tree entry, but more than a Linux file name may hold (ENAMETOOLONG).
  const { repo, base } = bumpedRepo(['app', 'other']);
  let head: string;
  beforeAll(() => {
    repo.commit('bump');
    head = commitWithExtraEntries(repo, 'charts/app', [
      { mode: '100644', name: `${'n'.repeat(300)}.txt`, object: writeBlob(repo, 'x') },
    ]);
  });
  afterAll(() => repo.cleanup());

  it('fails that chart with render-failed and reviews the other; exit 1, no stack trace', () => {
    const run = runCli(
      cli,
      ['review', '--base', base, '--head', head, '--helm', HELM_BINARIES.v4, '--format', 'json'],
      repo.dir,
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    const byName = Object.fromEntries(report.charts.map((c: { name: string }) => [c.name, c]));
    expect(byName.app.render.status).toBe('failed');
    expect(byName.app.render.reason).toMatch(/^could not write charts\/app at .* to a temp folder: ENAMETOOLONG/);
    expect(byName.app.findings.map((f: { rule: string }) => f.rule)).toContain('render-failed');
    expect(byName.other.render).toEqual({ status: 'ok' });
  });
});

describe('-o FILE', () => {
  const { repo, base } = bumpedRepo(['app']);
  afterAll(() => repo.cleanup());

  it('writes the report whole and leaves no temp file beside it', () => {
    const out = join(repo.dir, 'out');
    const run = runCli(
      cli,
      ['review', '--base', base, '--no-render', '--format', 'json', '-o', 'out/report.json'],
      repo.dir,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(out)).toEqual(['report.json']);
  });

  it('reports a target it cannot replace as one line, exit 2, and leaves no temp file', () => {
    const out = join(repo.dir, 'taken');
    mkdirSync(join(out, 'report.json'), { recursive: true });
    const run = runCli(cli, ['review', '--base', base, '--no-render', '-o', 'taken/report.json'], repo.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^chart-guard review: .*report\.json/m);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(out)).toEqual(['report.json']);
  });
});

describe.skipIf(!linux)('git cat-file children', () => {
  const { repo, base } = bumpedRepo(['app']);
  afterAll(() => repo.cleanup());

  it('are gone when a review returns', () => {
    const run = runCli(cli, ['review', '--base', base, '--head', 'HEAD', '--no-render'], repo.dir);
    expect(run.status).toBe(0);
    expect(catFileProcesses(repo.dir)).toEqual([]);
  });

  it('are gone when a review stops on an error', () => {
    const run = runCli(cli, ['review', '--base', base, '--head', 'HEAD', '--lockfile', 'missing.yaml'], repo.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lockfile missing\.yaml not found/);
    expect(catFileProcesses(repo.dir)).toEqual([]);
  });
});
