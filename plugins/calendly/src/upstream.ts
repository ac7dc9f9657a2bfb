/** The Calendly API base, its error mapping and the current user's URIs. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://api.calendly.com';

export const CALENDLY_ERRORS = { ALREADY_SUBSCRIBED: 'CALENDLY_ALREADY_SUBSCRIBED', FORBIDDEN: 'CALENDLY_FORBIDDEN', UPSTREAM: 'CALENDLY_ERROR' } as const;

/** Calendly's error body: `{ title, message, details? }`. */
export async function failure(res: FetchResponse): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { title?: string; message?: string };
  const detail = body.message ?? body.title ?? `Calendly answered ${res.status}`;
  if (res.status === 401) return new AuthExpiredError('Calendly rejected the access token; reconnect Calendly if this persists.');
  if (res.status === 429) return new RateLimitError(`Calendly is rate limiting requests: ${detail}`, { retryAfter: Number(res.headers['retry-after']) || Number(res.headers['x-ratelimit-reset']) || 60 });
  if (res.status >= 500) return new RetryableError(`Calendly is unavailable (${res.status}); the run will be retried.`);
  if (res.status === 409) return new PluginError(CALENDLY_ERRORS.ALREADY_SUBSCRIBED, `${detail}. Remove the existing webhook subscription for this URL first.`);
  if (res.status === 403) return new PluginError(CALENDLY_ERRORS.FORBIDDEN, `${detail}. Organization-wide webhooks need a Calendly organization admin.`);
  if (res.status === 400) return new InvalidInputError(`Calendly refused the request: ${detail}`);
  return new PluginError(CALENDLY_ERRORS.UPSTREAM, detail);
}

/**
 * The user and organization URIs: from the token response's `owner`/`organization` extras on the
 * connection when present, else from /users/me.
 */
export async function currentUser(ctx: PluginContext): Promise<{ user: string; organization: string; email?: string }> {
  const { owner, organization } = ctx.connection ?? {};
  if (typeof owner === 'string' && owner.startsWith(`${API}/users/`) && typeof organization === 'string' && organization.startsWith(`${API}/organizations/`)) {
    return { user: owner, organization };
  }
  const res = await ctx.fetch(`${API}/users/me`);
  if (!res.ok) throw await failure(res);
  const me = (await res.json()) as { resource: { uri: string; current_organization: string; email: string } };
  return { user: me.resource.uri, organization: me.resource.current_organization, email: me.resource.email };
}
