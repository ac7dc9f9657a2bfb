/**
 * Reads and writes connections. Credentials go through the vault with the
 * connection id as associated data; only non-secret metadata is stored in the
 * clear. One connection per installation (upserted).
 */
import { randomUUID } from 'node:crypto';
import { eq, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { connections } from '../db/schema/installations.js';
import { NotFoundError } from '../errors.js';
import type { TokenVault } from '../vault/token-vault.js';
import type { Credentials } from './credentials.js';

export type ConnectionRow = typeof connections.$inferSelect;

export interface SaveConnection {
  installationId: string;
  workspaceId: string;
  provider: string;
  credentials: Credentials;
  grantedScopes?: string[];
  metadata?: Record<string, unknown>;
  accessTokenExpiresAt?: Date | undefined;
  now: Date;
}

/** Creates or replaces the installation's connection; returns its id. */
export async function saveConnection(db: Db, vault: TokenVault, input: SaveConnection): Promise<string> {
  const [existing] = await db.select({ id: connections.id }).from(connections).where(eq(connections.installationId, input.installationId));
  const id = existing?.id ?? randomUUID();
  const values = {
    provider: input.provider,
    authType: input.credentials.type,
    state: 'active' as const,
    credentials: vault.encrypt(input.credentials, id),
    keyId: vault.activeKeyId,
    grantedScopes: input.grantedScopes ?? [],
    metadata: input.metadata ?? {},
    // "Renewable": a refresh token, or a client-credentials grant that can simply be asked again.
    hasRefreshToken: input.credentials.type === 'oauth2' && (Boolean(input.credentials.refreshToken) || input.credentials.grant === 'client_credentials'),
    accessTokenExpiresAt: input.accessTokenExpiresAt ?? null,
    refreshedAt: input.now,
    lastError: null,
    updatedAt: input.now,
  };
  if (existing) {
    await db.update(connections).set(values).where(eq(connections.id, id));
  } else {
    await db.insert(connections).values({ id, installationId: input.installationId, workspaceId: input.workspaceId, ...values, createdAt: input.now });
  }
  return id;
}

export async function getConnection(db: Db, id: string): Promise<ConnectionRow> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  if (!row) throw new NotFoundError('Connection');
  return row;
}

export async function connectionForInstallation(db: Db, installationId: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.installationId, installationId));
  return row;
}

export function readCredentials<T extends Credentials = Credentials>(vault: TokenVault, row: Pick<ConnectionRow, 'id' | 'credentials'>): T {
  return vault.decrypt<T>(row.credentials, row.id);
}

/** Re-wraps every connection's credentials under the active key, in batches. */
export async function rewrapConnections(db: Db, vault: TokenVault, batchSize = 200): Promise<number> {
  let changed = 0;
  for (;;) {
    const stale = await db
      .select({ id: connections.id, credentials: connections.credentials })
      .from(connections)
      .where(ne(connections.keyId, vault.activeKeyId))
      .limit(batchSize);
    if (stale.length === 0) return changed;
    await db.transaction(async (tx) => {
      for (const row of stale) {
        await tx.update(connections).set({ credentials: vault.rewrap(row.credentials, row.id), keyId: vault.activeKeyId }).where(eq(connections.id, row.id));
      }
    });
    changed += stale.length;
  }
}
