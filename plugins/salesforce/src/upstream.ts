/**
 * The org's REST API base (from the OAuth token response's instance_url), error mapping and the
 * record shapes shared by the syncs and actions.
 */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const API_VERSION = 'v60.0';

/** Stable codes of Salesforce failures that are neither auth, limits nor outage. */
export const SALESFORCE_ERRORS = {
  INSTANCE_UNKNOWN: 'SALESFORCE_INSTANCE_UNKNOWN',
  OBJECT_MISSING: 'SALESFORCE_OBJECT_MISSING',
  DUPLICATE: 'SALESFORCE_DUPLICATE',
  UPSTREAM: 'SALESFORCE_ERROR',
} as const;

/**
 * The org the recorded fixtures come from. Used only when the invocation carries no connection at
 * all (ctx.connection is empty), which is how certification and the offline demo invoke syncs and
 * actions today; with no connection the host has no token to attach, so no credential goes there.
 * A real connection always carries instance_url (the provider declares it as a token extra).
 */
export const RECORDED_INSTANCE = 'https://nudge-demo.my.salesforce.com';

const INSTANCE = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.my\.salesforce\.com$/;

/** The org's instance URL, checked against the My Domain pattern the manifest allows. */
export function instanceUrl(ctx: PluginContext): string {
  const connection = ctx.connection ?? {};
  const value = connection.instance_url;
  if (typeof value === 'string' && value) {
    const url = value.trim().toLowerCase().replace(/\/+$/, '');
    if (!INSTANCE.test(url)) throw new PluginError(SALESFORCE_ERRORS.INSTANCE_UNKNOWN, `The org's instance ${url} is not a *.my.salesforce.com My Domain; enable My Domain in Salesforce and reconnect.`);
    return url;
  }
  if (Object.keys(connection).length === 0) return RECORDED_INSTANCE;
  throw new PluginError(SALESFORCE_ERRORS.INSTANCE_UNKNOWN, 'The Salesforce connection has no instance URL; reconnect Salesforce.');
}

/** `https://<org>.my.salesforce.com/services/data/v60.0`. */
export function dataApi(ctx: PluginContext): string {
  return `${instanceUrl(ctx)}/services/data/${API_VERSION}`;
}

/** Salesforce's error body: an array of `{ message, errorCode, fields? }`. */
type SalesforceErrors = Array<{ message?: string; errorCode?: string; fields?: string[] }>;

/**
 * Maps a failed response to the error that tells the host what to do. Salesforce signals API
 * limits with 403 REQUEST_LIMIT_EXCEEDED (daily TotalRequests or concurrency), rarely 429.
 */
export async function failure(res: FetchResponse): Promise<Error> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // The OAuth endpoints (userinfo) answer errors in plain text, e.g. "Bad_OAuth_Token".
  }
  const first = Array.isArray(body) ? (body as SalesforceErrors)[0] : undefined;
  const code = first?.errorCode ?? (text.includes('Bad_OAuth_Token') ? 'INVALID_SESSION_ID' : '');
  const detail = first?.message ?? `Salesforce answered ${res.status}`;
  if (res.status === 401 || code === 'INVALID_SESSION_ID') return new AuthExpiredError('Salesforce rejected the session; reconnect Salesforce if this persists.');
  if (res.status === 429 || code === 'REQUEST_LIMIT_EXCEEDED') {
    const daily = detail.includes('TotalRequests');
    return new RateLimitError(`Salesforce API limit reached: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || (daily ? 3600 : 60) });
  }
  if (res.status >= 500) return new RetryableError(`Salesforce is unavailable (${res.status}); the run will be retried.`);
  if (code === 'NOT_FOUND' || code === 'INVALID_TYPE') return new PluginError(SALESFORCE_ERRORS.OBJECT_MISSING, `${detail}. Check that the object exists in the org and that the connected user can see it.`);
  if (code === 'DUPLICATE_VALUE' || code === 'DUPLICATES_DETECTED') return new PluginError(SALESFORCE_ERRORS.DUPLICATE, detail);
  if (res.status === 400) return new InvalidInputError(`Salesforce refused the record: ${detail}`, first?.fields?.[0] ? { path: first.fields[0] } : {});
  return new PluginError(SALESFORCE_ERRORS.UPSTREAM, detail);
}

/** A SOQL query page: `nextRecordsUrl` (a path on the instance) while `done` is false. */
export interface QueryPage<R> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: R[];
}

/** Page size asked of the query endpoint (the default is 2000). */
export const QUERY_OPTIONS = { 'sforce-query-options': 'batchSize=200' } as const;

/**
 * Runs a SOQL query, or follows a cursor. The cursor is the query's nextRecordsUrl; it is only
 * ever a path under /services/data/ on the same instance, so a cursor cannot point elsewhere.
 */
export async function queryPage<R>(ctx: PluginContext, soql: string, cursor: unknown): Promise<QueryPage<R>> {
  let res: FetchResponse;
  if (typeof cursor === 'string' && cursor) {
    if (!/^\/services\/data\/v\d+\.\d+\/query\/[A-Za-z0-9-]+$/.test(cursor)) throw new InvalidInputError('The sync cursor is not a Salesforce nextRecordsUrl.', { path: 'cursor' });
    res = await ctx.fetch(`${instanceUrl(ctx)}${cursor}`, { headers: QUERY_OPTIONS });
  } else {
    res = await ctx.fetch(`${dataApi(ctx)}/query`, { query: { q: soql }, headers: QUERY_OPTIONS });
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as QueryPage<R>;
}

/** A SOQL string literal: backslashes and single quotes escaped. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export const nullableString = { type: ['string', 'null'] } as const;
