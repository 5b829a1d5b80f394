// The platform fixture (test/fixtures/platform: base/ and head/ trees) as a git repository whose head commit is the
// bump: for tests that run a whole review on it.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, TestRepo } from './git-repo.js';

export function platformBump(prefix: string): { repoDir: string; base: string; head: string } {
  const repo = new TestRepo(prefix);
  const fixture = join(PROJECT_DIR, 'test/fixtures/platform');
  const checkOut = (tree: string) => {
    for (const name of readdirSync(repo.dir)) if (name !== '.git') rmSync(join(repo.dir, name), { recursive: true });
    cpSync(join(fixture, tree), repo.dir, { recursive: true });
  };
  checkOut('base');
  const base = repo.commit('platform before the bump');
  checkOut('head');
  return { repoDir: repo.dir, base, head: repo.commit('bump six charts') };
}
