// A local stand-in for the few GitHub REST endpoints the action calls. nock cannot intercept the undici fetch of
// @actions/github 9, so the bundled action talks to this server over real HTTP (GITHUB_API_URL).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

/** A pull request review as GET /repos/{o}/{r}/pulls/{n}/reviews lists it. */
export interface FakeReview {
  pullNumber: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  /** ISO time; default: the order of adding. */
  submittedAt?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  /** Date.now() when the request arrived. */
  at: number;
}

/**
 * A wrong answer for one request: an HTTP error with its headers (429 with Retry-After, a 403 secondary rate limit,
 * a 502), or 'hang': the request is read and never answered.
 */
export type Fault = { status: number; headers?: Record<string, string>; message?: string } | 'hang';

/** GitHub's answer to too many requests in a short time (docs: "Rate limits for the REST API"). */
export function secondaryRateLimit(retryAfterSeconds?: number): Fault {
  return {
    status: 403,
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  };
}

export interface FakeGitHubOptions {
  /** Answer 403 to every POST/PATCH, as GitHub does for a read-only token (fork pull requests). */
  denyWrites?: boolean;
  /** The login behind the token, for GET /user (a personal access token). */
  tokenUser?: { login: string; type: 'Bot' | 'User' };
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

export class FakeGitHub {
  readonly comments: FakeComment[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly reviews: FakeReview[] = [];
  /** Active members by team, "org/slug" -> logins. */
  readonly teams = new Map<string, string[]>();
  denyWrites: boolean;
  /** Answer 403 to the reviews listing, as for a token without pull request read access. */
  denyReviews = false;
  /** Taken one per request, in order, before the request is served. */
  readonly faults: Fault[] = [];
  private readonly tokenUser?: FakeGitHubOptions['tokenUser'];
  private readonly server: Server;
  private nextId = 1000;
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    this.denyWrites = options.denyWrites ?? false;
    this.tokenUser = options.tokenUser;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => this.send(res, 500, { message: String(error) }));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Seeds a comment as if someone had posted it earlier. */
  addComment(issueNumber: number, body: string, user: FakeComment['user'] = BOT): FakeComment {
    const comment = { id: this.nextId++, issueNumber, body, user };
    this.comments.push(comment);
    return comment;
  }

  /** Seeds a submitted review of a pull request. */
  addReview(review: FakeReview): this {
    this.reviews.push({
      ...review,
      submittedAt: review.submittedAt ?? new Date(Date.UTC(2026, 0, 1) + this.reviews.length * 60_000).toISOString(),
    });
    return this;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  reset(): void {
    this.comments.length = 0;
    this.requests.length = 0;
    this.faults.length = 0;
    this.reviews.length = 0;
    this.teams.clear();
    this.denyReviews = false;
  }

  /** The next requests get these answers, one each, before the fake serves normally again. */
  fail(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const body = raw ? JSON.parse(raw) : undefined;
    const method = req.method ?? 'GET';
    const at = Date.now();
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, at });

    const fault = this.faults.shift();
    if (fault === 'hang') return;
    if (fault) {
      return this.send(
        res,
        fault.status,
        { message: fault.message ?? `fault ${fault.status}`, documentation_url: 'https://docs.github.com/rest' },
        fault.headers,
      );
    }

    if (method !== 'GET' && this.denyWrites) {
      return this.send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      });
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m && method === 'GET') return this.listComments(res, url, m[1], m[2], Number(m[3]));
    if (m && method === 'POST') {
      const comment = this.addComment(Number(m[3]), String(body?.body ?? ''));
      return this.send(res, 201, this.view(comment, m[1], m[2]));
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m?.[3]));
      if (!comment) return this.send(res, 404, { message: 'Not Found' });
      comment.body = String(body?.body ?? '');
      return this.send(res, 200, this.view(comment, m[1], m[2]));
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/.exec(url.pathname);
    if (m && method === 'GET') {
      if (this.denyReviews) return this.send(res, 403, { message: 'Resource not accessible by integration' });
      const reviews = this.reviews.filter((r) => r.pullNumber === Number(m?.[3]));
      return this.sendPage(res, url, reviews, (r, i) => ({
        id: i + 1,
        user: { login: r.user, type: 'User' },
        state: r.state,
        commit_id: r.commitId,
        ...(r.state === 'PENDING' ? {} : { submitted_at: r.submittedAt }),
      }));
    }
    m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(url.pathname);
    if (m && method === 'GET') {
      const members = this.teams.get(`${m[1]}/${m[2]}`) ?? [];
      // GitHub answers 404 for a user who is not a member (and for a team the token cannot see)
      if (!members.includes(m[3])) return this.send(res, 404, { message: 'Not Found' });
      return this.send(res, 200, { state: 'active', role: 'member' });
    }
    if (url.pathname === '/user' && method === 'GET') {
      // The GITHUB_TOKEN of a workflow is an installation token: it cannot read /user.
      if (!this.tokenUser) return this.send(res, 403, { message: 'Resource not accessible by integration' });
      return this.send(res, 200, { login: this.tokenUser.login, type: this.tokenUser.type });
    }
    return this.send(res, 404, { message: 'Not Found' });
  }

  private listComments(res: ServerResponse, url: URL, owner: string, repo: string, issueNumber: number): void {
    const all = this.comments.filter((c) => c.issueNumber === issueNumber);
    this.sendPage(res, url, all, (c) => this.view(c, owner, repo));
  }

  /** Pages like GitHub: per_page (default 30, at most 100), page from 1, a Link header with rel="next"/"last". */
  private sendPage<T>(res: ServerResponse, url: URL, all: readonly T[], view: (item: T, index: number) => unknown) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const start = (page - 1) * perPage;
    const items = all.slice(start, page * perPage).map((item, i) => view(item, start + i));
    const link = (p: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set('page', String(p));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links = page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : [];
    this.send(res, 200, items, links.length ? { link: links.join(', ') } : {});
  }

  private view(comment: FakeComment, owner: string, repo: string) {
    return {
      id: comment.id,
      body: comment.body,
      user: comment.user,
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
