/**
 * Shared by the partner program's resolver modules: the enum maps (GraphQL
 * upper case ↔ stored lower case), the request's clock and settings, and
 * money arguments (cents arrive as Float and must be whole).
 */
import { AGENCY_TIERS, DEAL_STATES, PARTNER_KINDS, PARTNER_ROLES, REFERRAL_TIERS, REVENUE_KINDS, TIER_REVIEW_STATES } from '../../db/schema/partners.js';
import { MDF_CLAIM_STATES, PROSPECT_STAGES, SCORECARD_LEVELS, TRAINING_TRACKS } from '../../db/schema/partners-program.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { isUuid } from '../authorization.js';
import { readPartnerSettings } from '../../partners/settings/partner-settings.js';
import type { GraphQLContext } from '../context.js';

const lower = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as { [K in T[number] as Uppercase<K>]: K };

export const partnerEnums = {
  PartnerKind: lower(PARTNER_KINDS),
  PartnerRole: lower(PARTNER_ROLES),
  AgencyTier: lower(AGENCY_TIERS),
  ReferralTier: lower(REFERRAL_TIERS),
  ReviewState: lower(TIER_REVIEW_STATES),
  DealState: lower(DEAL_STATES),
  RevenueKind: lower(REVENUE_KINDS),
  ScorecardLevel: lower(SCORECARD_LEVELS),
  MdfClaimState: lower(MDF_CLAIM_STATES),
  ProspectStage: lower(PROSPECT_STAGES),
  TrainingTrack: lower(TRAINING_TRACKS),
};

export const now = (ctx: GraphQLContext) => ctx.services.clock.now();
export const db = (ctx: GraphQLContext) => ctx.services.database.db;
export const settings = (ctx: GraphQLContext) => readPartnerSettings(ctx.services.database.db);

/** A whole number of cents from a Float argument. */
export function cents(value: number, path: string): number {
  if (!Number.isSafeInteger(value)) throw new ValidationError(`${path} must be a whole number of cents.`, { path });
  return value;
}

/** Ids that are not UUIDs cannot exist: NOT_FOUND before PostgreSQL raises a cast error. */
export function uuidOrNotFound(id: string, what: string): string {
  if (!isUuid(id)) throw new NotFoundError(what);
  return id;
}
