// The set of files that differ between two snapshots, from git (cheap even on large repositories).
import { runGit } from './git.js';
import type { Snapshot } from './snapshot.js';

export async function changedFiles(repoDir: string, base: Snapshot, head: Snapshot): Promise<Set<string>> {
  if (!base.sha) throw new Error('the base of a review must be a commit');
  const split = (out: Buffer) => out.toString('utf8').split('\0').filter(Boolean);
  // --no-renames: a moved file counts as deleted at its old path and added at its new one; the shas after
  // --end-of-options and before `--`: never an option, never a path
  const diff = ['diff', '--name-only', '--no-renames', '-z', '--end-of-options'];
  if (head.sha) return new Set(split(await runGit(repoDir, [...diff, base.sha, head.sha, '--'])));
  const [tracked, untracked] = await Promise.all([
    runGit(repoDir, [...diff, base.sha, '--']),
    runGit(repoDir, ['ls-files', '-z', '--others', '--exclude-standard']),
  ]);
  return new Set([...split(tracked), ...split(untracked)]);
}
