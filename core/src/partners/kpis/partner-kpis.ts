/**
 * Program KPIs from stored data over the trailing 365 days (seed:
 * PartnershipMetrics.kpiFramework), with the seed's targets, and the program
 * ROI through calculatePartnerROI: direct = referred workspaces' net revenue,
 * influenced = managed workspaces' net revenue, commissions = payout
 * statements, marketing fund = reimbursed MDF; the program's own costs
 * (management, enablement, tools) are entered by the internal team.
 */
import { and, count, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { payoutStatements, partnerProspects } from '../../db/schema/partners-program.js';
import { dealRegistrations, partnerClientGrants, partnerOrgs, referralAttributions, revenueEvents } from '../../db/schema/partners.js';
import { DAY_MS, monthOf, sumCents } from '../money.js';
import { mdfRoi } from '../mdf/mdf-rules.js';
import { mdfTotals } from '../mdf/mdf-service.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { calculatePartnerROI, type ProgramRoi } from './partner-roi.js';

export const SEED_KPI_TARGETS = { partnersRecruited: 100, activationRateBps: 8000, partnerSourcedRevenueCents: 2_000_000_00, partnerInfluencedRevenueCents: 5_000_000_00, averageDealSizeCents: 5_000_00, revenuePerPartnerCents: 50_000_00, partnerRoi: 5.0 };

export interface ProgramCostInputs {
  programManagementCents: number;
  enablementCents: number;
  toolsAndSystemsCents: number;
}

async function netRevenue(db: Db, workspaceIds: string[], from: Date): Promise<{ net: number; byWorkspace: Map<string, number> }> {
  if (!workspaceIds.length) return { net: 0, byWorkspace: new Map() };
  const rows = await db
    .select({ w: revenueEvents.workspaceId, net: sql<string>`sum(case when ${revenueEvents.kind} = 'payment' then ${revenueEvents.amountCents} else -${revenueEvents.amountCents} end)` })
    .from(revenueEvents)
    .where(and(inArray(revenueEvents.workspaceId, workspaceIds), gte(revenueEvents.occurredAt, from)))
    .groupBy(revenueEvents.workspaceId);
  const byWorkspace = new Map(rows.map((r) => [r.w, Number(r.net)]));
  return { net: sumCents([...byWorkspace.values()]), byWorkspace };
}

export async function partnerKpis(db: Db, settings: PartnerProgramSettings, now: Date, costs: ProgramCostInputs) {
  const from = new Date(now.getTime() - 365 * DAY_MS);
  const [partners] = await db.select({ n: count() }).from(partnerOrgs);
  const [signed] = await db.select({ n: count() }).from(partnerProspects).where(and(eq(partnerProspects.stage, 'signed'), gte(partnerProspects.createdAt, from)));
  const refs = await db.select({ w: referralAttributions.workspaceId, p: referralAttributions.partnerId }).from(referralAttributions);
  const grants = await db.select({ w: partnerClientGrants.workspaceId, p: partnerClientGrants.partnerId }).from(partnerClientGrants);
  const sourced = await netRevenue(db, [...new Set(refs.map((r) => r.w))], from);
  const influenced = await netRevenue(db, [...new Set(grants.map((g) => g.w))], from);
  const active = new Set([...refs, ...grants].filter((x) => (sourced.byWorkspace.get(x.w) ?? influenced.byWorkspace.get(x.w) ?? 0) > 0).map((x) => x.p));
  const [deals] = await db
    .select({ n: count(), total: sql<string>`coalesce(sum(${dealRegistrations.amountCents}), 0)` })
    .from(dealRegistrations)
    .where(and(inArray(dealRegistrations.state, ['approved', 'expired']), isNotNull(dealRegistrations.decidedAt), gte(dealRegistrations.submittedAt, from)));
  const [commissions] = await db.select({ total: sql<string>`coalesce(sum(${payoutStatements.totalCents}), 0)` }).from(payoutStatements).where(gte(payoutStatements.period, monthOf(from)));
  const mdf = await mdfTotals(db);
  const partnerCount = Number(partners?.n ?? 0);
  const roi: ProgramRoi = calculatePartnerROI(
    { directCents: sourced.net, influencedCents: influenced.net, retentionCents: 0 },
    { ...costs, marketingFundCents: mdf.spendCents, commissionsCents: Number(commissions?.total ?? 0) },
  );
  return {
    from,
    to: now,
    partners: partnerCount,
    partnersRecruited: Number(signed?.n ?? 0),
    activationRateBps: partnerCount ? Math.floor((active.size * 10_000) / partnerCount) : null,
    partnerSourcedRevenueCents: sourced.net,
    partnerInfluencedRevenueCents: influenced.net,
    averageDealSizeCents: Number(deals?.n ?? 0) ? Math.floor(Number(deals!.total) / Number(deals!.n)) : null,
    revenuePerPartnerCents: partnerCount ? Math.floor((sourced.net + influenced.net) / partnerCount) : null,
    roi,
    mdfRoi: mdfRoi(mdf.spendCents, mdf.revenueCents, settings),
    targets: SEED_KPI_TARGETS,
  };
}
