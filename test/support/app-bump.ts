// The smallest review the hardening tests need: the fixture chart `app` at 1.0.0, bumped to 1.1.0.
import { join } from 'node:path';
import { PROJECT_DIR, type TestRepo } from './git-repo.js';
import { oneChartLockfile } from './lockfile.js';

export const APP_CHART = join(PROJECT_DIR, 'test/fixtures/hardening/app');

/** Commits app 1.0.0 in charts/app (plus `extra` files); returns the commit. */
export function commitAppBase(repo: TestRepo, extra: Record<string, string> = {}): string {
  repo.write('helm-freeze.yaml', oneChartLockfile('app', '1.0.0')).copy(APP_CHART, 'charts/app');
  for (const [path, content] of Object.entries(extra)) repo.write(path, content);
  return repo.commit('app 1.0.0');
}

/** Writes (does not commit) the bump to 1.1.0: the lockfile and the chart folder's Chart.yaml. */
export function writeAppBump(repo: TestRepo, lockfile = oneChartLockfile('app', '1.1.0'), chartDir = 'charts/app') {
  return repo
    .write('helm-freeze.yaml', lockfile)
    .write(`${chartDir}/Chart.yaml`, 'apiVersion: v2\nname: app\nversion: 1.1.0\n');
}
