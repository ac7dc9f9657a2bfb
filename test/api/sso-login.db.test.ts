/**
 * Sign-in through an external OpenID Connect provider, end to end against a real
 * authorization server (oidc-provider on loopback): discovery, PKCE, state and
 * nonce, the code exchange, userinfo, just-in-time provisioning, and every
 * refusal landing on the login page with a stable code.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { users } from '../../core/src/db/schema/identity.js';
import { insertUser } from '../../core/src/db/test-fixtures.js';
import type { SsoConfig } from '../../core/src/identity/sso/sso-config.js';
import { SsoLogin, type SsoLoginDeps } from '../../core/src/identity/sso/sso-login.js';
import { TokenVault } from '../../core/src/vault/token-vault.js';
import { TestBrowser } from '../support/browser.js';
import { startOidcServer, type TestOidcServer } from '../support/oidc-server.js';
import { startHarness, type Harness } from './graphql-harness.js';

let h: Harness;
let oidc: TestOidcServer;
let origin: string;
const config: SsoConfig = { issuer: '', clientId: '', clientSecret: undefined, label: 'Acme Entra ID', emailDomains: undefined, trustEmail: false };
let deps: SsoLoginDeps;

beforeAll(async () => {
  deps = { config, vault: new TokenVault([{ id: 'k1', key: randomBytes(32) }]), db: undefined as never, publicUrl: 'http://127.0.0.1:1', now: () => new Date() };
  h = await startHarness({ sso: new SsoLogin(deps) });
  deps.db = h.database.db;
  origin = new URL(h.url).origin;
  deps.publicUrl = origin;
  oidc = await startOidcServer({ redirectUris: [`${origin}/auth/sso/callback`] });
  Object.assign(config, { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret });
}, 60_000);
afterAll(async () => {
  await oidc?.close();
  await h?.close();
});
beforeEach(() => {
  oidc.policy.deny = false;
  Object.assign(oidc.accountClaims, { name: 'Test User', email: 'user@example.test', email_verified: true });
  config.emailDomains = undefined;
  config.trustEmail = false;
});

/** Follows the login from /auth/sso/start until it is back in the app; never leaves loopback. */
async function signIn(browser = new TestBrowser(), returnTo = '/installations') {
  const end = await browser.follow(`${origin}/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`, {
    stop: (url) => !url.hostname.startsWith('127.') || (url.origin === origin && !url.pathname.startsWith('/auth/sso')),
  });
  return { browser, end, session: browser.cookie(new URL(origin).host, 'nudge_session') };
}

async function viewerEmail(session: string | undefined) {
  const res = await h.gql<{ viewer: { user: { email: string } } | null }>('{ viewer { user { email } } }', { cookie: `nudge_session=${session}` });
  return res.body.data?.viewer?.user.email ?? null;
}

