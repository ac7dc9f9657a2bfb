/** Errors of OAuth flows, with the stable codes the callback redirect and the API report. */
import { AppError, ERROR_CODES } from '../errors.js';

export const OAUTH_ERROR_CODES = [
  'access_denied',
  'state_mismatch',
  'iss_mismatch',
  'provider_error',
  'scope_not_granted',
  'invalid_grant',
  'token_exchange_failed',
  'provider_unreachable',
  'not_configured',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

const MESSAGES: Record<OAuthErrorCode, string> = {
  access_denied: 'You declined the authorization at the provider. Nothing was connected.',
  state_mismatch: 'This authorization link is invalid, expired or was started in another browser. Start the connection again.',
  iss_mismatch: 'The authorization response came from an unexpected issuer and was refused.',
  provider_error: 'The provider returned an error during authorization.',
  scope_not_granted: 'The provider did not grant every permission the integration needs. Approve all requested permissions and try again.',
  invalid_grant: 'The provider no longer accepts this authorization. Reconnect the account.',
  token_exchange_failed: 'The provider did not issue tokens. Try again, or contact support if it persists.',
  provider_unreachable: 'The provider could not be reached. Try again shortly.',
  not_configured: 'This provider has no OAuth client configured on this platform.',
};

export class OAuthError extends AppError {
  readonly oauthCode: OAuthErrorCode;

  constructor(oauthCode: OAuthErrorCode, detail?: string, cause?: unknown) {
    super(oauthCode === 'not_configured' ? ERROR_CODES.CONFLICT : ERROR_CODES.VALIDATION_FAILED, detail ? `${MESSAGES[oauthCode]} (${detail})` : MESSAGES[oauthCode], {
      cause,
      details: { oauthError: oauthCode },
    });
    this.name = 'OAuthError';
    this.oauthCode = oauthCode;
  }
}
