/** MDF: accruals, claims (partner members submit and complete; platform admins decide and reimburse), ROI. */
import { asc, desc, eq } from 'drizzle-orm';
import { mdfAccruals, mdfClaims } from '../../db/schema/partners-program.js';
import { NotFoundError } from '../../errors.js';
import { mdfRoi } from '../../partners/mdf/mdf-rules.js';
import { accrueMdf, completeMdfClaim, decideMdfClaim, mdfTotals, reimburseMdfClaim, submitMdfClaim, type MdfResults } from '../../partners/mdf/mdf-service.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import type { GraphQLContext } from '../context.js';
import { cents, db, now, settings, uuidOrNotFound } from './partners-shared.js';

export interface ClaimInput {
  quarter: string;
  activity: string;
  description: string;
  amountCents: number;
}

export const partnerMdfResolvers = {
  Query: {
    mdfClaimQueue(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return db(ctx).select().from(mdfClaims).where(eq(mdfClaims.state, 'submitted')).orderBy(asc(mdfClaims.reviewDueAt));
    },
  },
  Mutation: {
    async accrueMdf(_: unknown, args: { partnerId: string; quarter: string }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      await ctx.auth.requirePartner(args.partnerId, 'member', 'read');
      return accrueMdf(db(ctx), await settings(ctx), { ...args, now: now(ctx) });
    },
    async submitMdfClaim(_: unknown, args: { partnerId: string; input: ClaimInput }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'member', 'workspace_write');
      return submitMdfClaim(db(ctx), await settings(ctx), { ...args.input, amountCents: cents(args.input.amountCents, 'amountCents'), partnerId: args.partnerId, userId: actor.userId, now: now(ctx) });
    },
    async decideMdfClaim(_: unknown, args: { id: string; approve: boolean; note?: string | null }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return decideMdfClaim(db(ctx), { id: uuidOrNotFound(args.id, 'MDF claim'), approve: args.approve, note: args.note ?? null, userId: actor.userId, now: now(ctx) });
    },
    async completeMdfClaim(_: unknown, args: { id: string; results: MdfResults }, ctx: GraphQLContext) {
      ctx.auth.requireActor('workspace_write');
      const [claim] = await db(ctx).select({ partnerId: mdfClaims.partnerId }).from(mdfClaims).where(eq(mdfClaims.id, uuidOrNotFound(args.id, 'MDF claim')));
      if (!claim) throw new NotFoundError('MDF claim');
      try {
        const actor = await ctx.auth.requirePartner(claim.partnerId, 'member', 'workspace_write');
        const results = { ...args.results, pipelineCents: cents(args.results.pipelineCents, 'pipelineCents'), attributedRevenueCents: cents(args.results.attributedRevenueCents, 'attributedRevenueCents') };
        return await completeMdfClaim(db(ctx), await settings(ctx), { id: args.id, results, userId: actor.userId, now: now(ctx) });
      } catch (err) {
        if (err instanceof NotFoundError) throw new NotFoundError('MDF claim');
        throw err;
      }
    },
    async reimburseMdfClaim(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return reimburseMdfClaim(db(ctx), { id: uuidOrNotFound(args.id, 'MDF claim'), userId: actor.userId, now: now(ctx) });
    },
  },
  MdfClaim: {
    reviewOverdue: (c: typeof mdfClaims.$inferSelect, _: unknown, ctx: GraphQLContext) => c.state === 'submitted' && c.reviewDueAt.getTime() < now(ctx).getTime(),
  },
  Partner: {
    mdfAccruals(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(mdfAccruals).where(eq(mdfAccruals.partnerId, p.id)).orderBy(desc(mdfAccruals.quarter));
    },
    mdfClaims(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(mdfClaims).where(eq(mdfClaims.partnerId, p.id)).orderBy(desc(mdfClaims.submittedAt));
    },
    async mdfRoi(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      const t = await mdfTotals(db(ctx), p.id);
      return mdfRoi(t.spendCents, t.revenueCents, await settings(ctx));
    },
  },
};
