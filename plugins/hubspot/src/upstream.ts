/** The HubSpot API base, its error mapping and the record shapes shared by actions, triggers and syncs. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://api.hubapi.com';

/** Stable codes of HubSpot failures that are neither auth, rate limit nor outage. */
export const HUBSPOT_ERRORS = { CONTACT_EXISTS: 'HUBSPOT_CONTACT_EXISTS', NOT_FOUND: 'HUBSPOT_NOT_FOUND', UPSTREAM: 'HUBSPOT_ERROR' } as const;

/** HubSpot's error body: `{ status, message, category, correlationId }`. */
interface HubSpotError {
  message?: string;
  category?: string;
}

/**
 * Maps a failed response to the error that tells the host what to do. HubSpot's 429 may lack
 * Retry-After; its rate-limit interval header (ms) is used then, else ten seconds.
 */
export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as HubSpotError;
  const detail = body.message ?? `HubSpot answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('HubSpot rejected the access token; reconnect HubSpot if this persists.');
  if (res.status === 429) {
    const interval = Number(res.headers['x-hubspot-ratelimit-interval-milliseconds']);
    const retryAfter = Number(res.headers['retry-after']) || (interval > 0 ? Math.ceil(interval / 1000) : 10);
    return new RateLimitError(`HubSpot is rate limiting requests: ${detail}`, { retryAfter });
  }
  if (res.status >= 500) return new RetryableError(`HubSpot is unavailable (${res.status}); the run will be retried.`);
  if (res.status === 409) return new PluginError(HUBSPOT_ERRORS.CONTACT_EXISTS, `${detail}. Update the existing contact instead.`);
  if (res.status === 404) return new PluginError(HUBSPOT_ERRORS.NOT_FOUND, `${detail}. Check the id or e-mail.`);
  if (res.status === 400) return new InvalidInputError(`HubSpot refused the request: ${detail}`);
  return new PluginError(HUBSPOT_ERRORS.UPSTREAM, detail);
}

const nullableString = { type: ['string', 'null'] } as const;

/** The contact properties read and written; HubSpot internal names. */
export const CONTACT_PROPERTIES = ['email', 'firstname', 'lastname', 'phone', 'company', 'lifecyclestage'] as const;

export const contactSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: nullableString,
    firstName: nullableString,
    lastName: nullableString,
    phone: nullableString,
    company: nullableString,
    lifecycleStage: nullableString,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'email', 'createdAt', 'updatedAt'],
} as const;

/** A CRM v3 object as the API returns it. */
export interface CrmObject {
  id: string;
  properties: Record<string, string | null | undefined>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
}

/** A CRM v3 list page: `paging.next.after` is the cursor of the next page. */
export interface CrmPage {
  results: CrmObject[];
  paging?: { next?: { after: string; link?: string } };
}

export function toContact(o: CrmObject) {
  const p = o.properties;
  return {
    id: o.id,
    email: p.email ?? null,
    firstName: p.firstname ?? null,
    lastName: p.lastname ?? null,
    phone: p.phone ?? null,
    company: p.company ?? null,
    lifecycleStage: p.lifecyclestage ?? null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export const DEAL_PROPERTIES = ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate', 'hs_lastmodifieddate'] as const;

export const dealSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: nullableString,
    amount: { type: ['number', 'null'] },
    stage: nullableString,
    pipeline: nullableString,
    closeDate: nullableString,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'name', 'stage', 'createdAt', 'updatedAt'],
} as const;

export function toDeal(o: CrmObject) {
  const p = o.properties;
  const amount = p.amount === null || p.amount === undefined || p.amount === '' ? null : Number(p.amount);
  return {
    id: o.id,
    name: p.dealname ?? null,
    amount: amount !== null && Number.isFinite(amount) ? amount : null,
    stage: p.dealstage ?? null,
    pipeline: p.pipeline ?? null,
    closeDate: p.closedate ?? null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** Contact input fields (camelCase) to HubSpot property names; absent fields are left alone. */
export function contactProperties(input: { email?: string; firstName?: string; lastName?: string; phone?: string; company?: string; lifecycleStage?: string; properties?: Record<string, string> }) {
  const out: Record<string, string> = { ...(input.properties ?? {}) };
  const map = { email: 'email', firstName: 'firstname', lastName: 'lastname', phone: 'phone', company: 'company', lifecycleStage: 'lifecyclestage' } as const;
  for (const [field, property] of Object.entries(map)) {
    const value = input[field as keyof typeof map];
    if (typeof value === 'string') out[property] = value;
  }
  return out;
}
