/**
 * Partner organisations: create, members, linked publishers, reseller terms,
 * NPS, the program settings, and the Partner type's own fields. Who may do
 * what is the Authorizer's (requirePartner, requirePlatform, requireInternalTeam).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { users } from '../../db/schema/identity.js';
import { partnerMembers, partnerOrgs, partnerPublishers } from '../../db/schema/partners.js';
import { ValidationError } from '../../errors.js';
import { addPartnerMember, createPartner, getPartner, linkPublisher, setPartnerNps, setResellerTerms, type PartnerKind, type PartnerRow } from '../../partners/partner-orgs.js';
import { DAY_MS } from '../../partners/money.js';
import { writePartnerSettings } from '../../partners/settings/partner-settings.js';
import { partnerRevenueCents } from '../../partners/tiers/tier-metrics.js';
import type { GraphQLContext } from '../context.js';
import { cents, db, now, settings } from './partners-shared.js';

export const partnerOrgResolvers = {
  Query: {
    async partner(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      await ctx.auth.requirePartner(args.id, 'member', 'read');
      return getPartner(db(ctx), args.id);
    },
    async myPartners(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireActor('read');
      const ids = await ctx.auth.memberPartnerIds();
      return ids.length ? db(ctx).select().from(partnerOrgs).where(inArray(partnerOrgs.id, ids)).orderBy(asc(partnerOrgs.name)) : [];
    },
    partners(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return db(ctx).select().from(partnerOrgs).orderBy(asc(partnerOrgs.name));
    },
    partnerProgramSettings(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return settings(ctx);
    },
  },
  Mutation: {
    createPartner(_: unknown, args: { input: { name: string; slug: string; kind: PartnerKind } }, ctx: GraphQLContext) {
      const actor = ctx.auth.requireActor('workspace_write');
      return createPartner(db(ctx), { ...args.input, ownerId: actor.userId, now: now(ctx) });
    },
    async addPartnerMember(_: unknown, args: { partnerId: string; email: string; role: 'member' | 'owner' }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'owner', 'workspace_write');
      await addPartnerMember(db(ctx), { partnerId: args.partnerId, email: args.email, role: args.role, actorUserId: actor.userId, now: now(ctx) });
      return getPartner(db(ctx), args.partnerId);
    },
    async linkPartnerPublisher(_: unknown, args: { partnerId: string; publisherId: string }, ctx: GraphQLContext) {
      const actor = await ctx.auth.requirePartner(args.partnerId, 'owner', 'workspace_write');
      await ctx.auth.requirePublisher(args.publisherId, 'owner', 'publish');
      await linkPublisher(db(ctx), { partnerId: args.partnerId, publisherId: args.publisherId, actorUserId: actor.userId, now: now(ctx) });
      return getPartner(db(ctx), args.partnerId);
    },
    async setResellerTerms(_: unknown, args: { partnerId: string; discountBps: number; annualCommitCents: number }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      return setResellerTerms(db(ctx), await settings(ctx), { partnerId: args.partnerId, discountBps: args.discountBps, annualCommitCents: cents(args.annualCommitCents, 'annualCommitCents'), actorUserId: actor.userId, now: now(ctx) });
    },
    setPartnerNps(_: unknown, args: { partnerId: string; nps: number }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      const tenths = Math.round(args.nps * 10);
      if (Math.abs(tenths - args.nps * 10) > 1e-9) throw new ValidationError('NPS has at most one decimal.', { path: 'nps' });
      return setPartnerNps(db(ctx), { partnerId: args.partnerId, npsTenths: tenths, actorUserId: actor.userId, now: now(ctx) });
    },
    async setPartnerProgramSettings(_: unknown, args: { settings: unknown }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      const at = now(ctx);
      return db(ctx).transaction(async (tx) => {
        const saved = await writePartnerSettings(tx, args.settings, at);
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'partner.settings', targetType: 'platform_setting', targetId: 'partner_program', at, data: saved });
        return saved;
      });
    },
  },
  Partner: {
    nps: (p: PartnerRow) => (p.npsTenths === null ? null : p.npsTenths / 10),
    async resellerCommitment(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      if (p.resellerDiscountBps === null || p.resellerAnnualCommitCents === null) return null;
      const at = now(ctx);
      const revenue = await partnerRevenueCents(db(ctx), p.id, new Date(at.getTime() - 365 * DAY_MS), at);
      const shortfall = Math.max(0, p.resellerAnnualCommitCents - revenue);
      return { discountBps: p.resellerDiscountBps, annualCommitCents: p.resellerAnnualCommitCents, trailingYearRevenueCents: revenue, shortfallCents: shortfall, met: shortfall === 0 };
    },
    async members(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx)
        .select({ userId: users.id, email: users.email, name: users.name, role: partnerMembers.role })
        .from(partnerMembers)
        .innerJoin(users, eq(users.id, partnerMembers.userId))
        .where(eq(partnerMembers.partnerId, p.id))
        .orderBy(asc(users.email));
    },
    async publisherIds(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return (await db(ctx).select({ id: partnerPublishers.publisherId }).from(partnerPublishers).where(eq(partnerPublishers.partnerId, p.id))).map((r) => r.id);
    },
  },
};
