/**
 * Why an installation needs its account reconnected, in words. The platform
 * records the provider's answer (`invalid_grant`) or a sentence of its own;
 * a bare code never reaches the page.
 */
const REASONS: Record<string, string> = {
  invalid_grant: 'The provider no longer accepts the stored authorization: access was revoked there, or it expired.',
  invalid_client: 'The provider no longer recognises the platform’s app registration.',
  access_denied: 'Access was declined at the provider.',
};

export function reauthReason(reason: string | null | undefined): string {
  if (!reason) return 'The provider no longer accepts the stored authorization.';
  const known = REASONS[reason.trim()];
  if (known) return known;
  if (/^[a-z0-9_]+$/i.test(reason.trim())) return 'The provider refused the stored authorization.';
  const sentence = reason.trim();
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
}
