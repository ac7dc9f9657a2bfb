/**
 * Calling the QuickBooks Online Accounting API for the connected company: the realmId the OAuth
 * callback returned (ctx.connection.realmId), the minor version, and mapping Intuit faults to SDK errors.
 * @see https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const MINOR_VERSION = '75';

export const QUICKBOOKS_ERROR_CODES = { COMPANY_UNKNOWN: 'COMPANY_UNKNOWN', PERMISSION_DENIED: 'PERMISSION_DENIED', UPSTREAM_ERROR: 'UPSTREAM_ERROR' } as const;

/** `https://quickbooks.api.intuit.com/v3/company/{realmId}` of the connected company. */
export function companyBase(ctx: PluginContext): string {
  const realmId = ctx.connection?.realmId;
  if ((typeof realmId !== 'string' && typeof realmId !== 'number') || !/^\d{1,32}$/.test(String(realmId))) {
    throw new PluginError(QUICKBOOKS_ERROR_CODES.COMPANY_UNKNOWN, 'The connection does not name a QuickBooks company (realmId); reconnect QuickBooks.');
  }
  return `https://quickbooks.api.intuit.com/v3/company/${realmId}`;
}

/** Intuit's fault body: `{ Fault: { Error: [{ Message, Detail, code }], type } }`. */
async function fault(res: { text(): Promise<string> }): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { Fault?: { Error?: Array<{ Message?: string; Detail?: string; code?: string }> }; fault?: { error?: Array<{ message?: string; detail?: string }> } };
    const errors = body.Fault?.Error ?? body.fault?.error?.map((e) => ({ Message: e.message, Detail: e.detail })) ?? [];
    return errors.map((e) => [e.Message, e.Detail].filter(Boolean).join(': ')).join('; ') || text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** Throws the SDK error that tells the host what to do with a failed QuickBooks response. */
export async function failure(res: { status: number; headers: Record<string, string>; text(): Promise<string> }): Promise<never> {
  const message = await fault(res);
  if (res.status === 429) {
    const seconds = Number(res.headers['retry-after']);
    throw new RateLimitError('QuickBooks is throttling this company (500 requests a minute).', { retryAfter: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 });
  }
  if (res.status === 401) throw new AuthExpiredError('QuickBooks rejected the access token; the host will refresh it or ask to reconnect.');
  if (res.status === 403) throw new PluginError(QUICKBOOKS_ERROR_CODES.PERMISSION_DENIED, `QuickBooks refused the request (${message}); the connecting user needs access to invoices.`);
  if (res.status === 400) throw new InvalidInputError(`QuickBooks did not accept the request: ${message}`);
  if (res.status >= 500) throw new RetryableError(`QuickBooks answered ${res.status}; try again shortly.`);
  throw new PluginError(QUICKBOOKS_ERROR_CODES.UPSTREAM_ERROR, `QuickBooks answered ${res.status}: ${message}`);
}
