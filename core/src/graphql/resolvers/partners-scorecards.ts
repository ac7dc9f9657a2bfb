/** Monthly scorecards (kept per month; the period-close job computes them, admins may recompute). */
import { desc, eq } from 'drizzle-orm';
import { partnerScorecards } from '../../db/schema/partners-program.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import { computeMonthlyScorecard } from '../../partners/scorecards/scorecard-runs.js';
import type { GraphQLContext } from '../context.js';
import { db, now, settings } from './partners-shared.js';

export const partnerScorecardResolvers = {
  Mutation: {
    async computeScorecard(_: unknown, args: { partnerId: string; period: string }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      await ctx.auth.requirePartner(args.partnerId, 'member', 'read');
      return computeMonthlyScorecard(db(ctx), await settings(ctx), { ...args, now: now(ctx) });
    },
  },
  Partner: {
    scorecards(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(partnerScorecards).where(eq(partnerScorecards.partnerId, p.id)).orderBy(desc(partnerScorecards.period));
    },
  },
};
