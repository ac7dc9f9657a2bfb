/** Referral codes and links, server-side visits, signup attribution, and a partner's referral tier. */
import { asc, eq } from 'drizzle-orm';
import { referralAttributions, referralCodes } from '../../db/schema/partners.js';
import { loadPartnerFacts } from '../../partners/commissions/commission-facts.js';
import { DAY_MS } from '../../partners/money.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import { attributeSignup, createReferralCode, recordTouch, referralLink } from '../../partners/referrals/referral-codes.js';
import type { GraphQLContext } from '../context.js';
import { db, now, settings } from './partners-shared.js';

type CodeRow = typeof referralCodes.$inferSelect;

export const partnerReferralResolvers = {
  Mutation: {
    async createReferralCode(_: unknown, args: { partnerId: string }, ctx: GraphQLContext) {
      await ctx.auth.requirePartner(args.partnerId, 'member', 'workspace_write');
      return createReferralCode(db(ctx), args.partnerId, now(ctx));
    },
    async recordReferralVisit(_: unknown, args: { code: string; visitorId?: string | null }, ctx: GraphQLContext) {
      const s = await settings(ctx);
      const { visitorId, touch } = await recordTouch(db(ctx), { code: args.code, visitorId: args.visitorId ?? null, now: now(ctx) });
      return { visitorId, expiresAt: new Date(touch.touchedAt.getTime() + s.referral.attributionDays * DAY_MS) };
    },
    async attributeSignup(_: unknown, args: { workspaceId: string; visitorId: string }, ctx: GraphQLContext) {
      // The customer's own admin, never an agency acting in the workspace (it could otherwise claim the referral for itself).
      await ctx.auth.requireClientAdmin(args.workspaceId);
      const s = await settings(ctx);
      return attributeSignup(db(ctx), { workspaceId: args.workspaceId, visitorId: args.visitorId, attributionDays: s.referral.attributionDays, now: now(ctx) });
    },
  },
  ReferralCode: {
    link: (c: CodeRow, _: unknown, ctx: GraphQLContext) => referralLink(ctx.services.publicUrl, c.code),
  },
  Partner: {
    referralCodes(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(referralCodes).where(eq(referralCodes.partnerId, p.id)).orderBy(asc(referralCodes.createdAt));
    },
    attributions(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(referralAttributions).where(eq(referralAttributions.partnerId, p.id)).orderBy(asc(referralAttributions.attributedAt));
    },
    async referralTier(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      const facts = await loadPartnerFacts(db(ctx), p.id, await settings(ctx));
      return facts.referralTierAt(now(ctx));
    },
  },
};
