// The honest bump most hardening tests attack: test/fixtures/preexisting's web 1.0.0 -> 1.1.0, which fails with 3
// errors (image.pullPolicy, set by values/web.yaml, is gone; a PodDisruptionBudget and a CronJob use APIs removed in
// Kubernetes 1.25). The base is committed; the head's files are written, for the test to edit and commit.
import { join } from 'node:path';
import { PROJECT_DIR, TestRepo } from './git-repo.js';
import { oneChartLockfile } from './lockfile.js';

export const PREEXISTING = join(PROJECT_DIR, 'test/fixtures/preexisting');
export const CONFIG_PATH = '.github/chart-guard.yaml';

/** The base's config: Kubernetes 1.29 and values/{chart}.yaml. */
export const PREEXISTING_CONFIG = 'kubernetes: "1.29"\nvalues:\n  - values/{chart}.yaml\n';

export function preexistingBump(prefix: string, config = PREEXISTING_CONFIG): { repo: TestRepo; base: string } {
  const repo = new TestRepo(prefix);
  repo
    .write('helm-freeze.yaml', oneChartLockfile('web', '1.0.0'))
    .copy(join(PREEXISTING, 'base/web'), 'charts/web')
    .copy(join(PREEXISTING, 'repo/values'), 'values')
    .write(CONFIG_PATH, config);
  const base = repo.commit('web 1.0.0');
  repo.write('helm-freeze.yaml', oneChartLockfile('web', '1.1.0')).copy(join(PREEXISTING, 'head/web'), 'charts/web');
  return { repo, base };
}
