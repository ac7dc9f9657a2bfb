/** The fixed-window rate limiter: per IP and per caller, the tighter window's X-RateLimit-* headers, 429 with Retry-After, reset after the window. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ActorEnv } from '../../http/authenticate.js';
import { rateLimit } from './rate-limit.js';

function app(options: { perIp: number; perCaller: number }, clock: { t: number }) {
  const a = new Hono<ActorEnv>();
  a.use('*', async (c, next) => {
    const token = c.req.header('x-token');
    c.set('actor', token ? ({ userId: `u-${token}`, tokenId: token, via: 'token' } as never) : undefined);
    await next();
  });
  a.use('*', rateLimit({ ...options, windowMs: 10_000, now: () => clock.t }));
  a.get('/', (c) => c.text('ok'));
  return a;
}

const limits = (r: Response) => [r.status, r.headers.get('x-ratelimit-limit'), r.headers.get('x-ratelimit-remaining'), r.headers.get('x-ratelimit-reset')];

describe('rateLimit', () => {
  it('counts per IP, answers 429 with Retry-After over the limit, and starts a new window after windowMs', async () => {
    const clock = { t: 1_000_000 };
    const a = app({ perIp: 2, perCaller: 100 }, clock);
    expect(limits(await a.request('/'))).toEqual([200, '2', '1', '1010']);
    expect(limits(await a.request('/'))).toEqual([200, '2', '0', '1010']);
    clock.t += 4_000;
    const over = await a.request('/');
    expect(limits(over)).toEqual([429, '2', '0', '1010']);
    expect(over.headers.get('retry-after')).toBe('6');
    expect((await over.json()).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 6 });
    clock.t += 6_000;
    expect(limits(await a.request('/'))).toEqual([200, '2', '1', '1020']);
  });

  it("reports the tighter of the IP's and the caller's windows, and limits a caller on its own budget", async () => {
    const clock = { t: 0 };
    const a = app({ perIp: 5, perCaller: 2 }, clock);
    const asToken = (token: string) => a.request('/', { headers: { 'x-token': token } });
    expect(limits(await asToken('t1'))).toEqual([200, '2', '1', '10']);
    expect(limits(await asToken('t1'))).toEqual([200, '2', '0', '10']);
    expect((await asToken('t1')).status).toBe(429);
    // Another token from the same IP has its own budget; the IP window (4 of 5 used) is tighter now.
    expect(limits(await asToken('t2'))).toEqual([200, '5', '1', '10']);
    expect(limits(await asToken('t3'))).toEqual([200, '5', '0', '10']);
    // The IP window is spent: every caller from it is refused, with the IP's limit.
    expect(limits(await asToken('t4'))).toEqual([429, '5', '0', '10']);
    expect(limits(await a.request('/'))).toEqual([429, '5', '0', '10']);
  });
});
