// Which two commits the action compares, from the workflow event or the base-ref/head-ref inputs, and making sure
// both are in the checkout: actions/checkout fetches one commit (fetch-depth: 1) by default.
import { fetchAdvice } from '../core/repo/fetch-advice.js';
import { commitOf, gitText, tryGitText } from '../core/repo/git.js';
import { refInputProblem } from '../core/repo/ref-input.js';

/** What the event payload says about the change, before looking at the checkout. */
export interface EventRefs {
  /** The commit to compare against, and a readable name for it. */
  base?: { sha: string; ref: string };
  /** The commit under review, and a readable name for it. */
  head?: { sha: string; ref: string };
  /** Pull request head: lets us recognise the merge commit actions/checkout checks out for pull_request events. */
  pullRequestHead?: string;
  /** Where the base came from, for messages. */
  baseSource?: string;
}

export interface ResolvedRef {
  ref: string;
  sha: string;
}

export type RefsResult = { ok: true; base: ResolvedRef | null; head: ResolvedRef } | { ok: false; message: string };

// A push that creates a branch has no previous commit: GitHub sends the all-zero sha as `before`.
const NULL_SHA = /^0+$/;

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

interface PayloadLike {
  pull_request?: { number?: number; base?: { sha?: string; ref?: string }; head?: { sha?: string; ref?: string } };
  merge_group?: { base_sha?: string; head_sha?: string; base_ref?: string; head_ref?: string };
  before?: string;
  after?: string;
  ref?: string;
}

/** Reads base and head from the event payload; pure, so every event shape is easy to check. */
export function refsFromEvent(eventName: string | undefined, payload: unknown): EventRefs {
  const event = (payload ?? {}) as PayloadLike;
  const pr = event.pull_request;
  if (eventName && PULL_REQUEST_EVENTS.has(eventName) && pr?.base?.sha && pr.head?.sha) {
    return {
      base: { sha: pr.base.sha, ref: pr.base.ref ?? pr.base.sha },
      head: { sha: pr.head.sha, ref: pr.head.ref ?? pr.head.sha },
      pullRequestHead: pr.head.sha,
      baseSource: 'the pull request base',
    };
  }
  const group = event.merge_group;
  if (eventName === 'merge_group' && group?.base_sha && group.head_sha) {
    return {
      base: { sha: group.base_sha, ref: group.base_ref ?? group.base_sha },
      head: { sha: group.head_sha, ref: group.head_ref ?? group.head_sha },
      baseSource: 'the merge group base',
    };
  }
  if (eventName === 'push' && event.after) {
    const ref = event.ref ?? 'HEAD';
    return {
      base: event.before && !NULL_SHA.test(event.before) ? { sha: event.before, ref: event.before } : undefined,
      head: { sha: event.after, ref },
      baseSource: 'the commit before the push',
    };
  }
  return {};
}

/**
 * The commit a ref names, fetching it from origin when the checkout lacks it. In a shallow clone one commit is
 * enough: a snapshot reads a single tree, never history.
 */
async function obtainCommit(repoDir: string, ref: string, log: (message: string) => void): Promise<string | undefined> {
  const local = await commitOf(repoDir, ref);
  if (local) return local;
  const shallow = (await tryGitText(repoDir, ['rev-parse', '--is-shallow-repository'])) === 'true';
  log(`${ref} is not in the checkout; fetching it from origin`);
  const fetched = await tryGitText(repoDir, [
    'fetch',
    '--no-tags',
    ...(shallow ? ['--depth=1'] : []),
    '--end-of-options',
    'origin',
    ref,
  ]);
  if (fetched === undefined) return undefined;
  return (await commitOf(repoDir, ref)) ?? (await commitOf(repoDir, 'FETCH_HEAD'));
}

/** Parents as stored in the commit object: still readable in a shallow clone, where `HEAD^1` is not. */
async function parentsOf(repoDir: string, sha: string): Promise<string[]> {
  const raw = await gitText(repoDir, ['cat-file', '--end-of-options', 'commit', sha]);
  const header = raw.slice(0, raw.indexOf('\n\n'));
  return header
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice('parent '.length));
}

