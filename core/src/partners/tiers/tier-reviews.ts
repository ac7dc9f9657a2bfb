/**
 * Tier reviews: a partner asks for an agency tier; the request stores the
 * evaluation from real data (each requirement, measured value, met or not).
 * The internal team approves or rejects it; approval sets the partner's tier
 * (and white-label for strategic) from that moment — commissions use the tier
 * in force at each payment. Every decision is audited.
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { partnerOrgs, partnerTierReviews } from '../../db/schema/partners.js';
import { NotFoundError } from '../../errors.js';
import type { AgencyTier } from '../commissions/commission-rules.js';
import { PARTNER_ERROR_REASONS, PartnerConflictError } from '../partner-errors.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { evaluateAllTiers, evaluateTier } from './tier-eligibility.js';
import { measureTierMetrics } from './tier-metrics.js';

export type TierReviewRow = typeof partnerTierReviews.$inferSelect;

export async function requestTierReview(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; tier: AgencyTier; userId: string; now: Date }): Promise<TierReviewRow> {
  const evaluation = evaluateTier(input.tier, settings.agencyTiers[input.tier], await measureTierMetrics(db, input.partnerId, input.now));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(partnerTierReviews).values({ partnerId: input.partnerId, tier: input.tier, eligible: evaluation.eligible, evaluation, requestedAt: input.now }).returning();
    await audit(tx, { actorUserId: input.userId, action: 'partner.tier.request', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { reviewId: row!.id, tier: input.tier, eligible: evaluation.eligible } });
    return row!;
  });
}

export async function decideTierReview(db: Db, settings: PartnerProgramSettings, input: { reviewId: string; approve: boolean; note: string | null; userId: string; now: Date }): Promise<TierReviewRow> {
  return db.transaction(async (tx) => {
    const [review] = await tx.select().from(partnerTierReviews).where(eq(partnerTierReviews.id, input.reviewId)).for('update');
    if (!review) throw new NotFoundError('Tier review');
    if (review.state !== 'pending') throw new PartnerConflictError(PARTNER_ERROR_REASONS.TIER_REVIEW_DECIDED, `This tier review was already ${review.state}.`);
    const [row] = await tx
      .update(partnerTierReviews)
      .set({ state: input.approve ? 'approved' : 'rejected', decidedAt: input.now, decidedBy: input.userId, note: input.note })
      .where(eq(partnerTierReviews.id, input.reviewId))
      .returning();
    if (input.approve) await tx.update(partnerOrgs).set({ agencyTier: review.tier, whiteLabel: settings.agencyTiers[review.tier].whiteLabel }).where(eq(partnerOrgs.id, review.partnerId));
    await audit(tx, { actorUserId: input.userId, action: input.approve ? 'partner.tier.approve' : 'partner.tier.reject', targetType: 'partner', targetId: review.partnerId, at: input.now, reason: input.note, data: { reviewId: review.id, tier: review.tier, eligible: review.eligible } });
    return row!;
  });
}

const TIER_ORDER: AgencyTier[] = ['certified', 'premier', 'strategic'];

/**
 * Run by the period-close job: when an agency's measured data makes it
 * eligible for a tier above its own, a pending review for the highest such
 * tier is opened for the internal team (once; an open review is not repeated).
 */
export async function flagEligibleTier(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; now: Date }): Promise<TierReviewRow | null> {
  const [partner] = await db.select().from(partnerOrgs).where(eq(partnerOrgs.id, input.partnerId));
  if (!partner || partner.kind !== 'agency') return null;
  const current = partner.agencyTier ? TIER_ORDER.indexOf(partner.agencyTier) : -1;
  const evaluations = evaluateAllTiers(settings, await measureTierMetrics(db, input.partnerId, input.now));
  const best = evaluations.filter((e) => e.eligible && TIER_ORDER.indexOf(e.tier) > current).at(-1);
  if (!best) return null;
  const [open] = await db.select({ id: partnerTierReviews.id }).from(partnerTierReviews).where(and(eq(partnerTierReviews.partnerId, input.partnerId), eq(partnerTierReviews.tier, best.tier), eq(partnerTierReviews.state, 'pending')));
  if (open) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerTierReviews)
      .values({ partnerId: input.partnerId, tier: best.tier, eligible: true, evaluation: best, requestedAt: input.now, note: 'Opened automatically: the measured data meets this tier.' })
      .returning();
    await audit(tx, { actorUserId: null, action: 'partner.tier.flag', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { reviewId: row!.id, tier: best.tier } });
    return row!;
  });
}
