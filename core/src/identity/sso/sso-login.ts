/**
 * The single sign-on flow, every exchange through oauth4webapi: discovery, an
 * authorization request with PKCE S256, state and nonce; the callback checked
 * for state and `iss` (RFC 9207); the code exchanged and the ID token validated
 * (issuer, audience, nonce, expiry); the email taken from the ID token or the
 * userinfo endpoint. What the callback needs (state, nonce, PKCE verifier, where
 * to return) travels in a short-lived cookie sealed by the token vault, so any
 * process of the platform can finish a login another one started.
 */
import * as oauth from 'oauth4webapi';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { users } from '../../db/schema/identity.js';
import type { TokenVault } from '../../vault/token-vault.js';
import { isLoopbackUrl, type SsoConfig } from './sso-config.js';
import { SsoError } from './sso-errors.js';

export const SSO_COOKIE = 'nudge_sso';
export const SSO_COOKIE_TTL_S = 600;
const COOKIE_RECORD = 'sso-login';
const SCOPES = 'openid email profile';

interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

export interface SsoIdentity {
  userId: string;
  email: string;
  name: string;
  created: boolean;
  returnTo: string;
  subject: string;
}

export interface SsoLoginDeps {
  config: SsoConfig;
  vault: TokenVault;
  db: Db;
  publicUrl: string;
  now: () => Date;
}

/** A same-site path to return to after sign-in; anything else becomes "/". */
export function safeReturnTo(raw: string | undefined | null): string {
  if (!raw || raw.length > 512 || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  return raw;
}

export class SsoLogin {
  private discovered: Promise<oauth.AuthorizationServer> | undefined;

  constructor(private readonly deps: SsoLoginDeps) {}

  get label(): string {
    return this.deps.config.label;
  }

  get redirectUri(): string {
    return new URL('/auth/sso/callback', this.deps.publicUrl).toString();
  }

  /** The URL to send the browser to, and the sealed cookie to set. */
  async start(returnTo: string | undefined): Promise<{ url: URL; cookie: string }> {
    const as = await this.server();
    if (!as.authorization_endpoint) throw new SsoError('sso_unavailable', 'the provider publishes no authorization endpoint');
    const pending: PendingLogin = {
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      verifier: oauth.generateRandomCodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.deps.now().getTime() + SSO_COOKIE_TTL_S * 1000,
    };
    const url = new URL(as.authorization_endpoint);
    const params = {
      client_id: this.deps.config.clientId,
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: SCOPES,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return { url, cookie: this.deps.vault.encrypt(pending, COOKIE_RECORD) };
  }

  /** Checks the callback, exchanges the code and finds or provisions the user. */
  async finish(callbackUrl: URL, cookie: string | undefined): Promise<SsoIdentity> {
    const pending = this.openCookie(cookie);
    const as = await this.server();
    const client: oauth.Client = { client_id: this.deps.config.clientId };
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
    } catch (err) {
      if (err instanceof oauth.AuthorizationResponseError) {
        throw err.error === 'access_denied' ? new SsoError('sso_denied') : new SsoError('sso_provider_error', err.error);
      }
      throw new SsoError('sso_state_mismatch', undefined, err);
    }
    let claims: oauth.IDToken;
    let accessToken: string;
    try {
      const response = await oauth.authorizationCodeGrantRequest(as, client, this.clientAuth(), params, this.redirectUri, pending.verifier, this.requestOptions());
      const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
      claims = oauth.getValidatedIdTokenClaims(result)!;
      accessToken = result.access_token;
    } catch (err) {
      if (err instanceof oauth.ResponseBodyError) throw new SsoError('sso_provider_error', `${err.error} (HTTP ${err.status})`, err);
      if (err instanceof oauth.OperationProcessingError) throw new SsoError('sso_provider_error', err.code ?? 'invalid token response', err);
      throw new SsoError('sso_unavailable', 'the token endpoint could not be reached', err);
    }
    const profile = await this.profile(as, client, claims, accessToken);
    return { ...(await this.provision(profile)), returnTo: pending.returnTo, subject: claims.sub };
  }

  private openCookie(cookie: string | undefined): PendingLogin {
    if (!cookie) throw new SsoError('sso_state_mismatch');
    let pending: PendingLogin;
    try {
      pending = this.deps.vault.decrypt<PendingLogin>(cookie, COOKIE_RECORD);
    } catch (err) {
      throw new SsoError('sso_state_mismatch', undefined, err);
    }
    if (pending.expiresAt < this.deps.now().getTime()) throw new SsoError('sso_expired');
    return pending;
  }

  /** The email and name: from the ID token, else from userinfo (many providers keep them there). */
  private async profile(as: oauth.AuthorizationServer, client: oauth.Client, claims: oauth.IDToken, accessToken: string) {
    let source: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string' && as.userinfo_endpoint) {
      try {
        const response = await oauth.userInfoRequest(as, client, accessToken, this.requestOptions());
        source = { ...(await oauth.processUserInfoResponse(as, client, claims.sub, response)) };
      } catch (err) {
        throw new SsoError('sso_provider_error', 'userinfo', err);
      }
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : '';
    if (!email || !email.includes('@')) throw new SsoError('sso_email_missing');
    if (source.email_verified !== true && !this.deps.config.trustEmail) throw new SsoError('sso_email_unverified');
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const allowed = this.deps.config.emailDomains;
    if (allowed && !allowed.includes(domain)) throw new SsoError('sso_domain_not_allowed', domain);
    const name = typeof source.name === 'string' && source.name.trim() ? source.name.trim().slice(0, 200) : email;
    return { email, name };
  }

  /** The user with this email, or a new one (no password, no roles: access comes from memberships). */
  private async provision(profile: { email: string; name: string }) {
    const db = this.deps.db;
    const [existing] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, profile.email));
    if (existing) return { userId: existing.id, email: existing.email, name: existing.name, created: false };
    const [inserted] = await db.insert(users).values({ email: profile.email, name: profile.name }).onConflictDoNothing().returning({ id: users.id });
    if (inserted) return { userId: inserted.id, email: profile.email, name: profile.name, created: true };
    // Another process provisioned the same email at the same moment.
    const [raced] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, profile.email));
    return { userId: raced!.id, email: profile.email, name: raced!.name, created: false };
  }

  private server(): Promise<oauth.AuthorizationServer> {
    this.discovered ??= (async () => {
      const issuer = new URL(this.deps.config.issuer);
      const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...this.requestOptions() });
      return oauth.processDiscoveryResponse(issuer, response);
    })().catch((err: unknown) => {
      this.discovered = undefined;
      throw new SsoError('sso_unavailable', 'discovery failed', err);
    });
    return this.discovered;
  }

  private clientAuth(): oauth.ClientAuth {
    return this.deps.config.clientSecret ? oauth.ClientSecretBasic(this.deps.config.clientSecret) : oauth.None();
  }

  /** Plain HTTP only for a loopback provider (tests and local development). */
  private requestOptions(): { [oauth.allowInsecureRequests]?: boolean; signal: AbortSignal } {
    return { ...(isLoopbackUrl(this.deps.config.issuer) ? { [oauth.allowInsecureRequests]: true } : {}), signal: AbortSignal.timeout(10_000) };
  }
}
