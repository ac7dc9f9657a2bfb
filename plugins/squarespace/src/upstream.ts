/**
 * Calling the Squarespace Commerce APIs (api.squarespace.com/1.0): the required User-Agent,
 * cursor pagination (`pagination.nextPageCursor`) and mapping Squarespace errors to SDK errors.
 * @see https://developers.squarespace.com/commerce-apis/making-requests
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';

export const API = 'https://api.squarespace.com/1.0';

export const SQUARESPACE_ERROR_CODES = { PERMISSION_DENIED: 'PERMISSION_DENIED', UPSTREAM_ERROR: 'UPSTREAM_ERROR' } as const;

/** Squarespace refuses requests without a User-Agent naming the integration. */
export const HEADERS = { 'user-agent': 'NudgeCampaign-Integration/1.0', accept: 'application/json' } as const;

/** `{ hasNextPage, nextPageCursor, nextPageUrl }` of every list response. */
export interface Pagination {
  hasNextPage: boolean;
  nextPageCursor: string | null;
}

/** Throws the SDK error that tells the host what to do with a failed Squarespace response. */
export async function failure(res: { status: number; headers: Record<string, string>; text(): Promise<string> }): Promise<never> {
  const text = await res.text().catch(() => '');
  let message = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { type?: string; message?: string };
    message = [body.type, body.message].filter(Boolean).join(': ');
  } catch {
    // not JSON
  }
  if (res.status === 429) {
    const seconds = Number(res.headers['retry-after']);
    throw new RateLimitError('Squarespace is rate limiting this API key.', { retryAfter: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 });
  }
  if (res.status === 401) throw new AuthExpiredError('Squarespace rejected the API key (revoked or expired); create a new one under Settings → Developer API keys and reconnect.');
  if (res.status === 403) throw new PluginError(SQUARESPACE_ERROR_CODES.PERMISSION_DENIED, `The API key lacks a permission for this (${message}); give it read access to Orders and Profiles.`);
  if (res.status === 400) throw new InvalidInputError(`Squarespace did not accept the request: ${message}`);
  if (res.status >= 500) throw new RetryableError(`Squarespace answered ${res.status}; try again shortly.`);
  throw new PluginError(SQUARESPACE_ERROR_CODES.UPSTREAM_ERROR, `Squarespace answered ${res.status}: ${message}`);
}

/** Squarespace money: `{ value: "19.99", currency: "USD" }`. */
export function amount(money: { value?: string } | null | undefined): number {
  const n = Number(money?.value);
  return Number.isFinite(n) ? n : 0;
}

export function newer(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
