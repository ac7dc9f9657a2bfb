/** Appends to the audit log (who, when, what and why) in the caller's transaction. */
import type { DbOrTx } from '../db/database.js';
import { auditLog } from '../db/schema/audit.js';

export interface AuditEntry {
  actorUserId: string | null;
  actorTokenId?: string | null;
  action: string;
  targetType: string;
  targetId: string;
  at: Date;
  reason?: string | null;
  workspaceId?: string | null;
  data?: unknown;
}

export async function audit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    actorTokenId: entry.actorTokenId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    workspaceId: entry.workspaceId ?? null,
    reason: entry.reason ?? null,
    data: entry.data ?? null,
  });
}
