import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CommentOutcome, publishStickyComment } from '../../src/action/comment.js';
import { API_POLICY, apiPolicyFromEnv, createGitHubClient } from '../../src/action/github-client.js';
import { commentMarker } from '../../src/format/markdown.js';
import { FakeGitHub, secondaryRateLimit } from '../support/fake-github.js';

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

describe('sticky comment through a GitHub API that fails', () => {
  // Every duration of the real policy (60 s in all, 30 s per try, 1 s backoff, GitHub's Retry-After) times 0.01.
  const policy = apiPolicyFromEnv({ CHART_GUARD_API_TIME_SCALE: '0.01' });
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await new FakeGitHub().start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.denyWrites = false;
  });

  // A new client per publish: the time budget runs from a client's first request.
  const publish = (body = `${marker}\nreport`) =>
    publishStickyComment(createGitHubClient('test-token', { policy, baseUrl: fake.url }), target, {
      marker,
      body,
      create: true,
    });
  const messageOf = (outcome: CommentOutcome) => (outcome.action === 'failed' ? outcome.message : '');
  const calls = () => fake.requests.map((r) => `${r.method} ${r.path}`);

  it('scales the whole policy, and only with a factor between 0 and 1', () => {
    expect(policy).toEqual({ attempts: 3, budgetMs: 600, requestTimeoutMs: 300, backoffMs: 10, timeScale: 0.01 });
    expect(apiPolicyFromEnv({})).toEqual(API_POLICY);
    expect(apiPolicyFromEnv({ CHART_GUARD_API_TIME_SCALE: '5' })).toEqual(API_POLICY);
    expect(API_POLICY).toMatchObject({ attempts: 3, budgetMs: 60_000, requestTimeoutMs: 30_000 });
  });

  it('retries a 429 after the Retry-After GitHub sends, then posts', async () => {
    fake.fail({ status: 429, headers: { 'retry-after': '3' } });
    const outcome = await publish();
    expect(outcome).toMatchObject({ action: 'created' });
    expect(calls()).toEqual([
      'GET /repos/acme/charts/issues/7/comments',
      'GET /repos/acme/charts/issues/7/comments',
      'POST /repos/acme/charts/issues/7/comments',
    ]);
    // never sooner than asked: 3 s scaled is 30 ms
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(29);
  });

  it('retries a 403 that says secondary rate limit, with its Retry-After', async () => {
    fake.fail(secondaryRateLimit(1));
    expect(await publish()).toMatchObject({ action: 'created' });
    expect(fake.comments).toHaveLength(1);
    expect(calls().filter((c) => c.startsWith('GET'))).toHaveLength(2);
  });

  it('gives up at once when GitHub asks for a wait past the 60 s budget, and says so', async () => {
    fake.fail({ status: 429, headers: { 'retry-after': '120' } });
    const outcome = await publish();
    expect(calls()).toEqual(['GET /repos/acme/charts/issues/7/comments']);
    expect(messageOf(outcome)).toMatch(/rate limit refused it \(HTTP 429: .*\) and asked for a wait of 120 s/);
    expect(messageOf(outcome)).toContain('The job summary, outputs and JSON report are complete.');
  });

  it('does not retry a secondary rate limit without Retry-After: GitHub asks for at least a minute', async () => {
    fake.fail(secondaryRateLimit());
    const outcome = await publish();
    expect(calls()).toHaveLength(1);
    expect(messageOf(outcome)).toContain('HTTP 403: You have exceeded a secondary rate limit');
    expect(messageOf(outcome)).not.toContain('lacks permission');
  });

  it('tells a primary rate limit (x-ratelimit-remaining: 0) from a permission 403', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    fake.fail({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      message: 'API rate limit exceeded',
    });
    const message = messageOf(await publish());
    expect(message).toMatch(/rate limit refused it \(HTTP 403: API rate limit exceeded\) and asked for a wait of/);
    expect(message).not.toContain('pull-requests: write');
  });

  it('retries a 5xx, then posts', async () => {
    fake.fail({ status: 502 }, { status: 503 });
    expect(await publish()).toMatchObject({ action: 'created' });
    expect(calls().filter((c) => c.startsWith('GET'))).toHaveLength(3);
  });

  it('stops after 3 tries of a 5xx', async () => {
    fake.fail({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    const outcome = await publish();
    expect(calls()).toHaveLength(3);
    expect(messageOf(outcome)).toMatch(
      /^could not post the pull request comment: GitHub answered HTTP 502 \(3 tries\)/,
    );
    expect(fake.comments).toHaveLength(0);
  });

  it('times out a request that gets no answer and tries again', async () => {
    fake.fail('hang');
    expect(await publish()).toMatchObject({ action: 'created' });
    expect(calls().filter((c) => c.startsWith('GET'))).toHaveLength(2);
  });

  it('ends within the time budget when GitHub never answers', async () => {
    fake.fail('hang', 'hang', 'hang');
    const outcome = await publish();
    // 300 ms per try in a 600 ms budget: the second try is cut at the budget's end, the third never starts
    expect(calls()).toHaveLength(2);
    expect(messageOf(outcome)).toMatch(
      /GitHub did not answer within the 0\.6 s chart-guard gives the comment \(2 tries\)\./,
    );
  });

  it('says which timeout it was when the tries run out before the budget', async () => {
    fake.fail('hang', 'hang');
    const client = createGitHubClient('test-token', {
      policy: { attempts: 2, budgetMs: 5_000, requestTimeoutMs: 100, backoffMs: 10, timeScale: 0.01 },
      baseUrl: fake.url,
    });
    const outcome = await publishStickyComment(client, target, { marker, body: `${marker}\nx`, create: true });
    expect(messageOf(outcome)).toMatch(/GitHub did not answer within 0\.1 s \(2 tries\)\./);
  });

  it('does not retry a permission 403 and names the fix', async () => {
    fake.denyWrites = true;
    const message = messageOf(await publish());
    expect(fake.writes()).toHaveLength(1);
    expect(message).toContain('lacks permission (HTTP 403: Resource not accessible by integration)');
    expect(message).toContain('two-workflow recipe');
  });

  it('tells a 404 (no such pull request or repository) from a 403', async () => {
    fake.fail({ status: 404, message: 'Not Found' });
    const message = messageOf(await publish());
    expect(calls()).toHaveLength(1);
    expect(message).toContain('GitHub has no pull request #7 in acme/charts (HTTP 404: Not Found)');
    expect(message).not.toContain('pull-requests: write');
  });

  it('keeps a proxy error page to one short line', async () => {
    fake.fail(...Array.from({ length: 3 }, () => ({ status: 502, message: `<html>${'x'.repeat(5000)}\n</html>` })));
    const message = messageOf(await publish());
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(500);
  });
});
