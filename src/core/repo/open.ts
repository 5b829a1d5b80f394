// Turns user-facing refs into snapshots: a commit-ish via git, or the working tree.
import { fetchAdvice } from './fetch-advice.js';
import { commitOf, GitError, gitText, tryGitText } from './git.js';
import { GitSnapshot } from './git-snapshot.js';
import type { Snapshot } from './snapshot.js';
import { WorktreeSnapshot } from './worktree-snapshot.js';

export const WORKTREE_REF = 'WORKTREE';

export class RefError extends Error {}

export async function repoRoot(dir: string): Promise<string> {
  try {
    return await gitText(dir, ['rev-parse', '--show-toplevel']);
  } catch (e) {
    throw new RefError(`${dir} is not inside a git repository (${e instanceof GitError ? e.stderr.trim() : e})`);
  }
}

/** Opens a ref as a snapshot. `WORKTREE` (or undefined) means the working tree. */
export async function openSnapshot(repoDir: string, ref: string | undefined): Promise<Snapshot> {
  if (ref === undefined || ref === WORKTREE_REF) return new WorktreeSnapshot(repoDir);
  const sha = await commitOf(repoDir, ref);
  if (!sha) {
    throw new RefError(`git ref "${ref}" is not a commit in ${repoDir}. ${fetchAdvice(ref)}`);
  }
  return new GitSnapshot(repoDir, ref, sha);
}

/** The default base for the CLI: merge-base of HEAD with the default branch (origin/HEAD, main, master). */
export async function defaultBaseRef(repoDir: string): Promise<string> {
  const candidates = [
    (await tryGitText(repoDir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])) ?? '',
    'origin/main',
    'origin/master',
    'main',
    'master',
  ].filter(Boolean);
  for (const candidate of candidates) {
    if (!(await commitOf(repoDir, candidate))) continue;
    const base = await tryGitText(repoDir, ['merge-base', '--end-of-options', 'HEAD', candidate]);
    if (base) return base;
  }
  throw new RefError(
    'no default branch found to compare with (tried origin/HEAD, origin/main, origin/master, main, master): pass --base',
  );
}
