/**
 * The authorization-code flow for an installation: `start` records a one-time
 * state bound to the browser (hashed, with the PKCE verifier, 10 minutes) and
 * returns the provider URL; `complete` checks state, browser and iss, exchanges
 * the code, checks the granted scopes and stores the tokens. `complete` never
 * throws: it returns where to send the browser, with a specific error code.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { oauthStates } from '../db/schema/oauth.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions } from '../db/schema/registry.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { buildAuthorizationUrl, exchangeCode, generateCodeVerifier, generateState, type ProviderContext } from '../oauth/oauth-client.js';
import { OAuthError, type OAuthErrorCode } from '../oauth/oauth-errors.js';
import { customProvider, resolveEndpoints, type OAuthProvider } from '../oauth/provider-catalog.js';
import { saveConnection } from './connection-store.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import { oauthAppFor } from './oauth-apps.js';

const STATE_TTL_MS = 10 * 60 * 1000;
const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

interface ManifestOAuth {
  type: 'oauth2';
  provider: string | { authorizationUrl: string; tokenUrl: string; revocationUrl?: string; issuer?: string };
  scopes: string[];
}

export interface StartInput {
  installationId: string;
  browserId: string;
  /** A path inside the UI to return to, e.g. /installations/<id>. */
  returnTo: string;
  params?: Record<string, string>;
}

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/callback`;
}

function safeReturnPath(returnTo: string): string {
  // Only same-origin paths: no scheme, no protocol-relative "//host".
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) {
    throw new ValidationError('returnTo must be a path inside this site, like /installations/123.', { path: 'returnTo' });
  }
  return returnTo;
}

async function installationAuth(deps: ConnectionsDeps, installationId: string) {
  const [row] = await deps.db
    .select({ id: installations.id, workspaceId: installations.workspaceId, pluginId: installations.pluginId, manifest: pluginVersions.manifest })
    .from(installations)
    .innerJoin(pluginVersions, eq(pluginVersions.id, installations.versionId))
    .where(eq(installations.id, installationId));
  if (!row) throw new NotFoundError('Installation');
  const auth = (row.manifest as { auth?: ManifestOAuth }).auth;
  if (!auth || auth.type !== 'oauth2') throw new ValidationError('This integration does not connect with OAuth.', { path: 'auth.type' });
  const provider: OAuthProvider = typeof auth.provider === 'string' ? deps.catalog.get(auth.provider) : customProvider(row.pluginId, auth.provider);
  if (typeof auth.provider !== 'string' && !deps.catalog.has(provider.id)) deps.catalog.add(provider);
  return { row, provider, scopes: auth.scopes ?? [] };
}

export async function startAuthorization(deps: ConnectionsDeps, input: StartInput): Promise<URL> {
  requireVault(deps);
  const returnTo = safeReturnPath(input.returnTo);
  const { provider, scopes } = await installationAuth(deps, input.installationId);
  const params = input.params ?? {};
  const endpoints = resolveEndpoints(provider, params);
  const ctx: ProviderContext = { provider, endpoints, client: await oauthAppFor(deps, provider.id), now: deps.now };
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const redirectUri = callbackUrl(deps.publicUrl);
  const now = deps.now();
  await deps.db.delete(oauthStates).where(lt(oauthStates.expiresAt, now));
  await deps.db.insert(oauthStates).values({
    stateHash: hash(state),
    browserHash: hash(input.browserId),
    installationId: input.installationId,
    provider: provider.id,
    codeVerifier,
    redirectUri,
    requestedScopes: scopes,
    params,
    returnTo,
    createdAt: now,
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
  });
  return buildAuthorizationUrl(ctx, { redirectUri, scopes, state, codeVerifier });
}

export interface CompleteResult {
  redirect: string;
  ok: boolean;
  error?: OAuthErrorCode;
  connectionId?: string;
}

export async function completeAuthorization(deps: ConnectionsDeps, callback: URL, browserId: string | undefined): Promise<CompleteResult> {
  const ui = (path: string, query: Record<string, string>) => `${deps.publicUrl}${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;
  const state = callback.searchParams.get('state');
  // One-time: the state row is deleted as it is read, whatever happens next.
  const [pending] = state
    ? await deps.db.delete(oauthStates).where(eq(oauthStates.stateHash, hash(state))).returning()
    : [];
  if (!pending || !browserId || pending.browserHash !== hash(browserId) || pending.expiresAt < deps.now()) {
    return { ok: false, error: 'state_mismatch', redirect: ui(pending?.returnTo ?? '/', { oauth_error: 'state_mismatch' }) };
  }
  const fail = (code: OAuthErrorCode) => ({ ok: false, error: code, redirect: ui(pending.returnTo, { oauth_error: code }) });
  try {
    const { row, provider } = await installationAuth(deps, pending.installationId);
    const params = pending.params as Record<string, string>;
    const ctx: ProviderContext = { provider, endpoints: resolveEndpoints(provider, params), client: await oauthAppFor(deps, provider.id), now: deps.now };
    const tokens = await exchangeCode(ctx, { callbackUrl: callback, expectedState: state!, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri });
    const granted = tokens.scopes ?? pending.requestedScopes;
    const missing = pending.requestedScopes.filter((s) => !granted.includes(s));
    if (missing.length > 0) {
      deps.logger.info({ installationId: row.id, missing }, 'oauth scopes not granted');
      return fail('scope_not_granted');
    }
    const kept: Record<string, unknown> = { ...tokens.extra, params };
    for (const name of provider.callbackParams ?? []) {
      const value = callback.searchParams.get(name);
      if (value !== null) kept[name] = value;
    }
    const connectionId = await saveConnection(deps.db, requireVault(deps), {
      installationId: row.id,
      workspaceId: row.workspaceId,
      provider: provider.id,
      credentials: { type: 'oauth2', accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, tokenType: tokens.tokenType },
      grantedScopes: granted,
      metadata: kept,
      accessTokenExpiresAt: tokens.expiresAt,
      now: deps.now(),
    });
    // A reconnect clears needs_reauth; enabling a new installation is the wizard's last step, not this one.
    await deps.db.update(installations).set({ consentedScopes: granted, updatedAt: deps.now() }).where(eq(installations.id, row.id));
    await deps.db
      .update(installations)
      .set({ state: 'active', stateReason: null })
      .where(and(eq(installations.id, row.id), eq(installations.state, 'needs_reauth')));
    return { ok: true, connectionId, redirect: ui(pending.returnTo, { connected: '1' }) };
  } catch (err) {
    const code: OAuthErrorCode = err instanceof OAuthError ? err.oauthCode : 'provider_error';
    deps.logger.warn({ installationId: pending.installationId, code, err }, 'oauth callback failed');
    return fail(code);
  }
}
