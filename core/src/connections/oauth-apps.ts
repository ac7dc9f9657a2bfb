/**
 * The platform's OAuth client registration per provider (client id and an
 * encrypted secret), configured by an admin and read when a flow starts or a
 * token is refreshed.
 */
import { eq } from 'drizzle-orm';
import { oauthApps } from '../db/schema/oauth.js';
import { OAuthError } from '../oauth/oauth-errors.js';
import type { ClientRegistration } from '../oauth/oauth-client.js';
import { requireVault, type ConnectionsDeps } from './deps.js';

const aad = (provider: string) => `oauth_app:${provider}`;

export async function registerOAuthApp(deps: Pick<ConnectionsDeps, 'db' | 'vault' | 'now'>, provider: string, app: ClientRegistration): Promise<void> {
  const vault = app.clientSecret ? requireVault(deps) : undefined;
  const secret = app.clientSecret && vault ? vault.encrypt(app.clientSecret, aad(provider)) : null;
  const values = { provider, clientId: app.clientId, clientSecret: secret, keyId: vault?.activeKeyId ?? null, updatedAt: deps.now() };
  await deps.db.insert(oauthApps).values(values).onConflictDoUpdate({ target: oauthApps.provider, set: values });
}

export async function oauthAppFor(deps: Pick<ConnectionsDeps, 'db' | 'vault'>, provider: string): Promise<ClientRegistration> {
  const [row] = await deps.db.select().from(oauthApps).where(eq(oauthApps.provider, provider));
  if (!row) throw new OAuthError('not_configured', provider);
  return {
    clientId: row.clientId,
    clientSecret: row.clientSecret ? requireVault(deps).decrypt<string>(row.clientSecret, aad(provider)) : undefined,
  };
}

/** Re-wraps every client secret under the active key (used by keys:rotate). */
export async function rewrapOAuthApps(deps: Pick<ConnectionsDeps, 'db' | 'vault'>): Promise<number> {
  const vault = requireVault(deps);
  let changed = 0;
  for (const row of await deps.db.select().from(oauthApps)) {
    if (!row.clientSecret || vault.keyIdOf(row.clientSecret) === vault.activeKeyId) continue;
    await deps.db
      .update(oauthApps)
      .set({ clientSecret: vault.rewrap(row.clientSecret, aad(row.provider)), keyId: vault.activeKeyId })
      .where(eq(oauthApps.provider, row.provider));
    changed += 1;
  }
  return changed;
}
