/** The partner program's resolver modules, in the order the schema wires them (core/src/graphql/schema.ts). */
import { partnerAgencyResolvers } from './partners-agency.js';
import { partnerCommissionResolvers } from './partners-commissions.js';
import { partnerDealResolvers } from './partners-deals.js';
import { partnerKpiResolvers } from './partners-kpis.js';
import { partnerMdfResolvers } from './partners-mdf.js';
import { partnerOrgResolvers } from './partners-orgs.js';
import { partnerRecruitmentResolvers } from './partners-recruitment.js';
import { partnerReferralResolvers } from './partners-referrals.js';
import { partnerScorecardResolvers } from './partners-scorecards.js';
import { partnerEnums } from './partners-shared.js';
import { partnerSupportResolvers } from './partners-support.js';
import { partnerTierResolvers } from './partners-tiers.js';
import { partnerTrainingResolvers } from './partners-training.js';

export const partnerResolverModules = [
  partnerEnums,
  partnerOrgResolvers,
  partnerAgencyResolvers,
  partnerReferralResolvers,
  partnerCommissionResolvers,
  partnerDealResolvers,
  partnerTierResolvers,
  partnerScorecardResolvers,
  partnerMdfResolvers,
  partnerRecruitmentResolvers,
  partnerTrainingResolvers,
  partnerKpiResolvers,
  partnerSupportResolvers,
];
