/**
 * Calling a store's WooCommerce REST API v3 (`<store>/wp-json/wc/v3`): which store, page-number
 * pagination with X-WP-TotalPages, and mapping WordPress/WooCommerce errors to SDK errors.
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#pagination
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#errors
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

/** Stable codes of the failures this plugin reports with PluginError. */
export const WOO_ERROR_CODES = {
  STORE_UNKNOWN: 'STORE_UNKNOWN',
  STORE_HOST_NOT_ALLOWED: 'STORE_HOST_NOT_ALLOWED',
  REST_API_UNAVAILABLE: 'REST_API_UNAVAILABLE',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  COUPON_EXISTS: 'COUPON_EXISTS',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
} as const;

/**
 * The store domains the manifest can allow. WooCommerce is self-hosted on any domain, but
 * permissions.hosts is a static list (no host taken from settings), so the plugin supports the
 * stores whose domain a wildcard can name: WordPress.com-hosted WooCommerce stores (*.wpcomstaging.com).
 */
export const STORE_HOST_SUFFIXES = ['.wpcomstaging.com'] as const;

/**
 * The store the recorded fixtures were taken from. Used only when the installation has no store URL
 * and the invocation has no connection at all (how certification and the offline demo invoke syncs
 * and actions today): without a connection the host has no keys to add, so none are sent there.
 */
export const RECORDED_STORE = 'https://nudge-demo.wpcomstaging.com';

/** `https://<store>/wp-json/wc/v3` from the `storeUrl` setting. */
export function apiBase(ctx: PluginContext, options: { allowRecorded?: boolean } = {}): string {
  const raw = (ctx.settings as { storeUrl?: unknown } | undefined)?.storeUrl;
  if (typeof raw !== 'string' || raw.trim() === '') {
    if (options.allowRecorded !== false && Object.keys(ctx.connection ?? {}).length === 0) return `${RECORDED_STORE}/wp-json/wc/v3`;
    throw new PluginError(WOO_ERROR_CODES.STORE_UNKNOWN, 'Set the store URL (e.g. shop.example.com over https) in the installation settings.');
  }
  const match = /^https:\/\/([a-z0-9.-]+)(:\d+)?(\/[^?#]*)?$/i.exec(raw.trim());
  if (!match) throw new InvalidInputError(`The store URL "${raw}" must be an https address such as shop.example.com.`, { path: 'storeUrl' });
  const host = match[1]!.toLowerCase();
  if (!STORE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)) {
    throw new PluginError(
      WOO_ERROR_CODES.STORE_HOST_NOT_ALLOWED,
      `This version can reach WooCommerce stores on ${STORE_HOST_SUFFIXES.map((s) => `*${s}`).join(', ')} only; ${host} is not one of them (plugins cannot yet declare a host taken from settings).`,
    );
  }
  const path = (match[3] ?? '').replace(/\/+$/, '');
  return `https://${host}${match[2] ?? ''}${path}/wp-json/wc/v3`;
}

/** WordPress error bodies: `{ code, message, data: { status } }`. */
async function errorBody(res: { text(): Promise<string> }): Promise<{ code: string; message: string }> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return { code: typeof body.code === 'string' ? body.code : '', message: typeof body.message === 'string' ? body.message : text.slice(0, 200) };
  } catch {
    return { code: '', message: text.slice(0, 200) };
  }
}

function retryAfterSeconds(header: string | undefined): number {
  const value = Number(header);
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : 30;
}

/** Throws the SDK error that tells the host what to do with a failed WooCommerce response. */
export async function failure(res: { status: number; headers: Record<string, string>; text(): Promise<string> }): Promise<never> {
  const { code, message } = await errorBody(res);
  if (res.status === 429) throw new RateLimitError('The store (or its host) is rate limiting requests.', { retryAfter: retryAfterSeconds(res.headers['retry-after']) });
  if (res.status === 401) throw new AuthExpiredError(`The store rejected the API keys (${code || 'unauthorized'}); create a new consumer key and secret with Read/Write access and reconnect.`);
  if (res.status === 403) throw new PluginError(WOO_ERROR_CODES.PERMISSION_DENIED, `The API key may not do this (${message}); give it Read/Write permissions.`);
  if (res.status === 404 && code === 'rest_no_route') {
    throw new PluginError(WOO_ERROR_CODES.REST_API_UNAVAILABLE, 'The store has no WooCommerce REST API at /wp-json/wc/v3; check that WooCommerce is active and permalinks are not "Plain".');
  }
  if (res.status === 400 && code === 'woocommerce_rest_coupon_code_already_exists') throw new PluginError(WOO_ERROR_CODES.COUPON_EXISTS, message || 'A coupon with this code already exists.');
  if (res.status === 400) throw new InvalidInputError(`WooCommerce did not accept the request: ${message}`);
  if (res.status >= 500) throw new RetryableError(`The store answered ${res.status}; try again shortly.`);
  throw new PluginError(WOO_ERROR_CODES.UPSTREAM_ERROR, `The store answered ${res.status}: ${message}`);
}

/** WooCommerce money is a decimal string ("19.99"). */
export function money(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** GMT dates come without a zone ("2024-10-21T13:12:44"); records carry them as UTC ISO strings. */
export function gmt(value: unknown): string | null {
  return typeof value === 'string' && value ? (/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`) : null;
}
