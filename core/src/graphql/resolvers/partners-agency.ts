/** Agency access: a client workspace's admin grants and revokes an agency's role; the agency sees its clients. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { partnerClientGrants, partnerOrgs } from '../../db/schema/partners.js';
import { grantAgencyAccess, revokeAgencyAccess } from '../../partners/agency/agency-access.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import type { GraphQLContext } from '../context.js';
import { db, now } from './partners-shared.js';

const grantView = { id: partnerClientGrants.id, partnerId: partnerClientGrants.partnerId, partnerName: partnerOrgs.name, workspaceId: partnerClientGrants.workspaceId, role: partnerClientGrants.role, grantedAt: partnerClientGrants.grantedAt, revokedAt: partnerClientGrants.revokedAt };

export const partnerAgencyResolvers = {
  Query: {
    async workspaceAgencyGrants(_: unknown, args: { workspaceId: string }, ctx: GraphQLContext) {
      await ctx.auth.requireWorkspace(args.workspaceId, 'member', 'read');
      return db(ctx).select(grantView).from(partnerClientGrants).innerJoin(partnerOrgs, eq(partnerOrgs.id, partnerClientGrants.partnerId)).where(eq(partnerClientGrants.workspaceId, args.workspaceId)).orderBy(desc(partnerClientGrants.grantedAt));
    },
  },
  Mutation: {
    async grantAgencyAccess(_: unknown, args: { workspaceId: string; partnerId: string; role: 'member' | 'admin' }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requireClientAdmin(args.workspaceId);
      const row = await grantAgencyAccess(db(ctx), { ...args, actorUserId: actor.userId, now: now(ctx) });
      const [partner] = await db(ctx).select({ name: partnerOrgs.name }).from(partnerOrgs).where(eq(partnerOrgs.id, row.partnerId));
      return { ...row, partnerName: partner!.name };
    },
    async revokeAgencyAccess(_: unknown, args: { workspaceId: string; partnerId: string }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requireClientAdmin(args.workspaceId);
      return revokeAgencyAccess(db(ctx), { ...args, actorUserId: actor.userId, now: now(ctx) });
    },
  },
  Partner: {
    clients(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx)
        .select(grantView)
        .from(partnerClientGrants)
        .innerJoin(partnerOrgs, eq(partnerOrgs.id, partnerClientGrants.partnerId))
        .where(and(eq(partnerClientGrants.partnerId, p.id), isNull(partnerClientGrants.revokedAt)))
        .orderBy(desc(partnerClientGrants.grantedAt));
    },
  },
};
