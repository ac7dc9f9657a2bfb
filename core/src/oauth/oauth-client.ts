/**
 * Every OAuth exchange goes through oauth4webapi: building the authorization
 * URL (always PKCE S256), validating the authorization response (state, iss per
 * RFC 9207), the code, refresh and client-credentials grants, and RFC 7009
 * revocation. Network calls and response checks stay separate, as in the library.
 */
import * as oauth from 'oauth4webapi';
import type { OAuthProvider, ResolvedEndpoints } from './provider-catalog.js';
import { OAuthError } from './oauth-errors.js';

export interface ClientRegistration {
  clientId: string;
  clientSecret?: string | undefined;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string | undefined;
  tokenType: string;
  /** Undefined when the provider's tokens never expire. */
  expiresAt?: Date | undefined;
  scopes: string[] | undefined;
  /** Non-secret extras the provider declared (e.g. instance_url). */
  extra: Record<string, unknown>;
}

export interface ProviderContext {
  provider: OAuthProvider;
  endpoints: ResolvedEndpoints;
  client: ClientRegistration;
  /** Clock used for expiry computation; injectable for tests. */
  now?: () => Date;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

function server(ctx: ProviderContext): oauth.AuthorizationServer {
  return {
    issuer: ctx.endpoints.issuer,
    authorization_endpoint: ctx.endpoints.authorizationEndpoint,
    token_endpoint: ctx.endpoints.tokenEndpoint,
    ...(ctx.endpoints.revocationEndpoint ? { revocation_endpoint: ctx.endpoints.revocationEndpoint } : {}),
    ...(ctx.provider.authorizationResponseIss ? { authorization_response_iss_parameter_supported: true } : {}),
  };
}

function client(ctx: ProviderContext): oauth.Client {
  return { client_id: ctx.client.clientId };
}

function clientAuth(ctx: ProviderContext): oauth.ClientAuth {
  if (!ctx.client.clientSecret) return oauth.None();
  return ctx.provider.clientAuthentication === 'client_secret_basic'
    ? oauth.ClientSecretBasic(ctx.client.clientSecret)
    : oauth.ClientSecretPost(ctx.client.clientSecret);
}

/** Plain HTTP is allowed only for loopback servers (the tests' authorization server). */
function requestOptions(ctx: ProviderContext): { [oauth.allowInsecureRequests]?: boolean; signal: AbortSignal } {
  const insecure = [ctx.endpoints.tokenEndpoint, ctx.endpoints.authorizationEndpoint].every(isLoopback);
  return { ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}), signal: AbortSignal.timeout(15_000) };
}

export function joinScopes(provider: OAuthProvider, scopes: string[]): string {
  return scopes.join(provider.scopeSeparator === '+' ? ' ' : provider.scopeSeparator);
}

function splitScopes(raw: unknown): string[] | undefined {
  if (typeof raw !== 'string') return undefined;
  return raw.split(/[\s,+]+/).filter(Boolean);
}

export async function buildAuthorizationUrl(
  ctx: ProviderContext,
  options: { redirectUri: string; scopes: string[]; state: string; codeVerifier: string; extraParams?: Record<string, string> },
): Promise<URL> {
  const url = new URL(ctx.endpoints.authorizationEndpoint);
  const params = {
    ...(ctx.provider.authorizationParams ?? {}),
    ...(options.extraParams ?? {}),
    client_id: ctx.client.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    state: options.state,
    code_challenge: await oauth.calculatePKCECodeChallenge(options.codeVerifier),
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (options.scopes.length > 0) url.searchParams.set('scope', joinScopes(ctx.provider, options.scopes));
  return url;
}

function toTokenSet(ctx: ProviderContext, response: oauth.TokenEndpointResponse): TokenSet {
  const now = (ctx.now ?? (() => new Date()))();
  const rules = ctx.provider.tokenResponse ?? {};
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : rules.neverExpires ? undefined : rules.assumeExpiresInSeconds;
  const extra: Record<string, unknown> = {};
  for (const field of rules.extraFields ?? []) if (response[field] !== undefined) extra[field] = response[field];
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    tokenType: String(response.token_type ?? 'bearer').toLowerCase(),
    expiresAt: expiresIn === undefined ? undefined : new Date(now.getTime() + expiresIn * 1000),
    scopes: splitScopes(response.scope),
    extra,
  };
}

