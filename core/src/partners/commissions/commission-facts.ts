/**
 * Gathers, for one partner, the facts the commission rules need: its agency
 * tier over time (from approved tier reviews), the client workspaces it
 * managed and when, its referral attributions, and the revenue those
 * workspaces recorded.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { partnerClientGrants, partnerTierReviews, referralAttributions, revenueEvents } from '../../db/schema/partners.js';
import { DAY_MS } from '../money.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { referralTierFor, type AgencyTier, type CommissionFacts, type RevenueEventFact } from './commission-rules.js';

export interface PartnerFacts extends CommissionFacts {
  workspaceIds: string[];
  /** The partner's revenue events in [from, to). */
  eventsBetween(from: Date, to: Date): Promise<RevenueEventFact[]>;
}

const toFact = (r: typeof revenueEvents.$inferSelect): RevenueEventFact => ({ externalId: r.externalId, workspaceId: r.workspaceId, kind: r.kind, amountCents: r.amountCents, occurredAt: r.occurredAt, refundOf: r.refundOf });

export async function loadPartnerFacts(db: DbOrTx, partnerId: string, settings: PartnerProgramSettings): Promise<PartnerFacts> {
  const tiers = await db
    .select({ tier: partnerTierReviews.tier, at: partnerTierReviews.decidedAt })
    .from(partnerTierReviews)
    .where(and(eq(partnerTierReviews.partnerId, partnerId), eq(partnerTierReviews.state, 'approved')))
    .orderBy(asc(partnerTierReviews.decidedAt));
  const grants = await db.select().from(partnerClientGrants).where(eq(partnerClientGrants.partnerId, partnerId));
  const attributions = await db.select().from(referralAttributions).where(eq(referralAttributions.partnerId, partnerId));
  const attributed = new Set(attributions.map((a) => a.workspaceId));
  const workspaceIds = [...new Set([...grants.map((g) => g.workspaceId), ...attributed])];
  const payments = workspaceIds.length
    ? (await db.select().from(revenueEvents).where(and(inArray(revenueEvents.workspaceId, workspaceIds), eq(revenueEvents.kind, 'payment'))).orderBy(asc(revenueEvents.occurredAt), asc(revenueEvents.externalId))).map(toFact)
    : [];
  const byId = new Map(payments.map((p) => [p.externalId, p]));
  const first = new Map<string, RevenueEventFact>();
  for (const p of payments) if (!first.has(p.workspaceId)) first.set(p.workspaceId, p);
  const closedAt = [...attributed].map((w) => first.get(w)?.occurredAt.getTime()).filter((t): t is number => t !== undefined);
  return {
    workspaceIds,
    agencyTierAt(at) {
      let tier: AgencyTier | null = null;
      for (const t of tiers) if (t.at && t.at.getTime() <= at.getTime()) tier = t.tier;
      return tier;
    },
    managedAt(workspaceId, at) {
      const t = at.getTime();
      return grants.some((g) => g.workspaceId === workspaceId && g.grantedAt.getTime() <= t && (!g.revokedAt || g.revokedAt.getTime() > t));
    },
    attributed: (workspaceId) => attributed.has(workspaceId),
    firstPayment: (workspaceId) => first.get(workspaceId),
    referralTierAt(at) {
      const t = at.getTime();
      const total = closedAt.filter((c) => c <= t).length;
      const year = closedAt.filter((c) => c <= t && c > t - 365 * DAY_MS).length;
      return referralTierFor(total, year, settings);
    },
    payment: (externalId) => byId.get(externalId),
    async eventsBetween(from, to) {
      if (!workspaceIds.length) return [];
      const rows = await db.select().from(revenueEvents).where(and(inArray(revenueEvents.workspaceId, workspaceIds), gte(revenueEvents.occurredAt, from), lt(revenueEvents.occurredAt, to)));
      return rows.map(toFact);
    },
  };
}
