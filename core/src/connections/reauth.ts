/**
 * When a provider stops accepting a connection (invalid_grant), the connection
 * and its installation move to needs_reauth — nothing is deleted — and the
 * workspace's admins are told in-app and by email how to reconnect.
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { DbOrTx } from '../db/database.js';
import { connections, installations } from '../db/schema/installations.js';
import { notifyWorkspace } from '../notifications/notify.js';

export const NEEDS_REAUTH_NOTIFICATION = 'installation.needs_reauth';

export async function markNeedsReauth(tx: DbOrTx, connectionId: string, reason: string, now: Date): Promise<void> {
  const [conn] = await tx
    .update(connections)
    .set({ state: 'needs_reauth', lastError: reason, updatedAt: now })
    .where(and(eq(connections.id, connectionId), eq(connections.state, 'active')))
    .returning({ installationId: connections.installationId, workspaceId: connections.workspaceId, provider: connections.provider });
  if (!conn) return; // already marked by someone else: notify once
  await tx
    .update(installations)
    .set({ state: 'needs_reauth', stateReason: reason, updatedAt: now })
    .where(eq(installations.id, conn.installationId));
  const [inst] = await tx.select({ pluginId: installations.pluginId }).from(installations).where(eq(installations.id, conn.installationId));
  await notifyWorkspace(tx, {
    workspaceId: conn.workspaceId,
    kind: NEEDS_REAUTH_NOTIFICATION,
    title: `Reconnect ${inst?.pluginId ?? conn.provider}`,
    body: `${conn.provider} no longer accepts the connection (${reason}). Its automations are paused until you reconnect; no data was deleted.`,
    link: `/installations/${conn.installationId}`,
    dedupeKey: `needs_reauth:${connectionId}:${now.toISOString()}`,
    now,
  });
  await audit(tx, { actorUserId: null, action: 'connection.needs_reauth', targetType: 'connection', targetId: connectionId, workspaceId: conn.workspaceId, reason, at: now });
}
