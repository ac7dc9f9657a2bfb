/** The partner portal's dashboard numbers for one partner, from stored data. */
import { and, count, desc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { partnerScorecards, payoutStatements, trainingModules } from '../../db/schema/partners-program.js';
import { partnerClientGrants, referralAttributions, revenueEvents } from '../../db/schema/partners.js';
import { supportTicketCounts } from '../support/support-tickets.js';
import { addMonths, DAY_MS, monthOf, sumCents } from '../money.js';
import { partnerRevenueCents, partnerWorkspaceIds, validCertificates } from '../tiers/tier-metrics.js';

export async function partnerDashboard(db: Db, partnerId: string, now: Date) {
  const ids = await partnerWorkspaceIds(db, partnerId);
  const trendFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const trendRows = ids.length
    ? await db
        .select({ period: sql<string>`to_char(${revenueEvents.occurredAt} at time zone 'UTC', 'YYYY-MM')`, net: sql<string>`sum(case when ${revenueEvents.kind} = 'payment' then ${revenueEvents.amountCents} else -${revenueEvents.amountCents} end)` })
        .from(revenueEvents)
        .where(and(inArray(revenueEvents.workspaceId, ids), gte(revenueEvents.occurredAt, trendFrom)))
        .groupBy(sql`1`)
    : [];
  const byMonth = new Map(trendRows.map((r) => [r.period, Number(r.net)]));
  const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonths(trendFrom, i)));
  const statements = await db.select({ period: payoutStatements.period, total: payoutStatements.totalCents }).from(payoutStatements).where(eq(payoutStatements.partnerId, partnerId));
  const [managed] = await db.select({ n: count() }).from(partnerClientGrants).where(and(eq(partnerClientGrants.partnerId, partnerId), isNull(partnerClientGrants.revokedAt)));
  const [referred] = await db.select({ n: count() }).from(referralAttributions).where(eq(referralAttributions.partnerId, partnerId));
  const [modules] = await db.select({ n: count() }).from(trainingModules);
  const certs = await validCertificates(db, partnerId, now);
  const [latest] = await db.select({ period: partnerScorecards.period, total: partnerScorecards.total }).from(partnerScorecards).where(eq(partnerScorecards.partnerId, partnerId)).orderBy(desc(partnerScorecards.period)).limit(1);
  let leaderboardRank: number | null = null;
  if (latest) {
    const [ahead] = await db.select({ n: count() }).from(partnerScorecards).where(and(eq(partnerScorecards.period, latest.period), gt(partnerScorecards.total, latest.total)));
    leaderboardRank = Number(ahead?.n ?? 0) + 1;
  }
  const tickets = await supportTicketCounts(db, partnerId);
  const commission = new Map(statements.map((s) => [s.period, s.total]));
  return {
    revenueGeneratedCents: await partnerRevenueCents(db, partnerId, new Date(now.getTime() - 365 * DAY_MS), now),
    customersManaged: Number(managed?.n ?? 0),
    customersReferred: Number(referred?.n ?? 0),
    commissionEarnedCents: sumCents(statements.map((s) => s.total)),
    trainingCompleted: new Set(certs.map((c) => c.moduleId)).size,
    trainingTotal: Number(modules?.n ?? 0),
    revenueTrend: months.map((period) => ({ period, amountCents: byMonth.get(period) ?? 0 })),
    commissionTrend: months.map((period) => ({ period, amountCents: commission.get(period) ?? 0 })),
    leaderboardRank,
    openSupportTickets: tickets.open,
    supportTicketsTotal: tickets.total,
  };
}
