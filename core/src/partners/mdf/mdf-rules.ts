/**
 * Market development funds (seed: MarketingDevelopmentFund). Pure rules:
 * - quarterly accrual: the quarter's net partner revenue × the tier's rate
 *   (certified 2 %, premier 3 %, strategic 5 %; resellers without an agency
 *   tier 3 %), rounded half away from zero, then held between $1,000 and
 *   $50,000. A partner with no rate (no tier, not a reseller) accrues nothing.
 * - a claim's activity must be one of the seed's eligible activities; its
 *   category's weight (demand generation 40 %, events 30 %, enablement 20 %,
 *   branding 10 %) caps the share of the quarter's fund that category may use.
 * - program ROI = (attributed revenue − reimbursed spend) / spend, against the
 *   target 3.0.
 */
import { applyBps, clampCents } from '../money.js';
import type { MdfCategory, PartnerProgramSettings } from '../settings/partner-settings.js';
import type { AgencyTier } from '../commissions/commission-rules.js';

export function mdfRateBps(s: PartnerProgramSettings, tier: AgencyTier | null, reseller: boolean): number {
  if (tier) return s.mdf.rateBps[tier];
  return reseller ? s.reseller.mdfBps : 0;
}

export function mdfAccrual(revenueCents: number, rateBps: number, s: PartnerProgramSettings): number {
  if (rateBps <= 0) return 0;
  return clampCents(applyBps(Math.max(0, revenueCents), rateBps), s.mdf.minCents, s.mdf.maxCents);
}

/** How much of a quarter's fund one category may use. */
export function categoryBudget(fundCents: number, category: MdfCategory, s: PartnerProgramSettings): number {
  return applyBps(fundCents, s.mdf.categories[category].weightBps);
}

export interface MdfRoi {
  spendCents: number;
  revenueCents: number;
  roi: number | null;
  target: number;
  meetsTarget: boolean;
}

export function mdfRoi(spendCents: number, revenueCents: number, s: PartnerProgramSettings): MdfRoi {
  const roi = spendCents > 0 ? (revenueCents - spendCents) / spendCents : null;
  return { spendCents, revenueCents, roi, target: s.mdf.roiTarget, meetsTarget: roi !== null && roi >= s.mdf.roiTarget };
}
