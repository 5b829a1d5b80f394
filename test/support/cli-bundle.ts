// The CLI bundled from the current source into a temp folder (never dist/, which other test files rebuild), so a
// test can run it as a user does: a separate node process with real signals, exit codes and stderr. The run's
// globalSetup (cli-bundle-setup.ts) builds it once; each caller gets its own copy, which it may remove.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './git-repo.js';

export interface BuiltCli {
  path: string;
  cleanup(): void;
}

export function buildCli(): BuiltCli {
  const outdir = mkdtempSync(join(tmpdir(), 'cg-cli-build-'));
  const built = process.env.CHART_GUARD_TEST_BUNDLE;
  if (built) cpSync(built, outdir, { recursive: true });
  else execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], { cwd: PROJECT_DIR, stdio: 'pipe' });
  return { path: join(outdir, 'cli.js'), cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: BuiltCli, args: string[], cwd: string): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CHART_GUARD_DEBUG']) delete env[name];
  const result = spawnSync(process.execPath, [cli.path, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
