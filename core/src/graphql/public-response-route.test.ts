/** PublicResponses (the anonymous fast path) on a stub handler: eligibility, one execution for concurrent identical misses, no store after a clear, ETag/304. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ActorEnv } from '../http/authenticate.js';
import { PublicResponseCache } from './public-response-cache.js';
import { PublicResponses, type StoredResponse } from './public-response-route.js';

function stubApp(options: { cacheable?: boolean; actor?: boolean } = {}) {
  const shared = new PublicResponses(new PublicResponseCache<StoredResponse>(1000), 60_000);
  let executions = 0;
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const app = new Hono<ActorEnv>();
  app.on(['GET', 'POST'], '/graphql', async (c) => {
    if (options.actor) c.set('actor', { userId: 'u1', via: 'token' } as never);
    const read = await shared.lookup(c);
    if (read && 'hit' in read) return read.hit;
    try {
      executions += 1;
      await gate;
      const response = new Response(JSON.stringify({ data: { n: executions } }), { headers: { 'content-type': 'application/json' } });
      if (!read) return response;
      read.miss.marker.cacheable = options.cacheable ?? true;
      return await shared.store(read.miss, response, c.req.method, c.req.header('if-none-match'));
    } finally {
      read?.miss.settle();
    }
  });
  return {
    app,
    shared,
    executions: () => executions,
    hold() {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
  };
}

const body = '{"query":"{ categories }"}';
const post = (app: Hono<ActorEnv>, headers: Record<string, string> = {}) =>
  app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers }, body });

describe('PublicResponses', () => {
  it('executes concurrent identical anonymous misses once and answers all with the same bytes', async () => {
    const s = stubApp();
    s.hold();
    const pending = [post(s.app), post(s.app), post(s.app)];
    await new Promise((r) => setTimeout(r, 20));
    s.release();
    const texts = await Promise.all(pending.map(async (p) => (await p).text()));
    expect(s.executions()).toBe(1);
    expect(new Set(texts)).toEqual(new Set(['{"data":{"n":1}}']));
  });

  it('bypasses the store for credentials, multipart, unknown lengths and oversized bodies', async () => {
    const s = stubApp();
    await post(s.app);
    await post(s.app, { authorization: 'Bearer x' });
    await post(s.app, { cookie: 'nudge_session=abc' });
    expect(s.executions()).toBe(3);
    const withActor = stubApp({ actor: true });
    await post(withActor.app);
    await post(withActor.app);
    expect(withActor.executions()).toBe(2);
    const noLength = stubApp();
    for (let i = 0; i < 2; i++) await noLength.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noLength.executions()).toBe(2);
    const big = `{"query":"{ categories }","pad":"${'x'.repeat(9000)}"}`;
    const long = stubApp();
    for (let i = 0; i < 2; i++) await long.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(long.executions()).toBe(2);
  });

  it('stores nothing the marker did not allow, and nothing computed before a clear', async () => {
    const s = stubApp({ cacheable: false });
    await post(s.app);
    await post(s.app);
    expect(s.executions()).toBe(2);
    const cleared = stubApp();
    cleared.hold();
    const first = post(cleared.app);
    await new Promise((r) => setTimeout(r, 20));
    cleared.shared.clear();
    cleared.release();
    expect(await (await first).text()).toBe('{"data":{"n":1}}');
    expect(await (await post(cleared.app)).text()).toBe('{"data":{"n":2}}');
    expect(await (await post(cleared.app)).text()).toBe('{"data":{"n":2}}');
  });

  it('answers a GET with a matching If-None-Match with 304, keyed by the query string', async () => {
    const s = stubApp();
    const first = await s.app.request('/graphql?query=%7B%20categories%20%7D');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await s.app.request('/graphql?query=%7B%20categories%20%7D', { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const other = await s.app.request('/graphql?query=%7B%20listing%20%7D', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(s.executions()).toBe(2);
  });
});
