/** PublicResponseCache: expiry, one refresher at a time while others get the previous answer for at most the grace, bounded size. */
import { describe, expect, it } from 'vitest';
import { isAnonymousRequest, PublicResponseCache, responseCacheKey } from './public-response-cache.js';

const page = (n: number) => ({ data: { n } });

describe('PublicResponseCache', () => {
  it('serves until the TTL, then lets one caller refresh while the rest get the previous page for at most the grace', () => {
    let t = 0;
    const cache = new PublicResponseCache(100, 10, () => t);
    cache.set('k', page(1), [], 200);
    t = 199;
    expect(cache.get('k')).toEqual(page(1));
    t = 200;
    expect(cache.get('k')).toBeNull(); // this caller refreshes
    expect(cache.get('k')).toEqual(page(1)); // the others: previous page
    t = 250;
    cache.set('k', page(2), [], 200);
    expect(cache.get('k')).toEqual(page(2));
  });

  it('never serves a page older than TTL + grace, even when refreshes fail', () => {
    let t = 0;
    const cache = new PublicResponseCache(100, 10, () => t);
    cache.set('k', page(1), [], 200);
    t = 200;
    expect(cache.get('k')).toBeNull();
    t = 299;
    expect(cache.get('k')).toEqual(page(1));
    t = 300;
    expect(cache.get('k')).toBeNull();
    expect(cache.get('k')).toBeNull();
  });

  it('clears, invalidates and stays bounded', () => {
    const cache = new PublicResponseCache(100, 2);
    cache.set('a', page(1), [], 1000);
    cache.set('b', page(2), [], 1000);
    cache.set('c', page(3), [], 1000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('c')).toEqual(page(3));
    cache.clear();
    expect(cache.get('c')).toBeNull();
    cache.set('d', page(4), [], 1000);
    cache.invalidate();
    expect(cache.get('d')).toBeNull();
  });

  it('keys do not depend on variable order and differ by document, variables and operation', () => {
    const base = { documentString: '{ a }', operationName: 'A', variableValues: { x: 1, y: [2, { z: 3, w: 4 }] } };
    expect(responseCacheKey(base)).toBe(responseCacheKey({ ...base, variableValues: { y: [2, { w: 4, z: 3 }], x: 1 } }));
    expect(responseCacheKey(base)).not.toBe(responseCacheKey({ ...base, variableValues: { x: 2, y: [2, { z: 3, w: 4 }] } }));
    expect(responseCacheKey(base)).not.toBe(responseCacheKey({ ...base, documentString: '{ b }' }));
    expect(responseCacheKey(base)).not.toBe(responseCacheKey({ ...base, operationName: 'B' }));
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
