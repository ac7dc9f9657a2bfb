/** Recorded revenue, monthly payout statements (idempotent re-runs), audited adjustments and CSV. */
import { and, desc, eq } from 'drizzle-orm';
import { payoutStatements } from '../../db/schema/partners-program.js';
import { addCommissionAdjustment, computePayoutStatement, statementCsv, type PayoutStatementRow, type StatementBody } from '../../partners/commissions/payout-statements.js';
import { recordRevenueEvent } from '../../partners/commissions/revenue-events.js';
import type { PartnerRow } from '../../partners/partner-orgs.js';
import type { GraphQLContext } from '../context.js';
import { cents, db, now, settings } from './partners-shared.js';

export interface RevenueArgs {
  input: { externalId: string; workspaceId: string; kind: 'payment' | 'refund'; amountCents: number; refundOf?: string | null; occurredAt: Date };
}

export const partnerCommissionResolvers = {
  Mutation: {
    async recordRevenueEvent(_: unknown, args: RevenueArgs, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      return (await recordRevenueEvent(db(ctx), { ...args.input, amountCents: cents(args.input.amountCents, 'amountCents') })).event;
    },
    async computePayoutStatement(_: unknown, args: { partnerId: string; period: string }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      await ctx.auth.requirePartner(args.partnerId, 'member', 'read');
      return (await computePayoutStatement(db(ctx), await settings(ctx), { ...args, now: now(ctx) })).statement;
    },
    async addCommissionAdjustment(_: unknown, args: { partnerId: string; period: string; amountCents: number; reason: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      await ctx.auth.requirePartner(args.partnerId, 'member', 'read');
      return (await addCommissionAdjustment(db(ctx), await settings(ctx), { ...args, amountCents: cents(args.amountCents, 'amountCents'), userId: actor.userId, now: now(ctx) })).statement;
    },
  },
  PayoutStatement: {
    lines: (s: PayoutStatementRow) => (s.lines as StatementBody).lines,
    adjustments: (s: PayoutStatementRow) => (s.lines as StatementBody).adjustments,
    csv: (s: PayoutStatementRow) => statementCsv(s),
  },
  Partner: {
    statements(p: PartnerRow, _: unknown, ctx: GraphQLContext) {
      return db(ctx).select().from(payoutStatements).where(eq(payoutStatements.partnerId, p.id)).orderBy(desc(payoutStatements.period));
    },
    async statement(p: PartnerRow, args: { period: string }, ctx: GraphQLContext) {
      const [row] = await db(ctx).select().from(payoutStatements).where(and(eq(payoutStatements.partnerId, p.id), eq(payoutStatements.period, args.period)));
      return row ?? null;
    },
  },
};
