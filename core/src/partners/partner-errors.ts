/**
 * Partner program errors with stable codes: each is an AppError (mapped once
 * to HTTP problem+json and GraphQL `extensions.code`) whose `reason` detail
 * names the exact rule that refused the request.
 */
import { AppError, ERROR_CODES } from '../errors.js';

export const PARTNER_ERROR_REASONS = {
  DEAL_ALREADY_REGISTERED: 'DEAL_ALREADY_REGISTERED',
  DEAL_UNDER_REVIEW: 'DEAL_UNDER_REVIEW',
  DEAL_NOT_PENDING: 'DEAL_NOT_PENDING',
  REFERRAL_CODE_UNKNOWN: 'REFERRAL_CODE_UNKNOWN',
  ATTRIBUTION_WINDOW_EXPIRED: 'ATTRIBUTION_WINDOW_EXPIRED',
  ALREADY_ATTRIBUTED: 'ALREADY_ATTRIBUTED',
  TIER_REVIEW_DECIDED: 'TIER_REVIEW_DECIDED',
  RESELLER_TERMS_OUT_OF_RANGE: 'RESELLER_TERMS_OUT_OF_RANGE',
  MDF_ACTIVITY_NOT_ELIGIBLE: 'MDF_ACTIVITY_NOT_ELIGIBLE',
  MDF_BUDGET_EXCEEDED: 'MDF_BUDGET_EXCEEDED',
  MDF_CLAIM_STATE: 'MDF_CLAIM_STATE',
  PROSPECT_STAGE_ORDER: 'PROSPECT_STAGE_ORDER',
  ASSESSMENT_ANSWERS: 'ASSESSMENT_ANSWERS',
  SUPPORT_TICKET_TOO_LONG: 'SUPPORT_TICKET_TOO_LONG',
  SUPPORT_TICKET_CLOSED: 'SUPPORT_TICKET_CLOSED',
} as const;

export type PartnerErrorReason = (typeof PARTNER_ERROR_REASONS)[keyof typeof PARTNER_ERROR_REASONS];

/** A request the program's rules refuse because of existing state (409). */
export class PartnerConflictError extends AppError {
  constructor(reason: PartnerErrorReason, message: string) {
    super(ERROR_CODES.CONFLICT, message, { details: { reason } });
    this.name = 'PartnerConflictError';
  }
}

/** A request outside the program's rules (400). */
export class PartnerRuleError extends AppError {
  constructor(reason: PartnerErrorReason, message: string, path?: string) {
    super(ERROR_CODES.VALIDATION_FAILED, message, { details: path ? { reason, path } : { reason } });
    this.name = 'PartnerRuleError';
  }
}
