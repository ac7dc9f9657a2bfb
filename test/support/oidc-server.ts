/**
 * A real OAuth 2.0 / OpenID Connect authorization server for tests: panva's
 * oidc-provider on 127.0.0.1 with a random port, PKCE, refresh-token rotation,
 * revocation, client credentials and short lifetimes. Login and consent are
 * automated by an interaction handler the test steers through `policy`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** The catalog entry for this server, as a provider the platform connects to (`id` defaults to test-oidc). */
export function testProvider(issuer: string, id = 'test-oidc') {
  return {
    id,
    name: 'Test OIDC',
    issuer,
    authorizationEndpoint: `${issuer}/auth`,
    tokenEndpoint: `${issuer}/token`,
    revocationEndpoint: `${issuer}/token/revocation`,
    scopeSeparator: ' ' as const,
    pkce: 'required' as const,
    clientAuthentication: 'client_secret_basic' as const,
    authorizationResponseIss: true,
    // Like Google, the server only issues a refresh token when consent is prompted.
    authorizationParams: { prompt: 'consent' },
    expirySignals: [{ status: 401 }],
    refreshTokenRotation: true,
  };
}

export interface ConsentPolicy {
  /** Deny the request at the consent step (the user clicks "cancel"). */
  deny?: boolean;
  /** Grant only these scopes instead of all requested ones. */
  grantScopes?: string[];
}

export interface TestOidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  policy: ConsentPolicy;
  /** Token endpoint grants by grant_type, counted as the server saw them. */
  grants: { authorization_code: number; refresh_token: number; client_credentials: number };
  refreshErrors: string[];
  provider: Provider;
  /** The signed-in account's claims (the email scope yields email and email_verified); tests may change them. */
  accountClaims: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startOidcServer(options: { redirectUris: string[]; accessTokenTtl?: number }): Promise<TestOidcServer> {
  const clientId = 'nudge-platform';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const policy: ConsentPolicy = {};
  const grants = { authorization_code: 0, refresh_token: 0, client_credentials: 0 };
  const refreshErrors: string[] = [];
  const accountClaims: Record<string, unknown> = { name: 'Test User', email: 'user@example.test', email_verified: true };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'openid offline_access profile email api:read',
      },
    ],
    scopes: ['openid', 'offline_access', 'profile', 'email', 'api:read'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
    },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 60,
      ClientCredentials: 60,
      AuthorizationCode: 60,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Interaction: 600,
      Session: 3600,
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...accountClaims }) }),
    cookies: { keys: ['test-cookie-key-0123456789'] },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('grant.success', (ctx) => {
    const type = String(ctx.oidc.params?.grant_type) as keyof typeof grants;
    if (type in grants) grants[type] += 1;
  });
  provider.on('grant.error', (ctx, err) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') refreshErrors.push((err as { error?: string }).error ?? err.message);
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (policy.deny) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
        return;
      }
      const accountId = 'user-1';
      const requested = String(details.params.scope ?? '').split(' ').filter(Boolean);
      const granted = policy.grantScopes ? requested.filter((s) => policy.grantScopes!.includes(s)) : requested;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(granted.join(' '));
      // Declined scopes are recorded as rejected, so the server issues tokens with fewer scopes instead of asking again.
      const declined = requested.filter((s) => !granted.includes(s));
      if (declined.length) grant.rejectOIDCScope(declined.join(' '));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    policy,
    grants,
    refreshErrors,
    provider,
    accountClaims,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
