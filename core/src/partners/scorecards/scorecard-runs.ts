/** Computes and keeps a partner's monthly scorecard (one row per partner and month; a re-run updates it in place). */
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { partnerScorecards, trainingModules } from '../../db/schema/partners-program.js';
import { dealRegistrations, partnerOrgs, referralAttributions } from '../../db/schema/partners.js';
import { monthRange } from '../money.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { partnerRevenueCents, validCertificates } from '../tiers/tier-metrics.js';
import { computeScorecard, type ScorecardInputs } from './scorecard.js';

export type ScorecardRow = typeof partnerScorecards.$inferSelect;

export async function computeMonthlyScorecard(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; period: string; now: Date }): Promise<ScorecardRow> {
  const { start, end } = monthRange(input.period);
  const n = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n ?? 0);
  const certs = await validCertificates(db, input.partnerId, end.getTime() < input.now.getTime() ? end : input.now);
  const [partner] = await db.select({ nps: partnerOrgs.npsTenths }).from(partnerOrgs).where(eq(partnerOrgs.id, input.partnerId));
  const inputs: ScorecardInputs = {
    revenueCents: await partnerRevenueCents(db, input.partnerId, start, end),
    leads: await n(db.select({ n: count() }).from(referralAttributions).where(and(eq(referralAttributions.partnerId, input.partnerId), gte(referralAttributions.attributedAt, start), lt(referralAttributions.attributedAt, end)))),
    opportunities: await n(db.select({ n: count() }).from(dealRegistrations).where(and(eq(dealRegistrations.partnerId, input.partnerId), gte(dealRegistrations.submittedAt, start), lt(dealRegistrations.submittedAt, end)))),
    certifiedModules: new Set(certs.map((c) => c.moduleId)).size,
    totalModules: await n(db.select({ n: count() }).from(trainingModules)),
    npsTenths: partner?.nps ?? null,
  };
  const card = computeScorecard(inputs, settings);
  const values = { ...card, inputs, computedAt: input.now };
  const [row] = await db
    .insert(partnerScorecards)
    .values({ partnerId: input.partnerId, period: input.period, ...values })
    .onConflictDoUpdate({ target: [partnerScorecards.partnerId, partnerScorecards.period], set: values })
    .returning();
  return row!;
}