/** Maps oauth4webapi's failures to our stable codes; never includes tokens. */
function translate(err: unknown, during: string): OAuthError {
  if (err instanceof OAuthError) return err;
  if (err instanceof oauth.AuthorizationResponseError) {
    return err.error === 'access_denied' ? new OAuthError('access_denied') : new OAuthError('provider_error', `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`);
  }
  if (err instanceof oauth.ResponseBodyError) {
    return err.error === 'invalid_grant' ? new OAuthError('invalid_grant', err.error_description ?? undefined) : new OAuthError('token_exchange_failed', `${during}: ${err.error} (HTTP ${err.status})`);
  }
  if (err instanceof oauth.OperationProcessingError) {
    const text = `${err.message}`;
    if (/"iss"/.test(text) || /issuer/i.test(text)) return new OAuthError('iss_mismatch', undefined, err);
    if (/"state"/.test(text)) return new OAuthError('state_mismatch', undefined, err);
    return new OAuthError('token_exchange_failed', `${during}: ${err.code ?? 'invalid response'}`, err);
  }
  const code = (err as { cause?: { code?: string }; name?: string })?.cause?.code ?? (err as { name?: string })?.name;
  return new OAuthError('provider_unreachable', `${during}: ${code ?? 'network error'}`, err);
}

/** Validates the callback (state, iss, error) and exchanges the code with the PKCE verifier. */
export async function exchangeCode(
  ctx: ProviderContext,
  options: { callbackUrl: URL; expectedState: string; codeVerifier: string; redirectUri: string },
): Promise<TokenSet> {
  try {
    const params = oauth.validateAuthResponse(server(ctx), client(ctx), options.callbackUrl, options.expectedState);
    const response = await oauth.authorizationCodeGrantRequest(server(ctx), client(ctx), clientAuth(ctx), params, options.redirectUri, options.codeVerifier, requestOptions(ctx));
    return toTokenSet(ctx, await oauth.processAuthorizationCodeResponse(server(ctx), client(ctx), response, { expectedNonce: oauth.expectNoNonce }));
  } catch (err) {
    throw translate(err, 'code exchange');
  }
}

export async function refreshTokens(ctx: ProviderContext, refreshToken: string): Promise<TokenSet> {
  try {
    const response = await oauth.refreshTokenGrantRequest(server(ctx), client(ctx), clientAuth(ctx), refreshToken, requestOptions(ctx));
    return toTokenSet(ctx, await oauth.processRefreshTokenResponse(server(ctx), client(ctx), response));
  } catch (err) {
    throw translate(err, 'refresh');
  }
}

export async function clientCredentials(ctx: ProviderContext, scopes: string[]): Promise<TokenSet> {
  try {
    const parameters: Record<string, string> = scopes.length ? { scope: joinScopes(ctx.provider, scopes) } : {};
    const response = await oauth.clientCredentialsGrantRequest(server(ctx), client(ctx), clientAuth(ctx), parameters, requestOptions(ctx));
    return toTokenSet(ctx, await oauth.processClientCredentialsResponse(server(ctx), client(ctx), response));
  } catch (err) {
    throw translate(err, 'client credentials');
  }
}

/** RFC 7009 revocation; a provider without a revocation endpoint is a no-op that returns false. */
export async function revokeToken(ctx: ProviderContext, token: string, hint: 'refresh_token' | 'access_token'): Promise<boolean> {
  if (!ctx.endpoints.revocationEndpoint) return false;
  try {
    const response = await oauth.revocationRequest(server(ctx), client(ctx), clientAuth(ctx), token, {
      ...requestOptions(ctx),
      additionalParameters: { token_type_hint: hint },
    });
    await oauth.processRevocationResponse(response);
    return true;
  } catch (err) {
    throw translate(err, 'revocation');
  }
}

export const generateState = oauth.generateRandomState;
export const generateCodeVerifier = oauth.generateRandomCodeVerifier;
