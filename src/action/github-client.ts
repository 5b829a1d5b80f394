// The action's GitHub client: @actions/github's octokit with bounded retries and a per-request timeout.
//
// Why a request hook and not @octokit/plugin-retry or plugin-throttling: plugin-retry waits 1, 4, 9 s whatever the
// answer says (it ignores Retry-After) and never retries a secondary-rate-limit 403; plugin-throttling does read the
// headers but queues every request through bottleneck, asks for callbacks to decide, and neither bounds the time in
// all. @octokit/request 10 has no timeout option any more: an AbortSignal (request.signal) is its only way to stop
// a request, and a signal given once would span every retry. So one hook does both, with octokit's own mechanisms:
// hook.wrap('request') to retry, a fresh request.signal per try to time it out.
import { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ApiPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  /** All requests of the client and the waits between them end within this many ms of the first request. */
  budgetMs: number;
  /** One try (answer and body) may take this long. */
  requestTimeoutMs: number;
  /** The wait before a second try when GitHub names none; doubled for each try after. */
  backoffMs: number;
  /** Multiplies the waits GitHub asks for (Retry-After, rate-limit reset); 1 except in tests. */
  timeScale: number;
}

/** At most 3 tries and 60 s in all; a try that has no answer after 30 s is given up (undici would wait 300 s). */
export const API_POLICY: ApiPolicy = {
  attempts: 3,
  budgetMs: 60_000,
  requestTimeoutMs: 30_000,
  backoffMs: 1_000,
  timeScale: 1,
};

/**
 * Tests run the bundled action against a fake API that hangs or asks for waits: CHART_GUARD_API_TIME_SCALE scales
 * every duration of the policy (and GitHub's Retry-After) so they finish in milliseconds. Not a user setting.
 */
export function apiPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): ApiPolicy {
  const scale = Number(env.CHART_GUARD_API_TIME_SCALE);
  if (!(scale > 0 && scale <= 1)) return API_POLICY;
  return {
    attempts: API_POLICY.attempts,
    budgetMs: API_POLICY.budgetMs * scale,
    requestTimeoutMs: API_POLICY.requestTimeoutMs * scale,
    backoffMs: API_POLICY.backoffMs * scale,
    timeScale: scale,
  };
}

/** Why the last try failed, when it was one the client retries: for the message the user reads. */
export type RetryableFailure = 'rate-limited' | 'timeout' | 'server' | 'network';

/** What the client adds to the error it finally throws. */
export interface ApiFailure {
  status?: number;
  /** Tries made, the failed last one included. */
  attempts: number;
  /** Set when the failure was a kind that is retried; absent for 401/403/404/422 and the like. */
  retryable?: RetryableFailure;
  /** GitHub asked for a wait (ms, as GitHub said it) that did not fit in what was left of the budget. */
  waitRefusedMs?: number;
  /** The per-try timeout, for messages. */
  timeoutMs: number;
  /** The time budget of the client, for messages. */
  budgetMs: number;
  /** A timeout came from the end of the budget, not from the per-try timeout. */
  budgetSpent?: boolean;
}

/** No answer within the per-try timeout. */
export class ApiTimeoutError extends Error {
  readonly status = undefined;
}

interface ResponseLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export interface GitHubClientOptions {
  policy?: ApiPolicy;
  /** Defaults to GITHUB_API_URL, as @actions/github reads it. */
  baseUrl?: string;
}

