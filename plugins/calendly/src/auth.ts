/**
 * Calendly OAuth through the built-in `calendly` provider (PKCE). Calendly grants access to the
 * connecting user's data without OAuth scopes, so none are requested.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'calendly',
  scopes: [],
  pkce: true,
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/users/me`);
    if (!res.ok) throw await failure(res);
    const me = (await res.json()) as { resource: { email: string } };
    return { ok: true as const, account: me.resource.email };
  },
};
