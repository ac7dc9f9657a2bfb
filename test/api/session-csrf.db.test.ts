/**
 * Viewer.csrfToken: a page that lost its CSRF token reads it again over the
 * session cookie, and only its own session's; API tokens and anonymous callers
 * get none; the token it reads is the one mutations need, and mutations
 * without it stay refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

let h: Harness;
let a: Tenant;

beforeAll(async () => {
  h = await startHarness({ demo: false });
  a = await seedTenant(h, 'A');
});
afterAll(() => h?.close());

async function login(email: string) {
  const r = await h.gql<{ login: { csrfToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { csrfToken } }`, { variables: { e: email, p: PASSWORD } });
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: r.body.data?.login.csrfToken ?? '' };
}

const READ = '{ viewer { csrfToken } }';
const MUTATION = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';

describe('Viewer.csrfToken', () => {
  it("gives a session its own token, which then passes the CSRF check; a mutation without it is still refused", async () => {
    const admin = await login(a.users.wsAdmin.email);
    const member = await login(a.users.wsMember.email);
    const read = await h.gql<{ viewer: { csrfToken: string } }>(READ, { cookie: admin.cookie });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.viewer.csrfToken).toBe(admin.csrf);
    expect((await h.gql<{ viewer: { csrfToken: string } }>(READ, { cookie: member.cookie })).body.data?.viewer.csrfToken).toBe(member.csrf);
    expect(admin.csrf).not.toBe(member.csrf);

    const refused = await h.gql(MUTATION, { cookie: admin.cookie, variables: { ids: [a.notificationId] } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_REQUIRED');
    const other = await h.gql(MUTATION, { cookie: admin.cookie, csrf: member.csrf, variables: { ids: [a.notificationId] } });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_REQUIRED');
    const ok = await h.gql(MUTATION, { cookie: admin.cookie, csrf: read.body.data!.viewer.csrfToken, variables: { ids: [a.notificationId] } });
    expect(ok.body.errors).toBeUndefined();
  });

  it('is null for an API token, and there is no viewer for an anonymous caller or an ended session', async () => {
    expect((await h.gql<{ viewer: { csrfToken: string | null } }>(READ, { token: a.users.wsAdmin.token })).body.data?.viewer.csrfToken).toBeNull();
    expect((await h.gql<{ viewer: unknown }>(READ)).body.data?.viewer).toBeNull();
    const session = await login(a.users.wsMember.email);
    await h.gql('mutation { logout }', { cookie: session.cookie, csrf: session.csrf });
    expect((await h.gql<{ viewer: unknown }>(READ, { cookie: session.cookie })).body.data?.viewer).toBeNull();
  });
});
