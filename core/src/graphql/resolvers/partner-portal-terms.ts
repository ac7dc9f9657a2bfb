/**
 * `Partner.programTerms`: the program's commission rates, deal-registration
 * limits and eligible MDF activities, read from the program's settings, so the partner portal's commission
 * calculator and deal form show the server's numbers instead of copies that
 * could drift. Authorization is the Partner's own: a Partner is reached only
 * through fields the Authorizer guards (`partner` → requirePartner: its
 * members and the internal team; `myPartners`: the caller's own; `partners`:
 * the internal team), and the terms are the same for every partner.
 */
import { readPartnerSettings } from '../../partners/settings/partner-settings.js';
import type { GraphQLContext } from '../context.js';

const AGENCY_TIERS = ['certified', 'premier', 'strategic'] as const;

export const partnerPortalTermsResolvers = {
  Partner: {
    async programTerms(_: unknown, __: unknown, ctx: GraphQLContext) {
      const s = await readPartnerSettings(ctx.services.database.db);
      return {
        agencyTiers: AGENCY_TIERS.map((tier) => ({ tier, commissionBps: s.agencyTiers[tier].commissionBps })),
        referralBountyCents: s.referral.individualBountyCents,
        referralProfessionalBps: s.referral.professionalCommissionBps,
        referralProfessionalMonths: s.referral.professionalMonths,
        referralStrategicBps: s.referral.strategicCommissionBps,
        dealAutoApproveBelowCents: s.deals.autoApproveBelowCents,
        dealProtectionDays: s.deals.protectionDays,
        mdfCategories: Object.entries(s.mdf.categories).map(([category, c]) => ({ category, weightBps: c.weightBps, activities: c.activities })),
        mdfReviewBusinessDays: s.mdf.reviewBusinessDays,
        mdfReimbursementDays: s.mdf.reimbursementDays,
      };
    },
  },
};
