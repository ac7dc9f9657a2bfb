/**
 * Generated from schemas/partner-program-settings.schema.json by `npm run schemas:generate` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */
/* eslint-disable */

/**
 * The partner program's rules, edited by the internal team. Money is integer cents, rates integer basis points (1 % = 100). The defaults are the partnership strategy's values.
 */
export interface PartnerProgramSettings {
  agencyTiers: {
    /**
     * One agency tier's requirements and benefits.
     */
    certified: {
      /**
       * Recurring commission on managed accounts' revenue.
       */
      commissionBps: number;
      /**
       * Minutes of training with a valid certificate.
       */
      minTrainingMinutes: number;
      /**
       * Tracks with a valid certificate (advanced certification = all tracks).
       */
      requiredTracks: ('foundation' | 'technical' | 'sales')[];
      /**
       * Best assessment score needed, in basis points.
       */
      minAssessmentBps: number;
      minManagedAccounts: number;
      minAnnualRevenueCents: number;
      /**
       * NPS needed, in tenths (NPS > 8 → 81); null when not required.
       */
      minNpsTenths: number | null;
      whiteLabel: boolean;
    };
    /**
     * One agency tier's requirements and benefits.
     */
    premier: {
      /**
       * Recurring commission on managed accounts' revenue.
       */
      commissionBps: number;
      /**
       * Minutes of training with a valid certificate.
       */
      minTrainingMinutes: number;
      /**
       * Tracks with a valid certificate (advanced certification = all tracks).
       */
      requiredTracks: ('foundation' | 'technical' | 'sales')[];
      /**
       * Best assessment score needed, in basis points.
       */
      minAssessmentBps: number;
      minManagedAccounts: number;
      minAnnualRevenueCents: number;
      /**
       * NPS needed, in tenths (NPS > 8 → 81); null when not required.
       */
      minNpsTenths: number | null;
      whiteLabel: boolean;
    };
    /**
     * One agency tier's requirements and benefits.
     */
    strategic: {
      /**
       * Recurring commission on managed accounts' revenue.
       */
      commissionBps: number;
      /**
       * Minutes of training with a valid certificate.
       */
      minTrainingMinutes: number;
      /**
       * Tracks with a valid certificate (advanced certification = all tracks).
       */
      requiredTracks: ('foundation' | 'technical' | 'sales')[];
      /**
       * Best assessment score needed, in basis points.
       */
      minAssessmentBps: number;
      minManagedAccounts: number;
      minAnnualRevenueCents: number;
      /**
       * NPS needed, in tenths (NPS > 8 → 81); null when not required.
       */
      minNpsTenths: number | null;
      whiteLabel: boolean;
    };
  };
  /**
   * Referral tiers: a bounty per closed deal, then a share of first-year, then lifetime revenue.
   */
  referral: {
    attributionDays: number;
    individualBountyCents: number;
    professionalMinReferrals: number;
    professionalCommissionBps: number;
    professionalMonths: number;
    strategicMinAnnualReferrals: number;
    strategicCommissionBps: number;
  };
  deals: {
    autoApproveBelowCents: number;
    protectionDays: number;
  };
  reseller: {
    minDiscountBps: number;
    maxDiscountBps: number;
    minAnnualCommitCents: number;
    mdfBps: number;
  };
  scorecard: {
    /**
     * Percent weights; they must add up to 100.
     */
    weights: {
      revenue: number;
      activity: number;
      enablement: number;
      relationship: number;
    };
    levels: {
      platinum: number;
      gold: number;
      silver: number;
      bronze: number;
    };
    monthlyRevenueTargetCents: number;
    monthlyActivityTarget: number;
  };
  mdf: {
    rateBps: {
      certified: number;
      premier: number;
      strategic: number;
    };
    minCents: number;
    maxCents: number;
    categories: {
      demand_generation: {
        weightBps: number;
        /**
         * @minItems 1
         */
        activities: [string, ...string[]];
      };
      events: {
        weightBps: number;
        /**
         * @minItems 1
         */
        activities: [string, ...string[]];
      };
      enablement: {
        weightBps: number;
        /**
         * @minItems 1
         */
        activities: [string, ...string[]];
      };
      branding: {
        weightBps: number;
        /**
         * @minItems 1
         */
        activities: [string, ...string[]];
      };
    };
    reviewBusinessDays: number;
    reimbursementDays: number;
    roiTarget: number;
  };
  recruitment: {
    benchmarksBps: {
      identified_to_qualified: number;
      qualified_to_pitched: number;
      pitched_to_negotiating: number;
      negotiating_to_signed: number;
    };
  };
  training: {
    passMarkBps: number;
    certificateValidityDays: number;
  };
}
