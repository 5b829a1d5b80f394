import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refsFromEvent, resolveRefs } from '../../src/action/refs.js';
import { TestRepo } from '../support/git-repo.js';

const ZERO = '0'.repeat(40);

describe('refs from the event payload', () => {
  it('takes a pull request’s base and head shas', () => {
    const refs = refsFromEvent('pull_request', {
      pull_request: { number: 3, base: { sha: 'b1', ref: 'main' }, head: { sha: 'h1', ref: 'bump' } },
    });
    expect(refs).toMatchObject({
      base: { sha: 'b1', ref: 'main' },
      head: { sha: 'h1', ref: 'bump' },
      pullRequestHead: 'h1',
    });
  });

  it('takes a push’s before and after, with no base when the push creates the branch', () => {
    expect(refsFromEvent('push', { before: 'b1', after: 'h1', ref: 'refs/heads/main' })).toMatchObject({
      base: { sha: 'b1' },
      head: { sha: 'h1', ref: 'refs/heads/main' },
    });
    expect(refsFromEvent('push', { before: ZERO, after: 'h1' }).base).toBeUndefined();
  });

  it('takes a merge group’s base and head', () => {
    expect(refsFromEvent('merge_group', { merge_group: { base_sha: 'b1', head_sha: 'h1' } })).toMatchObject({
      base: { sha: 'b1' },
      head: { sha: 'h1' },
    });
  });

  it('knows nothing for events without a change (workflow_dispatch, schedule)', () => {
    expect(refsFromEvent('workflow_dispatch', { inputs: {} })).toEqual({});
  });
});

/** main: A - C; branch bump: A - B; refs/pull/1/merge: M = merge of B into C, as GitHub builds it. */
function pullRequestRepo() {
  const repo = new TestRepo('cg-refs-');
  const a = repo.write('helm-freeze.yaml', 'charts: []\n').commit('A');
  repo.git('checkout', '-q', '-b', 'bump');
  const b = repo.write('values/x.yaml', 'a: 1\n').commit('B');
  repo.git('checkout', '-q', 'main');
  const c = repo.write('README.md', 'main moved on\n').commit('C');
  repo.git('checkout', '-q', '--detach', c);
  repo.git('merge', '-q', '--no-ff', '-m', 'Merge bump into main', b);
  const m = repo.git('rev-parse', 'HEAD');
  repo.git('update-ref', 'refs/heads/pull-1-merge', m);
  return { repo, a, b, c, m };
}

const prEvent = (base: string, head: string) =>
  refsFromEvent('pull_request', {
    pull_request: { base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'bump' } },
  });

describe('resolving base and head in the checkout', () => {
  const { repo, a, b, c, m } = pullRequestRepo();
  const clones: string[] = [];
  afterAll(() => {
    repo.cleanup();
    for (const dir of clones) rmSync(dir, { recursive: true, force: true });
  });

  /** What actions/checkout does by default: one commit, the merge ref, origin set. */
  function shallowClone(branch: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'cg-shallow-'));
    clones.push(dir);
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', branch, `file://${repo.dir}`, dir]);
    return dir;
  }

  it('reviews the checked-out merge commit against its first parent', async () => {
    const result = await resolveRefs(repo.dir, prEvent(c, b), { needsBase: true });
    expect(result).toEqual({ ok: true, base: { ref: 'main', sha: c }, head: { ref: 'HEAD', sha: m } });
  });

  it('compares a checked-out branch head with its fork point, so base commits do not read as reverts', async () => {
    repo.git('checkout', '-q', 'bump');
    const result = await resolveRefs(repo.dir, prEvent(c, b), { needsBase: true });
    repo.git('checkout', '-q', '--detach', m);
    expect(result).toEqual({ ok: true, base: { ref: 'main (merge base)', sha: a }, head: { ref: 'bump', sha: b } });
  });

  it('fetches the base commit a shallow checkout lacks', async () => {
    const dir = shallowClone('pull-1-merge');
    expect(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir, encoding: 'utf8' }).trim()).toBe(
      'true',
    );
    const result = await resolveRefs(dir, prEvent(c, b), { needsBase: true });
    expect(result).toEqual({ ok: true, base: { ref: 'main', sha: c }, head: { ref: 'HEAD', sha: m } });
  });

  it('fails with the fetch-depth advice when the base cannot be had', async () => {
    const dir = shallowClone('pull-1-merge');
    const gone = 'f'.repeat(40);
    const result = await resolveRefs(dir, refsFromEvent('push', { before: gone, after: m }), { needsBase: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      `the base commit ${gone} (the commit before the push) is not in the checkout and could not be fetched from origin. Check out the full history: actions/checkout with \`fetch-depth: 0\`.`,
    );
  });

  it('asks for base-ref when the event has nothing to compare against', async () => {
    const result = await resolveRefs(repo.dir, refsFromEvent('push', { before: ZERO, after: m }), { needsBase: true });
    expect(!result.ok && result.message).toContain('Set the base-ref input');
  });

  it('lets base-ref and head-ref inputs win over the event, fetching a branch name from origin', async () => {
    const dir = shallowClone('pull-1-merge');
    const result = await resolveRefs(dir, prEvent(c, b), { baseRef: 'main', headRef: 'bump', needsBase: true });
    expect(result).toEqual({ ok: true, base: { ref: 'main', sha: c }, head: { ref: 'bump', sha: b } });
  });

  it('needs no base in lint mode', async () => {
    const result = await resolveRefs(repo.dir, refsFromEvent('workflow_dispatch', {}), { needsBase: false });
    expect(result).toEqual({ ok: true, base: null, head: { ref: 'HEAD', sha: m } });
  });
});
