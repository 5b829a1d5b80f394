// Acceptances need a second person. An entry the change adds or renews (acceptances.ts marks it `added`) is written
// by the change's own author: it counts only once someone else approved the change after the acceptances file last
// changed, and, when the base's policy names approvers (`acceptances: { approvers: [...] }`), only their approval.
// Until then its findings stay open and carry `awaitingApproval`.
//
// The core knows no GitHub: the adapter says who approved on which commit, and answers team membership. The core
// decides with git whether an approval came after the last change of the acceptances file.
import { tryGitText } from '../repo/git.js';

/** One reviewer's latest approving review (superseded and dismissed reviews left out by the adapter). */
export interface Approval {
  /** The reviewer's login. */
  by: string;
  /** The commit the review was given on (GitHub's commit_id). */
  commit: string;
}

/** What the adapter knows about the change's approvals. */
export interface ApprovalEvidence {
  /** The change's author: their own approval never counts. */
  author: string;
  approvals: readonly Approval[];
  /** Whether `user` is an active member of team "org/slug"; a failure to tell is false. */
  inTeam?: (user: string, team: string) => Promise<boolean>;
}

type Judgement = 'trusted' | 'pending' | ApprovalEvidence;

/**
 * How acceptances the change adds or renews are judged: `trusted` (the caller vouches for them: the CLI's
 * --trust-new-acceptances, a push after the pull request), `pending` (nobody approved them: the CLI's default), the
 * evidence to weigh, or a function that finds it (called only when the change adds an entry; a failure: pending).
 */
export type NewAcceptances = Judgement | (() => Promise<Judgement>);

export interface ApprovalContext {
  repoDir: string;
  /** Commits of the review (the policy's base in review-with-lint's lint half); null: the working tree. */
  baseSha: string | null | undefined;
  headSha: string | null | undefined;
  /** The acceptances file, repo-relative. */
  path: string;
  /** The base policy's approvers (logins, org/team); undefined: anyone but the author. */
  approvers: readonly string[] | undefined;
}

const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Whether the acceptances the change adds count. Never throws: what cannot be shown counts as not approved. */
export async function newAcceptancesApproved(given: NewAcceptances, context: ApprovalContext): Promise<boolean> {
  const judge = typeof given === 'function' ? await given().catch((): Judgement => 'pending') : given;
  if (judge === 'trusted') return true;
  if (judge === 'pending') return false;
  const { repoDir, baseSha, headSha } = context;
  if (!headSha || !SHA.test(headSha) || !baseSha || !SHA.test(baseSha)) return false;
  const lastChange = await tryGitText(repoDir, [
    'log',
    '-1',
    '--format=%H',
    '--end-of-options',
    `${baseSha}..${headSha}`,
    '--',
    context.path,
  ]);
  for (const approval of judge.approvals) {
    if (!(await mayApprove(approval.by, judge, context.approvers))) continue;
    if (await givenAfter(repoDir, approval.commit, headSha, lastChange || undefined)) return true;
  }
  return false;
}

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function mayApprove(user: string, evidence: ApprovalEvidence, approvers: readonly string[] | undefined) {
  if (sameLogin(user, evidence.author)) return false;
  if (approvers === undefined) return true;
  for (const approver of approvers) {
    if (!approver.includes('/')) {
      if (sameLogin(approver, user)) return true;
    } else if (await inTeam(evidence, user, approver)) return true;
  }
  return false;
}

async function inTeam(evidence: ApprovalEvidence, user: string, team: string): Promise<boolean> {
  try {
    return (await evidence.inTeam?.(user, team)) === true;
  } catch {
    return false;
  }
}

/**
 * The review was given on the head itself, or on a commit of the change at or after the last one that touched the
 * acceptances file (between it and the head). Without such a commit in the change (the file came from the base's
 * history), only an approval of the head counts.
 */
async function givenAfter(repoDir: string, commit: string, head: string, lastChange: string | undefined) {
  if (commit === head) return true;
  if (!SHA.test(commit) || lastChange === undefined) return false;
  const isAncestor = async (a: string, b: string) =>
    (await tryGitText(repoDir, ['merge-base', '--is-ancestor', '--end-of-options', a, b])) !== undefined;
  return (await isAncestor(lastChange, commit)) && (await isAncestor(commit, head));
}
