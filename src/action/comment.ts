// The sticky pull request comment: one comment per pull request (and lockfile), found again by a hidden marker at
// the top of its body and by its bot author, updated in place, left alone when nothing changed.
import { apiFailureOf, type GitHubClient, seconds } from './github-client.js';

export type { GitHubClient };

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface StickyComment {
  /** Hidden HTML comment that starts the body, e.g. `<!-- chart-guard: helm-freeze.yaml -->`. */
  marker: string;
  body: string;
  /** false: only update an existing comment (comment: on-findings with a clean report), never create one. */
  create: boolean;
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; url: string }
  | { action: 'not-created' }
  | { action: 'failed'; message: string };

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type?: string } | null;
}

/** The body as posted: it starts with the marker, so the next run (or the workflow_run recipe) finds it again. */
export function stickyCommentBody(comment: Pick<StickyComment, 'marker' | 'body'>): string {
  return comment.body.startsWith(comment.marker) ? comment.body : `${comment.marker}\n${comment.body}`;
}

/** GitHub stores bodies with \r\n line ends when edited in the browser; compare content, not line ends. */
function sameBody(a: string | undefined, b: string): boolean {
  const normal = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
  return a !== undefined && normal(a) === normal(b);
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

const MAX_API_MESSAGE_CHARS = 200;

/**
 * One line for the log: the API's own message, without the request dump octokit appends. A proxy's 502 page comes
 * back as the whole HTML body: only its start is kept.
 */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '');
  return line.length > MAX_API_MESSAGE_CHARS ? `${line.slice(0, MAX_API_MESSAGE_CHARS - 1)}…` : line;
}

/**
 * Creates, updates or leaves the sticky comment. Never throws: a failure is returned so the caller can warn once
 * and keep everything it already produced (summary, outputs, report file).
 */
export async function publishStickyComment(
  github: GitHubClient,
  target: CommentTarget,
  comment: StickyComment,
): Promise<CommentOutcome> {
  const body = stickyCommentBody(comment);
  const where = { owner: target.owner, repo: target.repo };
  try {
    const existing = await findStickyComment(github, target, comment.marker);
    if (existing) {
      if (sameBody(existing.body, body)) return { action: 'unchanged', url: existing.html_url };
      const { data } = await github.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return { action: 'updated', url: data.html_url };
    }
    if (!comment.create) return { action: 'not-created' };
    const { data } = await github.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
    return { action: 'created', url: data.html_url };
  } catch (error) {
    return { action: 'failed', message: `${commentFailure(error, target)} ${COMPLETE}` };
  }
}

const COMPLETE = 'The job summary, outputs and JSON report are complete.';

/**
 * Why the comment could not be posted, told apart by what the user has to do: wait (rate limit, GitHub down or
 * slow), fix the token's permissions (403), or check which pull request and repository the run names (404).
 */
export function commentFailure(error: unknown, target: CommentTarget): string {
  const failure = apiFailureOf(error);
  const status = failure?.status ?? httpStatus(error);
  const what = describe(error);
  const tries = failure && failure.attempts > 1 ? ` (${failure.attempts} tries)` : '';
  const head = 'could not post the pull request comment:';
  switch (failure?.retryable) {
    case 'timeout':
      return failure.budgetSpent
        ? `${head} GitHub did not answer within the ${seconds(failure.budgetMs)} chart-guard gives the comment${tries}.`
        : `${head} GitHub did not answer within ${seconds(failure.timeoutMs)}${tries}.`;
    case 'rate-limited':
      return failure.waitRefusedMs !== undefined
        ? `${head} GitHub's rate limit refused it (HTTP ${status}: ${what}) and asked for a wait of ` +
            `${seconds(failure.waitRefusedMs)}, past the ${seconds(failure.budgetMs)} chart-guard gives the comment.`
        : `${head} GitHub's rate limit refused it${tries} (HTTP ${status}: ${what}).`;
    case 'server':
      return `${head} GitHub answered HTTP ${status}${tries} (${what}).`;
    case 'network':
      return `${head} GitHub could not be reached${tries} (${what}).`;
  }
  if (status === 401) return `${head} the token was refused (HTTP 401: ${what}); check the github-token input.`;
  if (status === 403) {
    return (
      `${head} the token lacks permission (HTTP 403: ${what}). ` +
      'Grant `permissions: pull-requests: write` to the job, or for pull requests from forks (read-only token) ' +
      'use the two-workflow recipe: upload the report on pull_request, comment from workflow_run.'
    );
  }
  if (status === 404) {
    return (
      `${head} GitHub has no pull request #${target.issueNumber} in ${target.owner}/${target.repo} (HTTP 404: ${what}). ` +
      'The repository or pull request does not exist, or the token cannot see it: a token without access to a ' +
      'private repository gets 404, not 403.'
    );
  }
  return `${head} ${status ? `HTTP ${status}: ` : ''}${what}.`;
}

/**
 * The first comment that starts with the marker and was written by a bot or by the token's own user: a person who
 * pastes the marker into their comment must not have it overwritten.
 */
async function findStickyComment(
  github: GitHubClient,
  target: CommentTarget,
  marker: string,
): Promise<IssueComment | undefined> {
  const comments = (await github.paginate(github.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  })) as IssueComment[];
  const marked = comments.filter((c) => c.body?.startsWith(marker));
  const byBot = marked.find((c) => c.user?.type === 'Bot');
  if (byBot || marked.length === 0) return byBot;
  // A personal access token posts as its user; the GITHUB_TOKEN cannot read /user, which is fine: it posts as a bot.
  const self = await github.rest.users
    .getAuthenticated()
    .then(({ data }) => data.login)
    .catch(() => undefined);
  return marked.find((c) => self !== undefined && c.user?.login === self);
}
