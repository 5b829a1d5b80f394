// Who approved the pull request, for the acceptances it adds (src/core/acceptances/acceptance-approval.ts): its reviews, folded
// to each reviewer's standing approval, its author from the event, and team membership for `org/team` approvers.
// Outside a pull request (a push, a merge queue) the reviews were required where the change was a pull request.
import type { Approval, ApprovalEvidence, NewAcceptances } from '../core/acceptances/acceptance-approval.js';
import type { GitHubClient } from './github-client.js';

export interface PullRequestReview {
  user: { login: string } | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  commit_id: string | null;
  submitted_at?: string | null;
}

/**
 * Each reviewer's standing approval: their latest review that approves or withdraws (a request for changes, or a
 * dismissal: GitHub turns a dismissed review's state to DISMISSED) decides; a comment changes nothing, as on GitHub.
 */
export function standingApprovals(reviews: readonly PullRequestReview[]): Approval[] {
  const latest = new Map<string, Approval | undefined>();
  const ordered = [...reviews].sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? ''));
  for (const review of ordered) {
    const login = review.user?.login;
    if (!login) continue;
    const key = login.toLowerCase();
    if (review.state === 'APPROVED' && review.commit_id) latest.set(key, { by: login, commit: review.commit_id });
    else if (review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') latest.set(key, undefined);
  }
  return [...latest.values()].filter((approval) => approval !== undefined);
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  author: string;
}

/** The pull request of the event: `pull_request*` events, or an issue comment on a pull request. */
export function pullRequestOf(
  repo: { owner: string; repo: string },
  payload: Record<string, unknown>,
): PullRequestRef | undefined {
  const pr = payload.pull_request as { number?: number; user?: { login?: string } } | undefined;
  const issue = payload.issue as { number?: number; pull_request?: unknown; user?: { login?: string } } | undefined;
  const source = pr ?? (issue?.pull_request ? issue : undefined);
  const author = source?.user?.login;
  if (typeof source?.number !== 'number' || !author) return undefined;
  return { ...repo, number: source.number, author };
}

/**
 * How the run judges acceptances the pull request adds: its approvals, read once when first needed. Without a
 * pull request, trusted; when the reviews cannot be read (no token, a 403), `warn` is told once and they are pending.
 */
export function newAcceptancesJudge(
  pullRequest: PullRequestRef | undefined,
  client: GitHubClient | undefined,
  warn: (message: string) => void,
): NewAcceptances {
  if (!pullRequest) return 'trusted';
  let evidence: Promise<ApprovalEvidence | 'pending'> | undefined;
  return () => {
    evidence ??= readEvidence(pullRequest, client).catch((error: unknown) => {
      warn(
        `chart-guard could not read the reviews of pull request #${pullRequest.number} (${oneLine(error)}): ` +
          'acceptances it adds count as awaiting approval',
      );
      return 'pending' as const;
    });
    return evidence;
  };
}

async function readEvidence(pr: PullRequestRef, client: GitHubClient | undefined): Promise<ApprovalEvidence> {
  if (!client) throw new Error('the github-token input is empty');
  const reviews = (await client.paginate(client.rest.pulls.listReviews, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  })) as PullRequestReview[];
  return {
    author: pr.author,
    approvals: standingApprovals(reviews),
    inTeam: async (user, team) => {
      const [org, slug] = team.split('/');
      // a 404 (not a member, or a token that cannot see the team) is thrown: the core reads it as "no"
      const { data } = await client.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: user });
      return data.state === 'active';
    },
  };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}
