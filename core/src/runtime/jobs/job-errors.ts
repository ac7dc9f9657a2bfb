/**
 * What a job handler throws to steer the queue: `RetryableJobError` (try again,
 * after `retryAfterMs` when the upstream said so), `PermanentJobError` (retrying
 * cannot help: the job fails now, with its code). Anything else is retried
 * with backoff, like a RetryableJobError without a named delay.
 */
import type { InvokeResult } from '@nudgecampaign/plugin-sdk/runtime/types';

export const JOB_ERROR_CODES = {
  /** The handler gave up for good (bad input, missing row, plugin bug). */
  PERMANENT: 'JOB_PERMANENT',
  /** The last allowed attempt failed: the job is dead-lettered. */
  ATTEMPTS_EXHAUSTED: 'JOB_ATTEMPTS_EXHAUSTED',
  /** Workers holding the job kept disappearing (crash loop). */
  LEASE_EXPIRED: 'JOB_LEASE_EXPIRED',
  /** No handler is registered for the job's kind in this process. */
  UNKNOWN_KIND: 'JOB_UNKNOWN_KIND',
} as const;

export class RetryableJobError extends Error {
  readonly retryAfterMs: number | undefined;
  readonly code: string;
  /**
   * The attempt committed durable progress (e.g. sync pages) before failing: the
   * attempt count restarts, so a long job with sparse transient failures is never
   * dead-lettered while it keeps moving.
   */
  readonly madeProgress: boolean;
  constructor(message: string, options: { retryAfterMs?: number; code?: string; cause?: unknown; madeProgress?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RetryableJobError';
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code ?? 'RETRYABLE';
    this.madeProgress = options.madeProgress ?? false;
  }
}

export class PermanentJobError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PermanentJobError';
    this.code = code;
  }
}

/** Sandbox outcomes that a later attempt can fix. */
const RETRYABLE_PLUGIN_CODES = new Set(['RATE_LIMITED', 'RETRYABLE', 'UNHANDLED', 'NETWORK_ERROR', 'UPSTREAM_TIMEOUT', 'DNS_FAILED']);
const RETRYABLE_TYPES = new Set(['Timeout', 'SandboxCrashed']);

/**
 * Turns a failed sandbox invocation into the error a job handler throws:
 * rate limits keep the plugin's `retryAfter` (seconds), transient failures
 * retry with backoff, everything else (invalid output, egress denial, an
 * expired authorisation, a missing definition) is permanent.
 */
export function jobErrorFromInvocation(result: Extract<InvokeResult, { ok: false }>, what: string): RetryableJobError | PermanentJobError {
  const { type, code, message } = result.error;
  const retryAfter = (result.error as { retryAfter?: number }).retryAfter;
  const text = `${what}: ${type} ${code}: ${message}`;
  if (RETRYABLE_TYPES.has(type) || (type === 'PluginError' && RETRYABLE_PLUGIN_CODES.has(code))) {
    return new RetryableJobError(text, { code, ...(typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}) });
  }
  return new PermanentJobError(code, text);
}