export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const policy = options.policy ?? apiPolicyFromEnv();
  const client = getOctokit(token, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  let startedAt: number | undefined;
  client.hook.wrap('request', async (request, options) => {
    startedAt ??= Date.now();
    const deadline = startedAt + policy.budgetMs;
    for (let attempt = 1; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const spent: ApiFailure = {
          attempts: attempt - 1,
          retryable: 'timeout',
          timeoutMs: policy.requestTimeoutMs,
          budgetMs: policy.budgetMs,
          budgetSpent: true,
        };
        throw Object.assign(new ApiTimeoutError(`no time left for ${options.method} ${options.url}`), {
          apiFailure: spent,
        });
      }
      const timeoutMs = Math.min(policy.requestTimeoutMs, left);
      const signal = AbortSignal.timeout(timeoutMs);
      // The hooks inside this one (auth) were bound to this very options object: set the signal on it (a new
      // request object, as the old one may be the client's shared defaults), as plugin-retry sets retryCount.
      options.request = { ...options.request, signal };
      try {
        return await request(options);
      } catch (caught) {
        const error = signal.aborted
          ? new ApiTimeoutError(`no answer from ${options.method} ${options.url} within ${seconds(timeoutMs)}`)
          : caught;
        const retry = classify(error as ResponseLike);
        const failure: ApiFailure = {
          status: (error as ResponseLike).status,
          attempts: attempt,
          retryable: retry?.kind,
          timeoutMs: policy.requestTimeoutMs,
          budgetMs: policy.budgetMs,
          // the try was cut short by what was left of the budget, not by the per-try timeout
          budgetSpent: error instanceof ApiTimeoutError && timeoutMs < policy.requestTimeoutMs,
        };
        if (!retry || attempt >= policy.attempts) throw Object.assign(error as object, { apiFailure: failure });
        const waitMs =
          retry.afterMs === undefined ? policy.backoffMs * 2 ** (attempt - 1) : retry.afterMs * policy.timeScale;
        // A wait GitHub asks for is honoured or not made at all: retrying sooner counts against the integration.
        if (Date.now() + waitMs >= deadline) {
          const refused = retry.afterMs === undefined ? {} : { waitRefusedMs: retry.afterMs };
          throw Object.assign(error as object, { apiFailure: { ...failure, ...refused } });
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  });
  return client;
}

/** The failure the client attached to an error it threw, if any. */
export function apiFailureOf(error: unknown): ApiFailure | undefined {
  return (error as { apiFailure?: ApiFailure } | undefined)?.apiFailure;
}

/**
 * Which failures are worth another try, and after how long (unscaled ms), following GitHub's rules for the REST API
 * (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api, "Exceeding the rate limit"): a 403 or
 * 429 is a rate limit when x-ratelimit-remaining is 0 (wait until x-ratelimit-reset) or the message names a secondary
 * rate limit (wait Retry-After seconds, else until the reset, else at least a minute). Any other 403 is a
 * permission, and retrying it changes nothing.
 */
function classify(error: ResponseLike): { kind: RetryableFailure; afterMs?: number } | undefined {
  if (error instanceof ApiTimeoutError) return { kind: 'timeout' };
  const status = error.status;
  const headers = error.response?.headers ?? {};
  const header = (name: string) => {
    const value = headers[name];
    return value === undefined ? undefined : String(value);
  };
  if (status === 429 || status === 403) {
    const retryAfter = retryAfterMs(header('retry-after'));
    const exhausted = header('x-ratelimit-remaining') === '0';
    const reset = exhausted ? resetMs(header('x-ratelimit-reset')) : undefined;
    const secondary = /secondary rate limit|abuse detection/i.test(`${error.message ?? ''} ${bodyMessage(error)}`);
    if (status === 403 && !exhausted && !secondary && retryAfter === undefined) return undefined;
    const afterMs = retryAfter ?? reset ?? (secondary ? 60_000 : undefined);
    return { kind: 'rate-limited', afterMs };
  }
  if (status === undefined) return undefined;
  // octokit turns a refused connection or a reset socket into a 500 without a response.
  if (status === 500 && !error.response) return { kind: 'network' };
  if (status >= 500) {
    const retryAfter = retryAfterMs(header('retry-after'));
    return retryAfter === undefined ? { kind: 'server' } : { kind: 'server', afterMs: retryAfter };
  }
  return undefined;
}

function bodyMessage(error: ResponseLike): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : '';
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** x-ratelimit-reset is a time in UTC epoch seconds. */
function resetMs(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(0, Number(value) * 1000 - Date.now());
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`;
}
