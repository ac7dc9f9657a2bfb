/**
 * The GraphQL API from outside, over real HTTP: the served schema equals the
 * checked-in SDL; sessions (HttpOnly SameSite=Lax cookie + CSRF header for
 * mutations), demo login only in demo mode, API tokens (shown once, hashed,
 * scoped, revocable) and never in responses or logs; depth, cost, page-size,
 * body-size and rate limits with stable codes; masked internal errors.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../core/src/db/schema/identity.js';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from '../../core/src/graphql/graphql-js.js';
import { readSchemaSdl } from '../../core/src/graphql/schema.js';
import { PASSWORD, seedTenant, startHarness, type Harness, type Tenant } from './graphql-harness.js';

let h: Harness;
let a: Tenant;

beforeAll(async () => {
  h = await startHarness({ demo: false });
  a = await seedTenant(h, 'A');
});
afterAll(() => h?.close());

async function login(email: string) {
  const r = await h.gql<{ login: { csrfToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } csrfToken } }`, { variables: { e: email, p: PASSWORD } });
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { r, setCookie, cookie: setCookie.split(';')[0]!, csrf: r.body.data?.login.csrfToken ?? '' };
}

describe('schema', () => {
  it('introspection over HTTP gives exactly the checked-in schemas/graphql/schema.graphql', async () => {
    const r = await h.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, schemaDescription: true }));
    expect(r.body.errors, r.text).toBeUndefined();
    expect(printSchema(buildClientSchema(r.body.data!))).toBe(printSchema(buildSchema(readSchemaSdl())));
  });
});

describe('sessions and CSRF', () => {
  it('login sets an HttpOnly SameSite=Lax cookie; cookie mutations need the CSRF header, queries do not', async () => {
    const { r, setCookie, cookie, csrf } = await login(a.users.wsAdmin.email);
    expect(r.body.errors, r.text).toBeUndefined();
    expect(setCookie).toMatch(/^nudge_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(csrf.length).toBeGreaterThan(20);

    const q = await h.gql(`{ viewer { user { email } authenticatedVia } }`, { cookie });
    expect(q.body.data).toEqual({ viewer: { user: { email: a.users.wsAdmin.email }, authenticatedVia: 'SESSION' } });

    const mutation = `mutation($id: ID!) { disableInstallation(id: $id) { state } }`;
    const without = await h.gql(mutation, { cookie, variables: { id: a.installationId } });
    expect(without.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_REQUIRED');
    const wrong = await h.gql(mutation, { cookie, csrf: `${csrf}x`, variables: { id: a.installationId } });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_REQUIRED');
    const right = await h.gql(mutation, { cookie, csrf, variables: { id: a.installationId } });
    expect(right.body.errors, right.text).toBeUndefined();
    expect(right.body.data).toEqual({ disableInstallation: { state: 'DISABLED' } });

    // A token-authenticated call needs no CSRF header.
    const byToken = await h.gql(`mutation($id: ID!) { enableInstallation(id: $id) { state } }`, { token: a.users.wsAdmin.token, variables: { id: a.installationId } });
    expect(byToken.body.data).toEqual({ enableInstallation: { state: 'ACTIVE' } });

    const out = await h.gql(`mutation { logout }`, { cookie, csrf });
    expect(out.body.data).toEqual({ logout: true });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await h.gql(`{ viewer { user { email } } }`, { cookie });
    expect(after.body.data).toEqual({ viewer: null });
  });

  it('a wrong password and an unknown email get the same UNAUTHENTICATED answer and no cookie', async () => {
    for (const email of [a.users.wsAdmin.email, 'nobody@example.test']) {
      const r = await h.gql(`mutation { login(email: "${email}", password: "wrong") { csrfToken } }`);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message).toBe('The email or password is wrong.');
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });

  it('demo login is refused unless the platform runs in demo mode', async () => {
    const r = await h.gql(`mutation { demoLogin(role: CUSTOMER) { csrfToken } }`);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('DEMO_DISABLED');
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, scoped, listed without the secret, revocable, and never logged', async () => {
    const created = await h.gql<{ createApiToken: { token: string; apiToken: { id: string; prefix: string; scopes: string[] } } }>(
      `mutation { createApiToken(input: { name: "ci", scopes: [READ] }) { token apiToken { id prefix scopes } } }`,
      { token: a.users.wsAdmin.token },
    );
    expect(created.body.errors, created.text).toBeUndefined();
    const { token, apiToken } = created.body.data!.createApiToken;
    expect(token).toMatch(/^nk_/);
    expect(apiToken.scopes).toEqual(['READ']);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const [row] = await h.database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row!.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);

    const listed = await h.gql(`{ viewer { apiTokens { id name prefix scopes } } }`, { token: a.users.wsAdmin.token });
    expect(listed.text).toContain(apiToken.id);
    expect(listed.text).not.toContain(token);

    // READ-only: queries work, changes are refused with INSUFFICIENT_SCOPE, and it cannot mint broader tokens.
    const read = await h.gql(`query($id: ID!) { installation(id: $id) { id } }`, { token, variables: { id: a.installationId } });
    expect(read.body.data).toEqual({ installation: { id: a.installationId } });
    const write = await h.gql(`mutation($id: ID!) { disableInstallation(id: $id) { state } }`, { token, variables: { id: a.installationId } });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_SCOPE');
    const escalate = await h.gql(`mutation { createApiToken(input: { name: "x", scopes: [WORKSPACE_WRITE] }) { token } }`, { token });
    expect(escalate.body.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_SCOPE');

    const revoked = await h.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { token: a.users.wsAdmin.token, variables: { id: apiToken.id } });
    expect(revoked.body.errors, revoked.text).toBeUndefined();
    const afterRevoke = await h.gql(`{ viewer { user { id } } }`, { token });
    expect(afterRevoke.body.data).toEqual({ viewer: null });
    const denied = await h.gql(`query($id: ID!) { installation(id: $id) { id } }`, { token, variables: { id: a.installationId } });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Neither the new token nor any seeded token ever reached the logs.
    const logs = h.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [token, ...Object.values(a.users).map((u) => u.token)]) expect(logs).not.toContain(secret);
  });
});

describe('limits', () => {
  it('refuses a deep query with QUERY_TOO_DEEP', async () => {
    const deep = `{ listing(id: "${a.pluginId}") { latestVersion { listing { latestVersion { listing { latestVersion { listing { latestVersion { listing { latestVersion { listing { id } } } } } } } } } } } }`;
    const r = await h.gql(deep);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(r.body.data ?? null).toBeNull();
  });

  it('refuses an expensive query with QUERY_TOO_COSTLY and an oversized page with PAGE_SIZE_EXCEEDED', async () => {
    const costly = `{ marketplace(first: 100) { edges { node { id versions(first: 100) { edges { node { version changelog scopes hosts } } } } } } }`;
    const r = await h.gql(costly);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const page = await h.gql(`{ marketplace(first: 101) { edges { cursor } } }`);
    expect(page.body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
    const viaVariable = await h.gql(`query($n: Int) { marketplace(first: $n) { edges { cursor } } }`, { variables: { n: 5000 } });
    expect(viaVariable.body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over the cap', async () => {
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200 * 1024) } }) });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives syntax and validation errors stable codes and masks unexpected errors', async () => {
    expect((await h.gql(`{ marketplace( }`)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await h.gql(`{ nope }`)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const bad = await h.gql(`{ marketplace(after: "not-a-cursor") { edges { cursor } } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });
});

describe('rate limits', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({ graphql: { rateLimit: { perIp: 1000, perCaller: 5, windowMs: 60_000 } } });
  });
  afterAll(() => limited?.close());

  it('a flood from one token gets 429 with Retry-After and X-RateLimit-* headers; another caller is unaffected', async () => {
    const t = await seedTenant(limited, 'A');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.wsMember.token}` }, body: '{"query":"{ __typename }"}' });
      statuses.push(last.status);
      if (last.status === 200) expect(last.headers.get('x-ratelimit-limit')).toBe('5');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await last!.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    const other = await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.wsAdmin.token}` }, body: '{"query":"{ __typename }"}' });
    expect(other.status).toBe(200);
  });

  it('a flood from one IP without a token gets 429 too', async () => {
    const ipLimited = await startHarness({ graphql: { rateLimit: { perIp: 3, perCaller: 1000, windowMs: 60_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(ipLimited.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await ipLimited.close();
    }
  });
});
