// Secrets a CI job holds in its environment, planted as canaries: a hardening test runs chart-guard with them set
// and proves that none reaches a child process, a report or the terminal.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type { BuiltCli, CliRun } from './cli-bundle.js';

/** Every value holds "cgcanary", so a chart template can search a leaked environment for it. */
export const CANARIES: Record<string, string> = {
  GITHUB_TOKEN: 'ghp_cgcanary_github_token',
  'INPUT_GITHUB-TOKEN': 'ghs_cgcanary_input_token',
  ACTIONS_RUNTIME_TOKEN: 'cgcanary_actions_runtime_token',
  RUNNER_CG_SECRET: 'cgcanary_runner_secret',
  CG_ARBITRARY_JOB_VAR: 'cgcanary_job_variable',
};

/** The CLI bundle run as a user runs it, with the canaries (and `env`) added to the environment. */
export function runCliWithCanaries(
  cli: BuiltCli,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): CliRun {
  const full: NodeJS.ProcessEnv = { ...process.env, ...CANARIES, ...env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CHART_GUARD_DEBUG']) delete full[name];
  const result = spawnSync(process.execPath, [cli.path, ...args], { cwd, env: full, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function expectNoCanary(text: string): void {
  expect(text).not.toContain('cgcanary');
}
