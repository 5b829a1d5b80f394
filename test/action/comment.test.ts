import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishStickyComment } from '../../src/action/comment.js';
import { commentMarker } from '../../src/format/markdown.js';
import { FakeGitHub } from '../support/fake-github.js';

const target = { owner: 'acme', repo: 'charts', issueNumber: 7 };
const marker = commentMarker('helm-freeze.yaml');

describe('sticky pull request comment', () => {
  let fake: FakeGitHub;
  let client: ReturnType<typeof getOctokit>;
  beforeAll(async () => {
    fake = await new FakeGitHub().start();
    client = getOctokit('test-token', { baseUrl: fake.url });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.denyWrites = false;
  });

  const publish = (body: string, create = true) => publishStickyComment(client, target, { marker, body, create });

  it('creates one comment that starts with the hidden marker', async () => {
    const outcome = await publish(`${marker}\n## chart-guard: fail`);
    expect(outcome).toMatchObject({ action: 'created', url: expect.stringContaining('/pull/7#issuecomment-') });
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body.startsWith(marker)).toBe(true);
  });

  it('puts the marker at the top when the body lacks it', async () => {
    await publish('## chart-guard: pass');
    expect(fake.comments[0].body).toBe(`${marker}\n## chart-guard: pass`);
  });

  it('updates its earlier comment in place, found past the first page of 100', async () => {
    for (let i = 0; i < 150; i++) fake.addComment(7, `comment ${i}`, { login: 'alice', type: 'User' });
    const ours = fake.addComment(7, `${marker}\nold`);
    const outcome = await publish(`${marker}\nnew`);
    expect(outcome).toMatchObject({ action: 'updated' });
    expect(ours.body).toBe(`${marker}\nnew`);
    expect(fake.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/acme/charts/issues/comments/${ours.id}`,
    ]);
    const pages = fake.requests.filter((r) => r.method === 'GET');
    expect(pages.map((r) => r.query.per_page)).toEqual(['100', '100']);
  });

  it('makes no request to write when the body is unchanged', async () => {
    const ours = fake.addComment(7, `${marker}\nsame`);
    const outcome = await publish(`${marker}\nsame\n`);
    expect(outcome).toEqual({ action: 'unchanged', url: expect.stringContaining(`${ours.id}`) });
    expect(fake.writes()).toEqual([]);
  });

  it('leaves a person’s comment that quotes the marker alone and creates its own', async () => {
    const human = fake.addComment(7, `${marker}\nI pasted this`, { login: 'alice', type: 'User' });
    await publish(`${marker}\nreport`);
    expect(human.body).toBe(`${marker}\nI pasted this`);
    expect(fake.comments).toHaveLength(2);
  });

  it('recognises its own comment when the token is a personal access token', async () => {
    await fake.stop();
    fake = await new FakeGitHub({ tokenUser: { login: 'release-bot-user', type: 'User' } }).start();
    client = getOctokit('test-token', { baseUrl: fake.url });
    fake.addComment(7, `${marker}\nby someone else`, { login: 'alice', type: 'User' });
    const ours = fake.addComment(7, `${marker}\nold`, { login: 'release-bot-user', type: 'User' });
    await publish(`${marker}\nnew`);
    expect(ours.body).toBe(`${marker}\nnew`);
    expect(fake.comments).toHaveLength(2);
  });

  it('does not create a comment when told only to update, but still updates an existing one', async () => {
    expect(await publish(`${marker}\nclean`, false)).toEqual({ action: 'not-created' });
    expect(fake.writes()).toEqual([]);
    const ours = fake.addComment(7, `${marker}\nhad findings`);
    expect(await publish(`${marker}\nclean`, false)).toMatchObject({ action: 'updated' });
    expect(ours.body).toBe(`${marker}\nclean`);
  });

  it('returns the permission fix instead of throwing when writes are refused (403)', async () => {
    fake.denyWrites = true;
    const outcome = await publish(`${marker}\nreport`);
    expect(outcome.action).toBe('failed');
    const message = outcome.action === 'failed' ? outcome.message : '';
    expect(message).toContain('HTTP 403');
    expect(message).toContain('pull-requests: write');
    expect(message).toContain('two-workflow recipe');
    expect(message).not.toContain('\n');
  });

  it('keeps comments for different lockfiles apart', () => {
    expect(commentMarker('helm-freeze.yaml')).not.toBe(commentMarker('infra/helm-freeze.yaml'));
    expect(commentMarker('a--b.yaml')).not.toContain('a--b');
    // "--" inside an HTML comment ends it early: no run of dashes survives, however long.
    expect(commentMarker('a---b.yaml').slice('<!--'.length, -'-->'.length)).not.toContain('--');
  });
});
