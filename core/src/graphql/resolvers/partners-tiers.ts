/** Tier eligibility from real data, tier review requests (partner owners) and decisions (platform admins). */
import { asc, desc, eq } from 'drizzle-orm';
import { partnerTierReviews } from '../../db/schema/partners.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import { evaluateAllTiers } from '../../partners/tiers/tier-eligibility.js';
import { measureTierMetrics } from '../../partners/tiers/tier-metrics.js';
import { decideTierReview, requestTierReview } from '../../partners/tiers/tier-reviews.js';
import type { AgencyTier } from '../../partners/commissions/commission-rules.js';
import type { GraphQLContext } from '../context.js';
import { db, now, settings, uuidOrNotFound } from './partners-shared.js';

export const partnerTierResolvers = {
  Query: {
    tierReviewQueue(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return db(ctx).select().from(partnerTierReviews).where(eq(partnerTierReviews.state, 'pending')).orderBy(asc(partnerTierReviews.requestedAt));
    },
  },
  Mutation: {
    async requestTierReview(_: unknown, args: { partnerId: string; tier: AgencyTier }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'owner', 'workspace_write');
      return requestTierReview(db(ctx), await settings(ctx), { ...args, userId: actor.userId, now: now(ctx) });
    },
    async decideTierReview(_: unknown, args: { reviewId: string; approve: boolean; note?: string | null }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return decideTierReview(db(ctx), await settings(ctx), { reviewId: uuidOrNotFound(args.reviewId, 'Tier review'), approve: args.approve, note: args.note ?? null, userId: actor.userId, now: now(ctx) });
    },
  },
  Partner: {
    async tierEligibility(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return evaluateAllTiers(await settings(ctx), await measureTierMetrics(db(ctx), p.id, now(ctx)));
    },
    tierReviews(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(partnerTierReviews).where(eq(partnerTierReviews.partnerId, p.id)).orderBy(desc(partnerTierReviews.requestedAt));
    },
  },
};
