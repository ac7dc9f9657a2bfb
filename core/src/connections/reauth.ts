/**
 * When a provider stops accepting a connection (invalid_grant), the connection
 * and its installation move to needs_reauth — nothing is deleted — and the
 * workspace's admins are told in-app and by email how to reconnect.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema/audit.js';
import { users, workspaceMembers } from '../db/schema/identity.js';
import { connections, installations } from '../db/schema/installations.js';
import { emailOutbox, notifications } from '../db/schema/notifications.js';

export const NEEDS_REAUTH_NOTIFICATION = 'installation.needs_reauth';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function markNeedsReauth(tx: Tx | Db, connectionId: string, reason: string, now: Date): Promise<void> {
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
  const title = `Reconnect ${inst?.pluginId ?? conn.provider}`;
  const body = `${conn.provider} no longer accepts the connection (${reason}). Its automations are paused until you reconnect; no data was deleted.`;
  const link = `/installations/${conn.installationId}`;
  await tx.insert(notifications).values({ workspaceId: conn.workspaceId, kind: NEEDS_REAUTH_NOTIFICATION, title, body, link, createdAt: now });
  const admins = await tx
    .select({ email: users.email })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, conn.workspaceId), eq(workspaceMembers.role, 'admin')));
  for (const admin of admins) {
    await tx.insert(emailOutbox).values({
      toAddress: admin.email,
      subject: title,
      textBody: `${body}\n\nReconnect it here: ${link}`,
      dedupeKey: `needs_reauth:${connectionId}:${now.toISOString()}`,
      createdAt: now,
      nextAttemptAt: now,
    });
  }
  await tx.insert(auditLog).values({
    at: now,
    action: 'connection.needs_reauth',
    targetType: 'connection',
    targetId: connectionId,
    workspaceId: conn.workspaceId,
    reason,
  });
}
