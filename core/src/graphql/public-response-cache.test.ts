/** PublicResponseCache: expiry, one refresher at a time while others get the previous answer for at most the grace, bounded size, no store across a clear. */
import { describe, expect, it } from 'vitest';
import { isAnonymousRequest, PublicResponseCache } from './public-response-cache.js';

const page = (n: number) => ({ data: { n } });

describe('PublicResponseCache', () => {
  it('serves until the TTL, then lets one caller refresh while the rest get the previous page for at most the grace', () => {
    let t = 0;
    const cache = new PublicResponseCache<{ data: { n: number } }>(100, 10, () => t);
    cache.set('k', page(1), 200);
    t = 199;
    expect(cache.get('k')).toEqual(page(1));
    t = 200;
    expect(cache.get('k')).toBeUndefined(); // this caller refreshes
    expect(cache.get('k')).toEqual(page(1)); // the others: previous page
    t = 250;
    cache.set('k', page(2), 200);
    expect(cache.get('k')).toEqual(page(2));
  });

  it('never serves a page older than TTL + grace, even when refreshes fail', () => {
    let t = 0;
    const cache = new PublicResponseCache<{ data: { n: number } }>(100, 10, () => t);
    cache.set('k', page(1), 200);
    t = 200;
    expect(cache.get('k')).toBeUndefined();
    t = 299;
    expect(cache.get('k')).toEqual(page(1));
    t = 300;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
  });

  it('clears and stays bounded', () => {
    const cache = new PublicResponseCache<{ data: { n: number } }>(100, 2);
    cache.set('a', page(1), 1000);
    cache.set('b', page(2), 1000);
    cache.set('c', page(3), 1000);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(page(3));
    cache.clear();
    expect(cache.get('c')).toBeUndefined();
  });

  it('refuses a value computed before a clear (a mutation finished while it ran)', () => {
    const cache = new PublicResponseCache<{ data: { n: number } }>(100, 10);
    const before = cache.generation;
    cache.clear();
    expect(cache.set('k', page(1), 1000, before)).toBe(false);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.set('k', page(2), 1000, cache.generation)).toBe(true);
    expect(cache.get('k')).toEqual(page(2));
    expect(cache.set('z', page(3), 0)).toBe(false);
  });

  it('treats any credential as not anonymous', () => {
    const req = (headers: Record<string, string>) => new Request('http://x/graphql', { headers });
    expect(isAnonymousRequest(req({}), {})).toBe(true);
    expect(isAnonymousRequest(req({ cookie: 'theme=dark' }), {})).toBe(true);
    expect(isAnonymousRequest(req({ authorization: 'Bearer x' }), {})).toBe(false);
    expect(isAnonymousRequest(req({ cookie: 'theme=dark; nudge_session=abc' }), {})).toBe(false);
    expect(isAnonymousRequest(req({}), { actor: { userId: 'u' } })).toBe(false);
  });
});
