// Git snapshots a test opens as it goes, all closed once at the end (each holds a `git cat-file` process).
import { GitSnapshot } from '../../src/core/repo/git-snapshot.js';
import type { TestRepo } from './git-repo.js';

export interface OpenedSnapshots {
  /** A snapshot of `sha` in the repository, named `ref`. */
  at(ref: string, sha: string): GitSnapshot;
  closeAll(): Promise<void>;
}

export function openedSnapshots(repo: TestRepo): OpenedSnapshots {
  const opened: GitSnapshot[] = [];
  return {
    at(ref, sha) {
      const snapshot = new GitSnapshot(repo.dir, ref, sha);
      opened.push(snapshot);
      return snapshot;
    },
    closeAll: async () => {
      await Promise.all(opened.splice(0).map((snapshot) => snapshot.close()));
    },
  };
}
