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

  const hit = (key: string, limit: number, t: number) => {
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + options.windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    return { limit, remaining: Math.max(0, limit - w.count), resetAt: w.resetAt, over: w.count > limit };
  };

  return async function rateLimitRequests(c, next) {
    const t = now();
    if (t >= nextSweep) {
      for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
      nextSweep = t + options.windowMs;
    }
    const actor = c.get('actor');
    const results = [hit(`ip:${clientIp(c)}`, options.perIp, t)];
    if (actor) results.push(hit(actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`, options.perCaller, t));
    const tightest = results.reduce((a, b) => (b.over && !a.over ? b : a.over && !b.over ? a : b.remaining < a.remaining ? b : a));
    const headers = {
      'X-RateLimit-Limit': String(tightest.limit),
      'X-RateLimit-Remaining': String(tightest.remaining),
      'X-RateLimit-Reset': String(Math.ceil(tightest.resetAt / 1000)),
    };
    if (tightest.over) {
      const retryAfter = Math.max(1, Math.ceil((tightest.resetAt - t) / 1000));
      return c.json(
        { errors: [{ message: `Too many requests: the limit is ${tightest.limit} per ${Math.round(options.windowMs / 1000)} s. Retry after ${retryAfter} s.`, extensions: { code: ERROR_CODES.RATE_LIMITED, retryAfter } }] },
        429,
        { ...headers, 'Retry-After': String(retryAfter) },
      );
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
