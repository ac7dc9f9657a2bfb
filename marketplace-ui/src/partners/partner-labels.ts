/** Product names for the partner API's enums. */
import type { AgencyTier, DealState, PartnerKind, ReferralTier, ScorecardLevel, TrainingTrack } from '../graphql/generated/graphql';

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = { TECHNOLOGY: 'Technology partner', AGENCY: 'Agency', RESELLER: 'Reseller', REFERRER: 'Referral partner' };
export const TIER_LABELS: Record<AgencyTier, string> = { CERTIFIED: 'Certified', PREMIER: 'Premier', STRATEGIC: 'Strategic' };
export const REFERRAL_TIER_LABELS: Record<ReferralTier, string> = { INDIVIDUAL: 'Individual', PROFESSIONAL: 'Professional', STRATEGIC: 'Strategic' };
export const LEVEL_LABELS: Record<ScorecardLevel, string> = { PLATINUM: 'Platinum', GOLD: 'Gold', SILVER: 'Silver', BRONZE: 'Bronze', NONE: 'Below Bronze' };
export const TRACK_LABELS: Record<TrainingTrack, string> = { FOUNDATION: 'Foundation', TECHNICAL: 'Technical', SALES: 'Sales' };
export const DEAL_STATE_LABELS: Record<DealState, string> = { APPROVED: 'Approved', PENDING_REVIEW: 'In manual review', REJECTED: 'Not approved', EXPIRED: 'Protection ended' };

/** "2027-03" → "Mar 2027". */
export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
