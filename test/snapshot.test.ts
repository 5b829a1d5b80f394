import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitSnapshot } from '../src/core/repo/git-snapshot.js';
import { readText } from '../src/core/repo/snapshot.js';
import { WorktreeSnapshot } from '../src/core/repo/worktree-snapshot.js';
import { TestRepo } from './support/git-repo.js';

describe('snapshots', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());
  repo.write('a/Chart.yaml', 'name: a\nversion: 1.0.0\n').write('b.txt', 'one');
  symlinkSync('../b.txt', join(repo.dir, 'a/link'));
  const first = repo.commit('first');
  repo.write('a/Chart.yaml', 'name: a\nversion: 2.0.0\n').write('new.txt', 'untracked').remove('b.txt');

  it('reads a commit, not the working tree', async () => {
    const snap = new GitSnapshot(repo.dir, 'first', first);
    expect(await readText(snap, 'a/Chart.yaml')).toContain('1.0.0');
    expect((await snap.entries()).map((e) => e.path)).toEqual(['a/Chart.yaml', 'a/link', 'b.txt']);
    expect(await snap.readLink('a/link')).toBe('../b.txt');
    expect(await snap.readBuffer('a/link')).toBeUndefined();
    expect(await snap.readBuffer('missing')).toBeUndefined();
    snap.close();
  });

  it('reads many blobs concurrently over one cat-file process', async () => {
    const snap = new GitSnapshot(repo.dir, 'first', first);
    const texts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => readText(snap, i % 2 ? 'b.txt' : 'a/Chart.yaml')),
    );
    expect(texts.filter((t) => t === 'one')).toHaveLength(25);
    snap.close();
  });

  it('reads the working tree with untracked files and without deleted ones', async () => {
    const snap = new WorktreeSnapshot(repo.dir);
    const paths = (await snap.entries()).map((e) => e.path);
    expect(paths).toEqual(['a/Chart.yaml', 'a/link', 'new.txt']);
    expect(await readText(snap, 'a/Chart.yaml')).toContain('2.0.0');
    expect(snap.sha).toBeNull();
  });
});
