/** Typeform OAuth through the built-in `typeform` provider; the test reads the connected account. */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'typeform',
  scopes: ['offline', 'accounts:read', 'forms:read', 'responses:read', 'webhooks:read', 'webhooks:write'],
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/me`);
    if (!res.ok) throw await failure(res);
    const me = (await res.json()) as { email?: string; alias?: string };
    const account = me.email ?? me.alias;
    return account ? { ok: true as const, account } : { ok: true as const };
  },
};
