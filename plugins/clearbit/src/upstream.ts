/** The Clearbit Person API base, error mapping and the enrichment shape. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://person.clearbit.com/v2';

export const CLEARBIT_ERRORS = { QUOTA: 'CLEARBIT_QUOTA_EXCEEDED', UPSTREAM: 'CLEARBIT_ERROR' } as const;

/** Clearbit's error body: `{ error: { type, message } }`. */
export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: { type?: string; message?: string } };
  const detail = body.error?.message ?? `Clearbit answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('Clearbit rejected the API key; update it in the connection.');
  if (res.status === 429) return new RateLimitError(`Clearbit is rate limiting requests: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || 60 });
  if (res.status === 402) return new PluginError(CLEARBIT_ERRORS.QUOTA, `${detail}. Raise the Clearbit plan's lookup quota.`);
  if (res.status >= 500) return new RetryableError(`Clearbit is unavailable (${res.status}); the lookup will be retried.`);
  if (res.status === 422 || res.status === 400) return new InvalidInputError(`Clearbit refused the lookup: ${detail}`, { path: 'email' });
  return new PluginError(CLEARBIT_ERRORS.UPSTREAM, detail);
}

/** The Person API's person, the fields used here. */
export interface Person {
  id: string;
  name?: { fullName?: string | null; givenName?: string | null; familyName?: string | null };
  email: string;
  location?: string | null;
  timeZone?: string | null;
  geo?: { city?: string | null; country?: string | null; countryCode?: string | null };
  employment?: { domain?: string | null; name?: string | null; title?: string | null; role?: string | null; seniority?: string | null };
  linkedin?: { handle?: string | null };
  twitter?: { handle?: string | null };
  avatar?: string | null;
}
