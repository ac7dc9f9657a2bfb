/**
 * The company's Pipedrive API base (the token response's api_domain), error mapping, offset
 * paging and the person and deal shapes.
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const PIPEDRIVE_ERRORS = { DOMAIN_UNKNOWN: 'PIPEDRIVE_DOMAIN_UNKNOWN', UPSTREAM: 'PIPEDRIVE_ERROR' } as const;

/**
 * The company the recorded fixtures come from. Used only when the invocation carries no connection
 * at all (certification and the offline demo today); with no connection the host attaches no
 * token. A real connection always carries api_domain (the provider declares it as a token extra).
 */
export const RECORDED_DOMAIN = 'https://nudge-demo.pipedrive.com';

const DOMAIN = /^https:\/\/[a-z0-9][a-z0-9-]*\.pipedrive\.com$/;

export function apiBase(ctx: PluginContext): string {
  const connection = ctx.connection ?? {};
  const value = connection.api_domain;
  if (typeof value === 'string' && value) {
    const domain = value.trim().toLowerCase().replace(/\/+$/, '');
    if (!DOMAIN.test(domain)) throw new PluginError(PIPEDRIVE_ERRORS.DOMAIN_UNKNOWN, `The company domain ${domain} is not a *.pipedrive.com domain; reconnect Pipedrive.`);
    return `${domain}/api/v1`;
  }
  if (Object.keys(connection).length === 0) return `${RECORDED_DOMAIN}/api/v1`;
  throw new PluginError(PIPEDRIVE_ERRORS.DOMAIN_UNKNOWN, 'The Pipedrive connection has no api_domain; reconnect Pipedrive.');
}

/** Pipedrive's envelope: `{ success, data, additional_data.pagination, error }`. */
export interface Envelope<T> {
  success: boolean;
  data: T;
  error?: string;
  additional_data?: { pagination?: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number } };
}

export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; error_info?: string };
  const detail = body.error ?? `Pipedrive answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('Pipedrive rejected the access token; reconnect Pipedrive if this persists.');
  if (res.status === 429) return new RateLimitError(`Pipedrive is rate limiting requests: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || Number(res.headers['x-ratelimit-reset']) || 2 });
  if (res.status >= 500) return new RetryableError(`Pipedrive is unavailable (${res.status}); the run will be retried.`);
  if (res.status === 400) return new InvalidInputError(`Pipedrive refused the request: ${detail}`);
  return new PluginError(PIPEDRIVE_ERRORS.UPSTREAM, detail);
}

/** One offset page of a v1 list endpoint; the cursor is `next_start`. */
export async function listPage<T>(ctx: PluginContext, path: string, cursor: unknown) {
  const start = typeof cursor === 'number' && Number.isInteger(cursor) && cursor >= 0 ? cursor : 0;
  const res = await ctx.fetch(`${apiBase(ctx)}${path}`, { query: { start, limit: 100 } });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as Envelope<T[] | null>;
  const pagination = body.additional_data?.pagination;
  const more = pagination?.more_items_in_collection === true && typeof pagination.next_start === 'number';
  return { items: body.data ?? [], nextCursor: more ? pagination!.next_start! : null, hasMore: more };
}

export const nullableString = { type: ['string', 'null'] } as const;

interface Channel {
  value: string;
  primary: boolean;
  label?: string;
}

export interface PersonRow {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  email: Channel[];
  phone: Channel[];
  org_id: { value: number; name: string } | null;
  owner_id: { id: number; name: string } | number | null;
  add_time: string;
  update_time: string | null;
}

export const personSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    firstName: nullableString,
    lastName: nullableString,
    email: nullableString,
    phone: nullableString,
    orgId: { type: ['integer', 'null'] },
    orgName: nullableString,
    createdAt: { type: 'string' },
    updatedAt: nullableString,
  },
  required: ['id', 'name', 'email', 'createdAt'],
} as const;

const primary = (channels: Channel[] | undefined) => (channels ?? []).find((c) => c.primary && c.value)?.value ?? (channels ?? []).find((c) => c.value)?.value ?? null;

/** Pipedrive times are UTC "YYYY-MM-DD HH:MM:SS". */
const utc = (time: string) => `${time.replace(' ', 'T')}Z`;

export function toPerson(p: PersonRow) {
  return {
    id: p.id,
    name: p.name,
    firstName: p.first_name,
    lastName: p.last_name,
    email: primary(p.email),
    phone: primary(p.phone),
    orgId: p.org_id?.value ?? null,
    orgName: p.org_id?.name ?? null,
    createdAt: utc(p.add_time),
    updatedAt: p.update_time ? utc(p.update_time) : null,
  };
}
