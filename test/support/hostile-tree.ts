// Git trees git itself would never write: entry names like "..", "" or "../../tmp/x", built with
// `git hash-object --literally -t tree` (git mktree refuses them), committed with `git commit-tree`.
import { execFileSync } from 'node:child_process';
import type { TestRepo } from './git-repo.js';

export interface RawEntry {
  /** "100644", "100755", "120000", "40000". */
  mode: string;
  /** The entry name as stored: any bytes but NUL. */
  name: string;
  /** Object id (hex). */
  object: string;
}

function git(repo: TestRepo, args: string[], input?: Buffer | string): string {
  return execFileSync('git', args, { cwd: repo.dir, input, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString('utf8')
    .trim();
}

/** Writes a blob; returns its id. */
export function writeBlob(repo: TestRepo, content: string): string {
  return git(repo, ['hash-object', '-w', '--stdin'], content);
}

/** Writes a tree object with exactly these entries, in this order, unchecked. */
export function writeRawTree(repo: TestRepo, entries: RawEntry[]): string {
  const body = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.object, 'hex')])),
  );
  return git(repo, ['hash-object', '--literally', '-t', 'tree', '-w', '--stdin'], body);
}

/** The entries of one tree (not recursive). */
export function treeEntries(repo: TestRepo, tree: string): RawEntry[] {
  return git(repo, ['ls-tree', '-z', tree])
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, , object] = record.slice(0, tab).split(' ');
      return { mode, name: record.slice(tab + 1), object };
    });
}

/**
 * Commits HEAD's tree with the folder at `dir` (e.g. "charts/app") given `extra` entries, on top of HEAD, and moves
 * the current branch there. Returns the new commit.
 */
export function commitWithExtraEntries(repo: TestRepo, dir: string, extra: RawEntry[], message = 'hostile'): string {
  const segments = dir.split('/');
  const rebuild = (tree: string, depth: number): string => {
    const entries = treeEntries(repo, tree);
    if (depth === segments.length) return writeRawTree(repo, [...entries, ...extra]);
    const child = entries.find((e) => e.name === segments[depth]);
    if (!child) throw new Error(`${segments.slice(0, depth + 1).join('/')} is not in the tree`);
    child.object = rebuild(child.object, depth + 1);
    return writeRawTree(repo, entries);
  };
  const root = rebuild(git(repo, ['rev-parse', 'HEAD^{tree}']), 0);
  const commit = git(repo, ['commit-tree', root, '-p', 'HEAD', '-m', message]);
  git(repo, ['update-ref', 'HEAD', commit]);
  return commit;
}
