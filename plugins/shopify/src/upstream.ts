/**
 * Calling the Shopify Admin REST API (2024-10) for one shop: which shop, the base URL, cursor
 * pagination through the Link header, and mapping Shopify's status codes to SDK errors.
 * @see https://shopify.dev/docs/api/admin-rest/usage/pagination
 * @see https://shopify.dev/docs/api/admin-rest/usage/response-codes
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const API_VERSION = '2024-10';

/** Stable codes of the failures this plugin reports with PluginError. */
export const SHOPIFY_ERROR_CODES = {
  SHOP_UNKNOWN: 'SHOP_UNKNOWN',
  SHOP_FROZEN: 'SHOP_FROZEN',
  SHOP_LOCKED: 'SHOP_LOCKED',
  SCOPE_MISSING: 'SCOPE_MISSING',
  NOT_FOUND: 'NOT_FOUND',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
} as const;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * The shop the recorded fixtures were taken from. It is used only when the invocation has no
 * connection at all (ctx.connection is empty): that is how certification and the offline demo
 * invoke syncs and actions today, and without a connection the host has no token to attach, so
 * nothing is sent with anyone's credentials. A connected installation always names its shop.
 */
export const RECORDED_SHOP = 'nudge-demo.myshopify.com';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The shop's myshopify.com domain: the OAuth callback's `shop` (ctx.connection.shop), else the
 * `shop` connection parameter the user typed (ctx.connection.params.shop).
 */
export function shopDomain(ctx: PluginContext, options: { allowRecorded?: boolean } = {}): string {
  const connection = ctx.connection ?? {};
  const params = (connection.params ?? {}) as Record<string, unknown>;
  const shop = text(connection.shop) ?? text(params.shop);
  if (shop) {
    const normalized = shop.trim().toLowerCase();
    if (!SHOP_DOMAIN.test(normalized)) throw new InvalidInputError(`"${shop}" is not a myshopify.com domain; reconnect with your shop's domain, e.g. acme.myshopify.com.`, { path: 'shop' });
    return normalized;
  }
  if (options.allowRecorded !== false && Object.keys(connection).length === 0) return RECORDED_SHOP;
  throw new PluginError(SHOPIFY_ERROR_CODES.SHOP_UNKNOWN, 'The connection does not name a shop; reconnect Shopify with your shop domain (acme.myshopify.com).');
}

/** `https://<shop>/admin/api/2024-10` for this invocation's shop. */
export function adminBase(ctx: PluginContext, options?: { allowRecorded?: boolean }): string {
  return `https://${shopDomain(ctx, options)}/admin/api/${API_VERSION}`;
}

/** Seconds to wait from Shopify's `Retry-After` (e.g. "2.0"), at least 1. */
function retryAfterSeconds(header: string | undefined): number {
  const value = Number(header);
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : 2;
}

/** Shopify's error body: `{ errors: "..." }` or `{ errors: { field: ["..."] } }`. */
async function errorDetail(res: { text(): Promise<string> }): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const errors = (JSON.parse(body) as { errors?: unknown }).errors;
    if (typeof errors === 'string') return errors;
    if (errors && typeof errors === 'object') {
      return Object.entries(errors as Record<string, unknown>)
        .map(([field, msgs]) => `${field} ${Array.isArray(msgs) ? msgs.join(', ') : String(msgs)}`)
        .join('; ');
    }
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
}

/** Throws the SDK error that tells the host what to do with a failed Shopify response. */
export async function failure(res: { status: number; headers: Record<string, string>; text(): Promise<string> }): Promise<never> {
  const detail = await errorDetail(res);
  switch (true) {
    case res.status === 401:
      throw new AuthExpiredError('Shopify rejected the access token (the app may have been uninstalled); reconnect the shop.');
    case res.status === 402:
      throw new PluginError(SHOPIFY_ERROR_CODES.SHOP_FROZEN, 'The shop is frozen for an unpaid Shopify bill; it can be read again once the bill is paid.');
    case res.status === 403:
      throw new PluginError(SHOPIFY_ERROR_CODES.SCOPE_MISSING, `Shopify refused the request (${detail || 'missing access scope'}); reconnect and grant the requested scopes.`);
    case res.status === 404:
      throw new PluginError(SHOPIFY_ERROR_CODES.NOT_FOUND, `Shopify has no such resource (${detail || '404'}).`);
    case res.status === 422:
      throw new InvalidInputError(`Shopify did not accept the request: ${detail}`);
    case res.status === 423:
      throw new PluginError(SHOPIFY_ERROR_CODES.SHOP_LOCKED, 'The shop is locked by Shopify; contact Shopify support.');
    case res.status === 429:
      throw new RateLimitError('Shopify is rate limiting this app (leaky bucket full).', { retryAfter: retryAfterSeconds(res.headers['retry-after']) });
    case res.status >= 500:
      throw new RetryableError(`Shopify answered ${res.status}; try again shortly.`);
    default:
      throw new PluginError(SHOPIFY_ERROR_CODES.UPSTREAM_ERROR, `Shopify answered ${res.status}: ${detail}`);
  }
}

/** The `page_info` of the `rel="next"` link in a Link header, if there is one. */
export function nextPageInfo(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!match) continue;
    const query = match[1]!.split('?')[1] ?? '';
    for (const pair of query.split('&')) {
      const [key, value] = pair.split('=');
      if (key === 'page_info' && value) return decodeURIComponent(value);
    }
  }
  return null;
}

/** Shopify ids are 64-bit integers; records carry them as strings. */
export function idOf(value: unknown): string | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null;
}

/** Shopify money fields are decimal strings ("19.99"). */
export function money(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** Shopify's comma-separated tags as a list. */
export function tagList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((t) => t.trim()).filter(Boolean) : [];
}
