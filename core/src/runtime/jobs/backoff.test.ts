import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoff', () => {
  it('doubles per attempt, keeping half and randomising half', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(2, policy, () => 0)).toBe(1000);
    expect(backoffDelay(4, policy, () => 1)).toBe(8000);
  });

  it('is capped by maxMs', () => {
    expect(backoffDelay(30, policy, () => 1)).toBe(60_000);
  });

  it('spreads retries of equal attempts (jitter)', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('honours a named retry-after as the minimum, even when backoff would be shorter or longer', () => {
    expect(retryDelay(1, 30_000, policy, () => 0)).toBe(30_000);
    expect(retryDelay(1, 30_000, policy, () => 1)).toBe(31_000);
    expect(retryDelay(10, 2_000, policy, () => 0)).toBe(2_000);
    expect(retryDelay(1, 10 * 86_400_000, policy, () => 0)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 01 Jan 2027 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 31 Dec 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