describe('single sign-on through an OpenID Connect provider', () => {
  it('says it is on, with its label', async () => {
    const res = await fetch(`${origin}/auth/sso`);
    expect(await res.json()).toEqual({ enabled: true, label: 'Acme Entra ID', startUrl: '/auth/sso/start' });
  });

  it('signs a new person in with PKCE, state and nonce, provisions them once, and returns to the page they came from', async () => {
    const { browser, end, session } = await signIn();
    expect(end.toString()).toBe(`${origin}/installations`);
    const authorize = new URL(browser.visits[1]!.url);
    expect(authorize.origin).toBe(oidc.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${origin}/auth/sso/callback`);
    expect(await viewerEmail(session)).toBe('user@example.test');
    const [user] = await h.database.db.select().from(users).where(eq(users.email, 'user@example.test'));
    expect(user).toMatchObject({ name: 'Test User', passwordHash: null, platformRole: null });
    const actions = (await h.database.db.select().from(auditLog).where(eq(auditLog.targetId, user!.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.provisioned', 'session.created']));

    const again = await signIn();
    expect(await viewerEmail(again.session)).toBe('user@example.test');
    expect(await h.database.db.select().from(users).where(eq(users.email, 'user@example.test'))).toHaveLength(1);
  });

  it('signs an existing account in by its verified email, without touching its password or roles', async () => {
    const existing = await insertUser(h.database.db, { email: 'reviewer@corp.example', name: 'Rita', passwordHash: 'scrypt$keep', platformRole: 'reviewer' });
    Object.assign(oidc.accountClaims, { email: 'Reviewer@Corp.Example', name: 'Someone Else' });
    const { session } = await signIn();
    expect(await viewerEmail(session)).toBe('reviewer@corp.example');
    const [after] = await h.database.db.select().from(users).where(eq(users.id, existing.id));
    expect(after).toMatchObject({ name: 'Rita', passwordHash: 'scrypt$keep', platformRole: 'reviewer' });
  });

  it('refuses an unverified email, an email outside the allowed domains, and a cancelled sign-in, each with its code and no session', async () => {
    Object.assign(oidc.accountClaims, { email: 'new-unverified@example.test', email_verified: false });
    let r = await signIn();
    expect(r.end.toString()).toBe(`${origin}/login?sso_error=sso_email_unverified`);
    expect(r.session ?? '').toBe('');
    expect(await h.database.db.select().from(users).where(eq(users.email, 'new-unverified@example.test'))).toHaveLength(0);

    // Trusting the provider's email is allowed only for your own domains.
    Object.assign(config, { trustEmail: true, emailDomains: ['corp.example'] });
    r = await signIn();
    expect(r.end.toString()).toBe(`${origin}/login?sso_error=sso_domain_not_allowed`);
    Object.assign(oidc.accountClaims, { email: 'new-person@corp.example' });
    r = await signIn();
    expect(await viewerEmail(r.session)).toBe('new-person@corp.example');

    oidc.policy.deny = true;
    r = await signIn();
    expect(r.end.toString()).toBe(`${origin}/login?sso_error=sso_denied`);
  });

  it('refuses a callback from another browser, a forged state and a replayed callback', async () => {
    const toCallback = (url: URL) => !url.hostname.startsWith('127.') || url.pathname === '/auth/sso/callback';
    const back = (url: URL) => !url.hostname.startsWith('127.') || (url.origin === origin && !url.pathname.startsWith('/auth/sso'));
    const host = new URL(origin).host;
    const first = new TestBrowser();
    const callback = await first.follow(`${origin}/auth/sso/start`, { stop: toCallback });
    expect(callback.pathname).toBe('/auth/sso/callback');

    // Another browser (without the login cookie) presents the code.
    const thief = new TestBrowser();
    expect((await thief.follow(callback.toString(), { stop: back })).toString()).toBe(`${origin}/login?sso_error=sso_state_mismatch`);
    expect(thief.cookie(host, 'nudge_session') ?? '').toBe('');

    // The right browser finishes; the same callback replayed afterwards is refused.
    expect((await first.follow(callback.toString(), { stop: back })).toString()).toBe(`${origin}/`);
    const session = first.cookie(host, 'nudge_session');
    expect(await viewerEmail(session)).toBe('user@example.test');
    expect((await first.follow(callback.toString(), { stop: back })).toString()).toBe(`${origin}/login?sso_error=sso_state_mismatch`);

    // A forged state in the right browser.
    const second = new TestBrowser();
    const genuine = await second.follow(`${origin}/auth/sso/start`, { stop: toCallback });
    genuine.searchParams.set('state', 'forged-state-value-0123456789');
    expect((await second.follow(genuine.toString(), { stop: back })).toString()).toBe(`${origin}/login?sso_error=sso_state_mismatch`);
    expect(second.cookie(host, 'nudge_session') ?? '').toBe('');
  });

  it('never redirects off the platform after sign-in', async () => {
    for (const target of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { end } = await signIn(new TestBrowser(), target);
      expect(end.toString()).toBe(`${origin}/`);
    }
    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'session.created')));
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });
});
