/** Deal registration: partners register, the internal team reviews those of $10K and more. */
import { asc, desc, eq } from 'drizzle-orm';
import { dealRegistrations } from '../../db/schema/partners.js';
import { decideDeal, registerDeal, type DealInput } from '../../partners/deals/deal-registration.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import type { GraphQLContext } from '../context.js';
import { cents, db, now, settings, uuidOrNotFound } from './partners-shared.js';

export const partnerDealResolvers = {
  Query: {
    dealReviewQueue(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return db(ctx).select().from(dealRegistrations).where(eq(dealRegistrations.state, 'pending_review')).orderBy(asc(dealRegistrations.submittedAt));
    },
  },
  Mutation: {
    async registerDeal(_: unknown, args: { partnerId: string; input: DealInput }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'member', 'workspace_write');
      return registerDeal(db(ctx), await settings(ctx), { ...args.input, amountCents: cents(args.input.amountCents, 'amountCents'), partnerId: args.partnerId, userId: actor.userId, now: now(ctx) });
    },
    async decideDeal(_: unknown, args: { id: string; approve: boolean; note?: string | null }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return decideDeal(db(ctx), await settings(ctx), { id: uuidOrNotFound(args.id, 'Deal registration'), approve: args.approve, note: args.note ?? null, userId: actor.userId, now: now(ctx) });
    },
  },
  Partner: {
    deals(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(dealRegistrations).where(eq(dealRegistrations.partnerId, p.id)).orderBy(desc(dealRegistrations.submittedAt));
    },
  },
};
