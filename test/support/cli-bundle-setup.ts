// vitest globalSetup (after temp-root.ts): the bundles built once from the current source for the whole run, into the
// run's temp folder. buildCli() (cli-bundle.ts) copies them from there instead of running esbuild in each of the two
// dozen test files that run the CLI as a user does (about 2.5 s of CPU each on 2 cores).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './git-repo.js';

export default function setup(): void {
  const root = process.env.CHART_GUARD_TEST_TMP;
  if (!root) throw new Error('cli-bundle-setup.ts runs after temp-root.ts (vitest.config.ts globalSetup order)');
  const outdir = join(root, 'bundle');
  mkdirSync(outdir);
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], { cwd: PROJECT_DIR, stdio: 'pipe' });
  process.env.CHART_GUARD_TEST_BUNDLE = outdir;
}
