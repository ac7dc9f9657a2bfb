/** Why a single sign-on attempt failed: a stable code the login page explains in product language. */
import { AppError, ERROR_CODES } from '../../errors.js';

export const SSO_ERROR_CODES = [
  'sso_denied',
  'sso_state_mismatch',
  'sso_expired',
  'sso_provider_error',
  'sso_email_missing',
  'sso_email_unverified',
  'sso_domain_not_allowed',
  'sso_unavailable',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

const MESSAGES: Record<SsoErrorCode, string> = {
  sso_denied: 'You cancelled the sign-in at your identity provider.',
  sso_state_mismatch: 'This sign-in link is invalid or was started in another browser. Start again.',
  sso_expired: 'The sign-in took too long. Start again.',
  sso_provider_error: 'Your identity provider refused the sign-in.',
  sso_email_missing: 'Your identity provider did not share an email address.',
  sso_email_unverified: 'Your identity provider has not verified your email address.',
  sso_domain_not_allowed: 'Accounts from this email domain cannot sign in here.',
  sso_unavailable: 'Single sign-on is not available right now. Try again shortly.',
};

export class SsoError extends AppError {
  readonly ssoCode: SsoErrorCode;

  constructor(ssoCode: SsoErrorCode, detail?: string, cause?: unknown) {
    super(ssoCode === 'sso_unavailable' ? ERROR_CODES.INTERNAL : ERROR_CODES.UNAUTHENTICATED, detail ? `${MESSAGES[ssoCode]} (${detail})` : MESSAGES[ssoCode], {
      cause,
      details: { ssoError: ssoCode },
    });
    this.name = 'SsoError';
    this.ssoCode = ssoCode;
  }
}
