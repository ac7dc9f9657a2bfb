/**
 * Fixed-window rate limits per client IP and per caller (API token or
 * session), as hono middleware. Over the limit the answer is 429 with
 * Retry-After; every answer carries X-RateLimit-Limit/-Remaining/-Reset for the
 * tighter of the two windows. Counters live in memory, per process.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ERROR_CODES } from '../../errors.js';
import type { ActorEnv } from '../../http/authenticate.js';

export interface RateLimitOptions {
  /** Requests per window from one IP address. */
  perIp: number;
  /** Requests per window by one token or session. */
  perCaller: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = { perIp: 600, perCaller: 1200, windowMs: 60_000 };

interface Window {
  count: number;
  resetAt: number;
}

export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<ActorEnv> {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  let nextSweep = now() + options.windowMs;

  /** Counts one request against `key`'s window; returns the window (its count now includes this request). */
  const hit = (key: string, t: number): Window => {
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + options.windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    return w;
  };

  // Runs for every /graphql request, cache hits included: two map lookups and the three headers, no per-request arrays.
  return async function rateLimitRequests(c, next) {
    const t = now();
    if (t >= nextSweep) {
      for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
      nextSweep = t + options.windowMs;
    }
    const actor = c.get('actor');
    const ip = hit(`ip:${clientIp(c)}`, t);
    let window = ip;
    let limit = options.perIp;
    if (actor) {
      const caller = hit(actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`, t);
      const ipOver = ip.count > options.perIp;
      const callerOver = caller.count > options.perCaller;
      // The tighter window: the one that is over, else the one with fewer requests left (the IP's on a tie).
      if (callerOver !== ipOver ? callerOver : Math.max(0, options.perCaller - caller.count) < Math.max(0, options.perIp - ip.count)) {
        window = caller;
        limit = options.perCaller;
      }
    }
    const remaining = String(Math.max(0, limit - window.count));
    const reset = String(Math.ceil(window.resetAt / 1000));
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - t) / 1000));
      return c.json(
        { errors: [{ message: `Too many requests: the limit is ${limit} per ${Math.round(options.windowMs / 1000)} s. Retry after ${retryAfter} s.`, extensions: { code: ERROR_CODES.RATE_LIMITED, retryAfter } }] },
        429,
        { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': remaining, 'X-RateLimit-Reset': reset, 'Retry-After': String(retryAfter) },
      );
    }
    await next();
    const headers = c.res.headers;
    headers.set('X-RateLimit-Limit', String(limit));
    headers.set('X-RateLimit-Remaining', remaining);
    headers.set('X-RateLimit-Reset', reset);
  };
}
