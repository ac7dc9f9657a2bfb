/**
 * The anonymous public-response fast path over HTTP (core/src/graphql/public-response-route.ts):
 * stored bytes with a strong ETag and 304 on GET revalidation; the rate limits, body caps and
 * depth/cost/page limits still apply to every request; credentials never read or fill the shared
 * store; and listing changes made through the API (certify, review, install) show on the next request.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginVersions, plugins } from '../../core/src/db/schema/registry.js';
import { publishVersion } from '../../core/src/registry/publish-version.js';
import { baseManifest } from '../support/registry-fixtures.js';
import { seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

// Long enough that nothing expires while a test runs: every fresh answer below comes from an invalidation.
const WINDOW_MS = 60_000;
let h: Harness;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  h = await startHarness({ graphql: { listingCacheMs: WINDOW_MS, rateLimit: { perIp: 10_000, perCaller: 10_000, windowMs: 60_000 } } });
  a = await seedTenant(h, 'A');
  b = await seedTenant(h, 'B');
});
afterAll(() => h?.close());

const post = (body: string, headers: Record<string, string> = {}) => fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const rename = (pluginId: string, name: string) => h.database.db.update(plugins).set({ name }).where(eq(plugins.id, pluginId));

describe('stored answers', () => {
  it('answers a repeated anonymous query with the same bytes and a strong ETag; a GET with If-None-Match gets 304, a POST never does', async () => {
    const query = `query Named($id: ID!) { listing(id: $id) { name } }`;
    const body = JSON.stringify({ query, variables: { id: a.pluginId } });
    await rename(a.pluginId, 'Stored name');
    const first = await post(body);
    const firstText = await first.text();
    expect(first.status).toBe(200);
    expect(JSON.parse(firstText)).toEqual({ data: { listing: { name: 'Stored name' } } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);

    await rename(a.pluginId, 'Changed outside the API');
    const second = await post(body);
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('content-type')).toContain('application/json');
    const revalidatedPost = await post(body, { 'if-none-match': etag! });
    expect(revalidatedPost.status).toBe(200);
    expect(await revalidatedPost.text()).toBe(firstText);

    const getUrl = `${h.url}?${new URLSearchParams({ query, variables: JSON.stringify({ id: b.pluginId }) })}`;
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    const getEtag = got.headers.get('etag');
    expect((await got.json()).data.listing.name).toBe('Tenant B CRM');
    const notModified = await fetch(getUrl, { headers: { 'if-none-match': `"other", ${getEtag}` } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(getEtag);
    const stale = await fetch(getUrl, { headers: { 'if-none-match': '"not-the-current-one"' } });
    expect(stale.status).toBe(200);
    expect((await stale.json()).data.listing.name).toBe('Tenant B CRM');
  });

  it('never stores an error: an over-deep, over-costly or over-sized query is refused every time', async () => {
    const deep = `{ listing(id: "${a.pluginId}") { latestVersion { listing { latestVersion { listing { latestVersion { listing { latestVersion { listing { latestVersion { listing { id } } } } } } } } } } } }`;
    const costly = `{ marketplace(first: 100) { edges { node { id versions(first: 100) { edges { node { version changelog scopes hosts } } } } } } }`;
    for (let i = 0; i < 2; i++) {
      expect((await h.gql(deep)).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
      expect((await h.gql(costly)).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect((await h.gql(`{ marketplace(first: 101) { edges { cursor } } }`)).body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
      const unknown = await h.gql(`{ listing(id: "no-such-plugin") { name } }`);
      expect(unknown.body.data).toEqual({ listing: null });
      expect(unknown.headers.get('etag')).not.toBeNull();
    }
  });

  it('caps bodies with and without a declared length (a chunked body is counted as it streams) and closes the connection', async () => {
    const chunked = (text: string) =>
      fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < text.length; i += 16 * 1024) c.enqueue(new TextEncoder().encode(text.slice(i, i + 16 * 1024)));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const big = JSON.stringify({ query: `{ categories }`, variables: { pad: 'x'.repeat(200 * 1024) } });
    for (const res of [await post(big), await chunked(big)]) {
      expect(res.status).toBe(413);
      // The unread rest of the body must not be taken for the next request on a kept-alive connection.
      expect(res.headers.get('connection')).toBe('close');
      expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    const small = await chunked(JSON.stringify({ query: `query($id: ID!) { listing(id: $id) { id } }`, variables: { id: b.pluginId } }));
    expect(await small.json()).toEqual({ data: { listing: { id: b.pluginId } } });
  });
});

describe('credentials', () => {
  it("never reads or fills the shared store: a publisher's unlisted plugin reaches its members only, in either order", async () => {
    const pluginId = `private-${Date.now().toString(36)}`;
    const secretName = `Unreleased ${pluginId}`;
    const published = await publishVersion(h.services.registry, { bundle: a.publisher.bundle(baseManifest({ id: pluginId, name: secretName, version: '1.0.0' })), changelog: 'Draft.', actorUserId: a.publisher.ownerId });
    // Its only version is rejected: not listed, visible to the publisher's members (and reviewers) only.
    await h.database.db.update(pluginVersions).set({ state: 'rejected' }).where(eq(pluginVersions.id, published.versionId));
    const query = `query Private($id: ID!) { listing(id: $id) { id name } }`;
    const variables = { id: pluginId };
    const asOwner = () => h.gql<{ listing: { name: string } | null }>(query, { variables, token: a.users.pubOwner.token });

    // The member first: nothing is stored for anonymous callers or for another tenant.
    expect((await asOwner()).body.data?.listing?.name).toBe(secretName);
    const anonymous = await h.gql(query, { variables });
    expect(anonymous.body).toEqual({ data: { listing: null } });
    expect(anonymous.text).not.toContain(secretName);
    const other = await h.gql(query, { variables, token: b.users.pubOwner.token });
    expect(other.body).toEqual({ data: { listing: null } });
    // An anonymous answer is stored now; the member still gets the real one, and it is never sent with an ETag.
    const again = await asOwner();
    expect(again.body.data?.listing?.name).toBe(secretName);
    expect(again.headers.get('etag')).toBeNull();
    expect((await h.gql(query, { variables, cookie: 'nudge_session=forged' })).text).not.toContain(secretName);
    expect((await h.gql(query, { variables })).text).not.toContain(secretName);
  });
});

describe('tenant data', () => {
  it("a publisher member's view of its own listing (rejected versions, their changelogs) never reaches an anonymous or another tenant's answer", async () => {
    const queries = [
      `query V($id: ID!) { listing(id: $id) { id versions(first: 10) { edges { node { id version state changelog } } } } }`,
      `query M { marketplace(first: 100) { edges { node { id versions(first: 10) { edges { node { id changelog } } } } } } }`,
    ];
    for (const query of queries) {
      const variables = { id: a.pluginId };
      const member = await h.gql(query, { variables, token: a.users.pubOwner.token });
      expect(member.body.errors, member.text).toBeUndefined();
      expect(member.text).toContain(a.draftVersionId);
      for (let i = 0; i < 2; i++) {
        for (const answer of [await h.gql(query, { variables }), await h.gql(query, { variables, token: b.users.pubOwner.token })]) {
          expect(answer.body.errors, answer.text).toBeUndefined();
          for (const secret of a.secrets) expect(answer.text).not.toContain(secret);
        }
      }
      expect((await h.gql(query, { variables, token: a.users.pubOwner.token })).text).toContain(a.draftVersionId);
    }
  });
});

describe('invalidation through the API', () => {
  const page = `query Page { marketplace(first: 100) { edges { node { id installCount rating ratingCount } } } }`;
  const nodeOf = async (pluginId: string) => {
    const r = await h.gql<{ marketplace: { edges: Array<{ node: { id: string; installCount: number; rating: number | null; ratingCount: number } }> } }>(page);
    expect(r.body.errors, r.text).toBeUndefined();
    return r.body.data!.marketplace.edges.find((e) => e.node.id === pluginId)?.node;
  };

  it('a review and an install show on the next anonymous request', async () => {
    const before = await nodeOf(b.pluginId);
    expect(before).toBeDefined();
    expect(await nodeOf(b.pluginId)).toEqual(before);

    const reviewed = await h.gql(`mutation R($id: ID!) { reviewPlugin(pluginId: $id, rating: 5, body: "Great.") { rating } }`, { token: a.users.wsMember.token, variables: { id: b.pluginId } });
    expect(reviewed.body.errors, reviewed.text).toBeUndefined();
    const afterReview = await nodeOf(b.pluginId);
    expect(afterReview?.ratingCount).toBe(before!.ratingCount + 1);

    const installed = await h.gql(`mutation I($ws: ID!, $id: ID!) { installPlugin(workspaceId: $ws, pluginId: $id) { id } }`, { token: a.users.wsAdmin.token, variables: { ws: a.workspaceId, id: b.pluginId } });
    expect(installed.body.errors, installed.text).toBeUndefined();
    expect((await nodeOf(b.pluginId))?.installCount).toBe(before!.installCount + 1);
  });
});

describe('rate limits on stored answers', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({ graphql: { listingCacheMs: WINDOW_MS, rateLimit: { perIp: 4, perCaller: 100, windowMs: 60_000 } } });
  });
  afterAll(() => limited?.close());

  it('counts every hit: the fifth anonymous request in the window gets 429 with Retry-After and X-RateLimit-*', async () => {
    const statuses: number[] = [];
    const etags = new Set<string | null>();
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ categories }"}' });
      statuses.push(last.status);
      if (last.status === 200) {
        etags.add(last.headers.get('etag'));
        expect(last.headers.get('x-ratelimit-limit')).toBe('4');
        expect(last.headers.get('x-ratelimit-remaining')).toBe(String(4 - statuses.length));
        expect(Number(last.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(etags.size).toBe(1);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await last!.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
