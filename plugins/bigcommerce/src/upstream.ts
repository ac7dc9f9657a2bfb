/**
 * Calling the BigCommerce REST API for one store (`api.bigcommerce.com/stores/{store_hash}`): the
 * store hash, and mapping BigCommerce's status codes to SDK errors.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const BIGCOMMERCE_ERROR_CODES = {
  STORE_UNKNOWN: 'STORE_UNKNOWN',
  SCOPE_MISSING: 'SCOPE_MISSING',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
} as const;

/**
 * The store the recorded fixtures were taken from. Used only when the installation has no store hash
 * and the invocation has no connection at all (how certification and the offline demo invoke syncs
 * today): without a connection the host has no token to add, so no credential is sent for it.
 */
export const RECORDED_STORE_HASH = 'nd3m0x7k2q';

const STORE_HASH = /^[a-z0-9]{5,20}$/;

/** `https://api.bigcommerce.com/stores/{store_hash}` from the `storeHash` setting. */
export function storeBase(ctx: PluginContext, options: { allowRecorded?: boolean } = {}): string {
  const raw = (ctx.settings as { storeHash?: unknown } | undefined)?.storeHash;
  let hash: string;
  if (typeof raw === 'string' && raw.trim() !== '') hash = raw.trim().toLowerCase();
  else if (options.allowRecorded !== false && Object.keys(ctx.connection ?? {}).length === 0) hash = RECORDED_STORE_HASH;
  else throw new PluginError(BIGCOMMERCE_ERROR_CODES.STORE_UNKNOWN, 'Set the store hash (the part after /stores/ in your API path) in the installation settings.');
  if (!STORE_HASH.test(hash)) throw new InvalidInputError(`"${hash}" is not a BigCommerce store hash (5–20 letters and digits).`, { path: 'storeHash' });
  return `https://api.bigcommerce.com/stores/${hash}`;
}

async function detail(res: { text(): Promise<string> }): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { title?: string; detail?: string } | Array<{ message?: string }>;
    if (Array.isArray(body)) return body.map((e) => e.message ?? '').join('; ');
    return [body.title, body.detail].filter(Boolean).join(': ');
  } catch {
    return text.slice(0, 200);
  }
}

/** Throws the SDK error that tells the host what to do with a failed BigCommerce response. */
export async function failure(res: { status: number; headers: Record<string, string>; text(): Promise<string> }): Promise<never> {
  const message = await detail(res);
  if (res.status === 429) {
    // BigCommerce says when the quota window resets, in milliseconds.
    const ms = Number(res.headers['x-rate-limit-time-reset-ms']);
    throw new RateLimitError('BigCommerce is rate limiting this API account.', { retryAfter: Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 30 });
  }
  if (res.status === 401) throw new AuthExpiredError('BigCommerce rejected the access token; create a new API account token and reconnect.');
  if (res.status === 403) throw new PluginError(BIGCOMMERCE_ERROR_CODES.SCOPE_MISSING, `The API account lacks a scope for this (${message || 'forbidden'}); give it read-only Customers and Orders.`);
  if (res.status === 400 || res.status === 422) throw new InvalidInputError(`BigCommerce did not accept the request: ${message}`);
  if (res.status >= 500) throw new RetryableError(`BigCommerce answered ${res.status}; try again shortly.`);
  throw new PluginError(BIGCOMMERCE_ERROR_CODES.UPSTREAM_ERROR, `BigCommerce answered ${res.status}: ${message}`);
}

export function money(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** v2 dates are RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"); records carry ISO 8601 UTC. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function newer(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Where an incremental sync run is: the page to read, the watermark it started from, the newest change seen so far. */
export interface SyncCursor {
  page: number;
  since: string | null;
  newest: string | null;
}

/**
 * The position to read from: the run's own cursor, or — at the start of a run — page 1 from the
 * watermark the last complete run stored under `watermarkKey`.
 */
export async function syncPosition(ctx: PluginContext, cursor: unknown, watermarkKey: string): Promise<SyncCursor> {
  const c = cursor as SyncCursor | null;
  if (c && typeof c.page === 'number') return { page: c.page, since: c.since, newest: c.newest };
  const stored = await ctx.store.get(watermarkKey);
  return { page: 1, since: typeof stored === 'string' ? stored : null, newest: null };
}
