/**
 * Removes an installation's connection: tokens are revoked at the provider
 * first (RFC 7009, refresh token then access token) where it supports
 * revocation, then the row is deleted. A provider that cannot be reached does
 * not keep the customer's tokens alive here: the row is deleted regardless and
 * the failure is reported.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import { connections } from '../db/schema/installations.js';
import { revokeToken } from '../oauth/oauth-client.js';
import { resolveEndpoints } from '../oauth/provider-catalog.js';
import { readCredentials } from './connection-store.js';
import { requireVault, type ConnectionsDeps } from './deps.js';
import { oauthAppFor } from './oauth-apps.js';

export interface DisconnectResult {
  deleted: boolean;
  revoked: boolean;
  revocationError?: string;
}

export async function disconnect(deps: ConnectionsDeps, installationId: string, actorUserId?: string): Promise<DisconnectResult> {
  const [row] = await deps.db.select().from(connections).where(eq(connections.installationId, installationId));
  if (!row) return { deleted: false, revoked: false };
  let revoked = false;
  let revocationError: string | undefined;
  if (row.authType === 'oauth2' && deps.catalog.has(row.provider)) {
    try {
      const provider = deps.catalog.get(row.provider);
      const params = (row.metadata as { params?: Record<string, string> }).params ?? {};
      const ctx = { provider, endpoints: resolveEndpoints(provider, params), client: await oauthAppFor(deps, row.provider), now: deps.now };
      const creds = readCredentials(requireVault(deps), row);
      if (creds.type === 'oauth2') {
        if (creds.refreshToken) revoked = await revokeToken(ctx, creds.refreshToken, 'refresh_token');
        revoked = (await revokeToken(ctx, creds.accessToken, 'access_token')) || revoked;
      }
    } catch (err) {
      revocationError = (err as Error).message;
      deps.logger.warn({ installationId, code: (err as { code?: string }).code }, 'token revocation failed; deleting the connection anyway');
    }
  }
  await deps.db.transaction(async (tx) => {
    await tx.delete(connections).where(eq(connections.id, row.id));
    await audit(tx, {
      at: deps.now(),
      actorUserId: actorUserId ?? null,
      action: 'connection.deleted',
      targetType: 'connection',
      targetId: row.id,
      workspaceId: row.workspaceId,
      data: { revoked, ...(revocationError ? { revocationError } : {}) },
    });
  });
  return { deleted: true, revoked, ...(revocationError ? { revocationError } : {}) };
}
