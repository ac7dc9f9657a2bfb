/** Canva Connect OAuth through the built-in `canva` provider, which requires PKCE. */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'canva',
  scopes: ['design:meta:read', 'design:content:read', 'profile:read'],
  pkce: true,
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/users/me/profile`);
    if (!res.ok) throw await failure(res);
    const { profile } = (await res.json()) as { profile: { display_name?: string } };
    return profile.display_name ? { ok: true as const, account: profile.display_name } : { ok: true as const };
  },
};
