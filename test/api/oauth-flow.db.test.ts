/**
 * The authorization-code + PKCE flow end to end over HTTP against a real
 * authorization server (oidc-provider), with consent automated, and each way
 * it can go wrong: wrong state, replayed state, another browser, wrong iss,
 * access denied, scope not granted.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCredentials } from '../../core/src/connections/connection-store.js';
import type { OAuthCredentials } from '../../core/src/connections/credentials.js';
import { rowsOf } from '../../core/src/db/database.js';
import { connections } from '../../core/src/db/schema/installations.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { TestBrowser } from '../support/browser.js';
import { connect, startOAuthHarness, type OAuthHarness } from '../support/oauth-harness.js';

let database: TestDatabase;
let h: OAuthHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  h = await startOAuthHarness(database);
});
afterAll(async () => {
  await h?.close();
  await database?.destroy();
});
afterEach(() => {
  h.oidc.policy.deny = false;
  delete h.oidc.policy.grantScopes;
});

/** Starts a flow and stops at the redirect back to our callback, so the test can tamper with it. */
async function untilCallback(browser = new TestBrowser()) {
  const callback = await browser.follow(`${h.publicUrl}/oauth/start?installation=${h.installationId}`, {
    headers: { authorization: `Bearer ${h.apiToken}` },
    stop: (url) => url.origin === h.publicUrl && url.pathname === '/oauth/callback',
  });
  return { browser, callback };
}

async function finish(browser: TestBrowser, callback: URL) {
  return browser.follow(callback.toString(), { stop: (url) => url.origin === h.publicUrl && !url.pathname.startsWith('/oauth/') });
}

describe(`OAuth code flow with PKCE on ${testDatabaseKind()}`, () => {
  it('refuses to start without a signed-in workspace admin', async () => {
    const res = await fetch(`${h.publicUrl}/oauth/start?installation=${h.installationId}`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('connects an account, sending PKCE S256 and storing only ciphertext', async () => {
    const { browser, end } = await connect(h);
    expect(end.pathname).toBe(`/installations/${h.installationId}`);
    expect(end.searchParams.get('connected')).toBe('1');

    const authorize = browser.visits.find((v) => v.url.startsWith(`${h.oidc.issuer}/auth`))!;
    const authUrl = new URL(authorize.url);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authUrl.searchParams.get('scope')).toBe('openid offline_access profile');

    const [row] = await database.db.select().from(connections).where(eq(connections.installationId, h.installationId));
    expect(row).toMatchObject({ state: 'active', authType: 'oauth2', provider: 'test-oidc', hasRefreshToken: true });
    const creds = readCredentials<OAuthCredentials>(h.deps.vault!, row!);
    expect(creds.refreshToken).toBeTruthy();
    const userinfo = await fetch(`${h.oidc.issuer}/me`, { headers: { authorization: `Bearer ${creds.accessToken}` } });
    expect(userinfo.status).toBe(200);

    // A raw SELECT shows no plaintext token.
    const raw = JSON.stringify(rowsOf(await database.db.execute(sql`select * from connections`)));
    expect(raw).not.toContain(creds.accessToken);
    expect(raw).not.toContain(creds.refreshToken!);
    // Neither do the logs nor anything the browser was shown.
    const seen = h.logs.join('') + JSON.stringify(browser.visits);
    expect(seen).not.toContain(creds.accessToken);
    expect(seen).not.toContain(creds.refreshToken!);
    expect(seen).not.toContain(h.oidc.clientSecret);
  });

  it('rejects a wrong state', async () => {
    const { browser, callback } = await untilCallback();
    callback.searchParams.set('state', 'forged-state');
    const end = await finish(browser, callback);
    expect(end.searchParams.get('oauth_error')).toBe('state_mismatch');
  });

  it('rejects a replayed state, and a callback in another browser', async () => {
    const { browser, callback } = await untilCallback();
    const stranger = await finish(new TestBrowser(), callback);
    expect(stranger.searchParams.get('oauth_error')).toBe('state_mismatch');
    // The state is one-time: the stranger's attempt consumed it.
    const replay = await finish(browser, callback);
    expect(replay.searchParams.get('oauth_error')).toBe('state_mismatch');
  });

  it('rejects a wrong iss (RFC 9207 mix-up defence)', async () => {
    const { browser, callback } = await untilCallback();
    expect(callback.searchParams.get('iss')).toBe(h.oidc.issuer);
    callback.searchParams.set('iss', 'https://evil.example');
    const end = await finish(browser, callback);
    expect(end.searchParams.get('oauth_error')).toBe('iss_mismatch');
  });

  it('reports access_denied when the user declines', async () => {
    h.oidc.policy.deny = true;
    const { end } = await connect(h);
    expect(end.searchParams.get('oauth_error')).toBe('access_denied');
  });

  it('reports scope_not_granted when the provider grants less than the manifest asks', async () => {
    h.oidc.policy.grantScopes = ['openid', 'offline_access'];
    const { end } = await connect(h);
    expect(end.searchParams.get('oauth_error')).toBe('scope_not_granted');
  });

  it('refuses a returnTo outside the site (no open redirect)', async () => {
    const res = await fetch(`${h.publicUrl}/oauth/start?installation=${h.installationId}&returnTo=//evil.example/x`, {
      headers: { authorization: `Bearer ${h.apiToken}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', path: 'returnTo' });
  });
});
