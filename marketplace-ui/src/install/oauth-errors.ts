/** What each `?oauth_error=` code the platform's OAuth callback returns means to the person installing. */
const OAUTH_ERROR_SENTENCES: Record<string, string> = {
  access_denied: 'You declined the request at the provider. Nothing was connected; try again when you are ready.',
  state_mismatch: 'The sign-in link expired or was opened in another browser. Start the connection again.',
  iss_mismatch: 'The answer came from an unexpected sign-in server and was refused for your safety.',
  provider_error: 'The provider reported an error during sign-in. Try again.',
  scope_not_granted: 'Not every permission the integration needs was approved. Approve all requested permissions and try again.',
  invalid_grant: 'The provider no longer accepts this authorization. Reconnect the account.',
  token_exchange_failed: 'The provider did not complete the sign-in. Try again, or contact support if it keeps happening.',
  provider_unreachable: 'The provider could not be reached. Try again in a few minutes.',
  not_configured: 'This platform has no OAuth app set up for this provider yet. Ask a platform admin to configure it.',
};

export function oauthErrorSentence(code: string): string {
  return OAUTH_ERROR_SENTENCES[code] ?? 'The sign-in with the provider did not complete. Try again.';
}
