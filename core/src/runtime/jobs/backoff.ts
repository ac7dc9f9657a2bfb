/**
 * Retry delays: exponential backoff with jitter, unless the upstream named a
 * time (`RateLimitError.retryAfter`, an HTTP `Retry-After`), which is honoured
 * as the minimum wait.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */

export interface BackoffPolicy {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** Ceiling of the exponential delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 3_600_000 };

/** A retry-after longer than this is treated as this: a job is not parked for days by one header. */
export const MAX_RETRY_AFTER_MS = 6 * 3_600_000;

/**
 * "Equal jitter": half the exponential delay is kept, the other half is random,
 * so delays still grow while retries of many jobs spread out.
 * `attempt` is the attempt that just failed (1 for the first).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** The delay for a retry: at least `retryAfterMs` when the upstream named one (plus up to 10 % jitter, capped at 1 s). */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    const wait = Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
    return Math.round(wait + random() * Math.min(1_000, wait * 0.1));
  }
  return backoffDelay(attempt, policy, random);
}

/**
 * Parses an HTTP `Retry-After` value: delay-seconds or an HTTP-date.
 * Returns milliseconds from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
