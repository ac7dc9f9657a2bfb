/**
 * Agency access: a client workspace's admin grants a partner (agency) a
 * workspace role and may revoke it at any time. Members of that partner then
 * act inside the workspace with the granted role (never more than it), and
 * every act through a grant is written to the audit log (`agency.act`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { partnerClientGrants, partnerMembers, partnerOrgs } from '../../db/schema/partners.js';
import { NotFoundError } from '../../errors.js';

export type GrantRow = typeof partnerClientGrants.$inferSelect;

export interface AgencyRole {
  role: 'member' | 'admin';
  partnerId: string;
  grantId: string;
}

/** The role `userId` holds in `workspaceId` through an active agency grant (the highest, if several). */
export async function agencyRole(db: DbOrTx, userId: string, workspaceId: string): Promise<AgencyRole | undefined> {
  const rows = await db
    .select({ role: partnerClientGrants.role, partnerId: partnerClientGrants.partnerId, grantId: partnerClientGrants.id })
    .from(partnerClientGrants)
    .innerJoin(partnerMembers, eq(partnerMembers.partnerId, partnerClientGrants.partnerId))
    .where(and(eq(partnerClientGrants.workspaceId, workspaceId), isNull(partnerClientGrants.revokedAt), eq(partnerMembers.userId, userId)));
  return rows.find((r) => r.role === 'admin') ?? rows[0];
}

/** One audit entry per request in which an agency member acts in a client workspace. */
export async function auditAgencyAct(db: DbOrTx, input: { userId: string; tokenId: string | null; workspaceId: string; access: AgencyRole; at: Date }): Promise<void> {
  await audit(db, {
    actorUserId: input.userId,
    actorTokenId: input.tokenId,
    action: 'agency.act',
    targetType: 'workspace',
    targetId: input.workspaceId,
    workspaceId: input.workspaceId,
    at: input.at,
    data: { partnerId: input.access.partnerId, grantId: input.access.grantId, role: input.access.role },
  });
}

/** The client's admin grants (or changes) an agency's role in the workspace. */
export async function grantAgencyAccess(db: Db, input: { workspaceId: string; partnerId: string; role: 'member' | 'admin'; actorUserId: string; now: Date }): Promise<GrantRow> {
  const [partner] = await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(eq(partnerOrgs.id, input.partnerId));
  if (!partner) throw new NotFoundError('Partner');
  return db.transaction(async (tx) => {
    await tx
      .update(partnerClientGrants)
      .set({ revokedAt: input.now, revokedBy: input.actorUserId })
      .where(and(eq(partnerClientGrants.partnerId, input.partnerId), eq(partnerClientGrants.workspaceId, input.workspaceId), isNull(partnerClientGrants.revokedAt)));
    const [row] = await tx.insert(partnerClientGrants).values({ partnerId: input.partnerId, workspaceId: input.workspaceId, role: input.role, grantedBy: input.actorUserId, grantedAt: input.now }).returning();
    await audit(tx, { actorUserId: input.actorUserId, action: 'agency.grant', targetType: 'workspace', targetId: input.workspaceId, workspaceId: input.workspaceId, at: input.now, data: { partnerId: input.partnerId, role: input.role } });
    return row!;
  });
}

export async function revokeAgencyAccess(db: Db, input: { workspaceId: string; partnerId: string; actorUserId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(partnerClientGrants)
      .set({ revokedAt: input.now, revokedBy: input.actorUserId })
      .where(and(eq(partnerClientGrants.partnerId, input.partnerId), eq(partnerClientGrants.workspaceId, input.workspaceId), isNull(partnerClientGrants.revokedAt)))
      .returning({ id: partnerClientGrants.id });
    if (rows.length) await audit(tx, { actorUserId: input.actorUserId, action: 'agency.revoke', targetType: 'workspace', targetId: input.workspaceId, workspaceId: input.workspaceId, at: input.now, data: { partnerId: input.partnerId } });
    return rows.length > 0;
  });
}
