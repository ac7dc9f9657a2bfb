/**
 * The anonymous public-response cache (public-response-cache.ts): shared only
 * between callers without credentials, never holding or serving an
 * authenticated answer, cleared by mutations and otherwise expiring within the
 * documented staleness window (`listingCacheMs`).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificationRuns, pluginVersions, plugins } from '../db/schema/registry.js';
import { publishVersion } from '../registry/publish-version.js';
import { SESSION_COOKIE } from '../identity/actor.js';
import { platformUser, seedTenant, startHarness, type Harness, type Tenant } from '../../../test/api/graphql-harness.js';
import { baseManifest } from '../../../test/support/registry-fixtures.js';

const WINDOW_MS = 600;
let h: Harness;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  h = await startHarness({ graphql: { listingCacheMs: WINDOW_MS } });
  a = await seedTenant(h, 'A');
  b = await seedTenant(h, 'B');
});
afterAll(() => h?.close());

const rename = (pluginId: string, name: string) => h.database.db.update(plugins).set({ name }).where(eq(plugins.id, pluginId));
const nameOf = async (pluginId: string, o: Parameters<Harness['gql']>[1] = {}) => {
  const r = await h.gql<{ listing: { name: string } | null }>(`query One($id: ID!) { listing(id: $id) { name } }`, { ...o, variables: { id: pluginId } });
  expect(r.body.errors, r.text).toBeUndefined();
  return r.body.data?.listing?.name;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('public response cache', () => {
  it('serves anonymous callers a shared page, but authenticated callers (or any credentials) always get a fresh answer', async () => {
    await rename(a.pluginId, 'Before');
    expect(await nameOf(a.pluginId)).toBe('Before');
    await rename(a.pluginId, 'After');
    // Anonymous: the cached page (the cache is really in the path) …
    expect(await nameOf(a.pluginId)).toBe('Before');
    // … while a token, a session cookie or even an invalid token bypasses it.
    expect(await nameOf(a.pluginId, { token: a.users.wsMember.token })).toBe('After');
    expect(await nameOf(a.pluginId, { token: 'not-a-real-token' })).toBe('After');
    expect(await nameOf(a.pluginId, { cookie: `${SESSION_COOKIE}=bogus` })).toBe('After');
    await sleep(WINDOW_MS + 50);
    expect(await nameOf(a.pluginId)).toBe('After');
  });

  it('never stores an authenticated answer for another caller, and never caches non-public root fields', async () => {
    const query = `{ viewer { user { email } } listing(id: "${a.pluginId}") { name } }`;
    const asA = await h.gql<{ viewer: { user: { email: string } } | null }>(query, { token: a.users.wsAdmin.token });
    expect(asA.body.data?.viewer?.user.email).toBe(a.users.wsAdmin.email);
    const asB = await h.gql<{ viewer: { user: { email: string } } | null }>(query, { token: b.users.wsAdmin.token });
    expect(asB.body.data?.viewer?.user.email).toBe(b.users.wsAdmin.email);
    const anonymous = await h.gql<{ viewer: unknown }>(query);
    expect(anonymous.body.errors, anonymous.text).toBeUndefined();
    expect(anonymous.body.data?.viewer).toBeNull();
    expect(anonymous.text).not.toContain(a.users.wsAdmin.email);
    expect(anonymous.text).not.toContain(b.users.wsAdmin.email);

    // An anonymous operation that names a non-public root field is not cached at all.
    await rename(a.pluginId, 'Mixed one');
    const mixed = `{ viewer { user { email } } listing(id: "${a.pluginId}") { name } }`;
    expect(((await h.gql<{ listing: { name: string } }>(mixed)).body.data?.listing.name)).toBe('Mixed one');
    await rename(a.pluginId, 'Mixed two');
    expect(((await h.gql<{ listing: { name: string } }>(mixed)).body.data?.listing.name)).toBe('Mixed two');
  });

  it('a certification through the API shows at once; a change made elsewhere shows within the window', async () => {
    const pluginId = `cache-${Date.now().toString(36)}`;
    const manifest = baseManifest({ id: pluginId, name: 'Cache Test CRM', version: '1.0.0' });
    const published = await publishVersion(h.services.registry, { bundle: a.publisher.bundle(manifest), changelog: 'First.', actorUserId: a.publisher.ownerId });
    await h.database.db.update(pluginVersions).set({ state: 'in_review' }).where(eq(pluginVersions.id, published.versionId));
    await h.database.db.insert(certificationRuns).values({ versionId: published.versionId, status: 'awaiting_review' });

    const page = `query Page { marketplace(first: 50, filter: { trustLevel: [CERTIFIED] }) { edges { node { id certification } } } }`;
    expect((await h.gql(page)).text).not.toContain(pluginId);
    expect((await h.gql(page)).text).not.toContain(pluginId);

    const reviewer = await platformUser(h, 'reviewer');
    const certified = await h.gql(`mutation C($id: ID!) { certifyVersion(versionId: $id, notes: "Looks good.") { version { state } } }`, {
      token: reviewer.token,
      variables: { id: published.versionId },
    });
    expect(certified.body.errors, certified.text).toBeUndefined();
    expect((await h.gql(page)).text).toContain(pluginId);

    // A change outside the API (background certification, another process): stale for at most the window.
    expect(await nameOf(pluginId)).toBe('Cache Test CRM');
    await rename(pluginId, 'Renamed elsewhere');
    const changedAt = Date.now();
    let seen = await nameOf(pluginId);
    while (seen !== 'Renamed elsewhere' && Date.now() - changedAt < WINDOW_MS * 3) {
      await sleep(25);
      seen = await nameOf(pluginId);
    }
    expect(seen).toBe('Renamed elsewhere');
    expect(Date.now() - changedAt).toBeLessThanOrEqual(WINDOW_MS + 400);
  });
});
