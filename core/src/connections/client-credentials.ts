/**
 * Machine-to-machine connections with the client-credentials grant: the
 * platform's (or the customer's) client asks the provider for a token with the
 * manifest's scopes; renewal asks again, since no refresh token is issued.
 */
import { eq } from 'drizzle-orm';
import { installations } from '../db/schema/installations.js';
import { NotFoundError } from '../errors.js';
import { clientCredentials } from '../oauth/oauth-client.js';
import { resolveEndpoints } from '../oauth/provider-catalog.js';
import { saveConnection } from './connection-store.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import { oauthAppFor } from './oauth-apps.js';

export async function connectClientCredentials(
  deps: ConnectionsDeps,
  input: { installationId: string; provider: string; scopes: string[]; params?: Record<string, string> },
): Promise<string> {
  const vault = requireVault(deps);
  const [inst] = await deps.db.select().from(installations).where(eq(installations.id, input.installationId));
  if (!inst) throw new NotFoundError('Installation');
  const provider = deps.catalog.get(input.provider);
  const ctx = { provider, endpoints: resolveEndpoints(provider, input.params ?? {}), client: await oauthAppFor(deps, provider.id), now: deps.now };
  const tokens = await clientCredentials(ctx, input.scopes);
  return saveConnection(deps.db, vault, {
    installationId: inst.id,
    workspaceId: inst.workspaceId,
    provider: provider.id,
    credentials: { type: 'oauth2', accessToken: tokens.accessToken, tokenType: tokens.tokenType, grant: 'client_credentials', scopes: input.scopes },
    grantedScopes: tokens.scopes ?? input.scopes,
    metadata: { params: input.params ?? {} },
    accessTokenExpiresAt: tokens.expiresAt,
    now: deps.now(),
  });
}