export interface RefInputs {
  baseRef?: string;
  headRef?: string;
  /** Lint checks the head alone: no base is needed. */
  needsBase: boolean;
}

const FETCH_ADVICE = 'Check out the full history: actions/checkout with `fetch-depth: 0`.';

/**
 * Base and head for the review. Inputs win over the event. For a pull request, the merge commit that
 * actions/checkout checks out by default is the best head: compared with its first parent it shows exactly what
 * merging changes, even when the branch is behind its base.
 */
export async function resolveRefs(
  repoDir: string,
  event: EventRefs,
  inputs: RefInputs,
  log: (message: string) => void = () => {},
): Promise<RefsResult> {
  const badRef = refInputProblem('base-ref', inputs.baseRef) ?? refInputProblem('head-ref', inputs.headRef);
  if (badRef) return { ok: false, message: badRef };
  const headSha = await commitOf(repoDir, 'HEAD');
  if (!headSha) return { ok: false, message: `${repoDir} has no checked-out commit. ${FETCH_ADVICE}` };

  let head: ResolvedRef | undefined;
  let base = event.base;
  let baseSource = event.baseSource;
  if (inputs.headRef) {
    const sha = await obtainCommit(repoDir, inputs.headRef, log);
    if (!sha)
      return {
        ok: false,
        message: `head-ref "${inputs.headRef}" is not a commit in the repository. ${fetchAdvice(inputs.headRef)}`,
      };
    head = { ref: inputs.headRef, sha };
  } else if (event.pullRequestHead) {
    const parents = await parentsOf(repoDir, headSha);
    if (parents.length === 2 && parents[1] === event.pullRequestHead) {
      head = { ref: 'HEAD', sha: headSha };
      base = { ref: event.base?.ref ?? parents[0], sha: parents[0] };
      baseSource = 'the first parent of the pull request merge commit';
    } else {
      const sha = event.head ? await obtainCommit(repoDir, event.head.sha, log) : undefined;
      head = sha && event.head ? { ref: event.head.ref, sha } : { ref: 'HEAD', sha: headSha };
    }
  } else if (event.head) {
    // A push or merge group checks out its head; if another commit is checked out, review what is there.
    const sha = await obtainCommit(repoDir, event.head.sha, log);
    head = sha ? { ref: event.head.ref, sha } : { ref: 'HEAD', sha: headSha };
  } else {
    head = { ref: 'HEAD', sha: headSha };
  }

  if (!inputs.needsBase) return { ok: true, base: null, head };

  if (inputs.baseRef) {
    const sha = await obtainCommit(repoDir, inputs.baseRef, log);
    if (!sha)
      return {
        ok: false,
        message: `base-ref "${inputs.baseRef}" is not a commit in the repository. ${fetchAdvice(inputs.baseRef)}`,
      };
    return { ok: true, base: { ref: inputs.baseRef, sha }, head };
  }
  if (!base) {
    return {
      ok: false,
      message:
        'nothing to compare against: this event has no pull request base or previous commit. Set the base-ref input (e.g. `base-ref: origin/main`), or use mode: lint.',
    };
  }
  const sha = await obtainCommit(repoDir, base.sha, log);
  if (!sha) {
    return {
      ok: false,
      message: `the base commit ${base.sha} (${baseSource}) is not in the checkout and could not be fetched from origin. ${FETCH_ADVICE}`,
    };
  }
  // Reviewing the branch head itself (not the merge commit): compare with the fork point when the history allows,
  // so commits the base gained since the branch was cut do not show up as reverts.
  if (head.sha === event.pullRequestHead) {
    const forkPoint = await tryGitText(repoDir, ['merge-base', '--end-of-options', sha, head.sha]);
    if (forkPoint && forkPoint !== sha)
      return { ok: true, base: { ref: `${base.ref} (merge base)`, sha: forkPoint }, head };
  }
  return { ok: true, base: { ref: base.ref, sha }, head };
}
