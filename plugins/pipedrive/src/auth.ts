/** Pipedrive OAuth through the built-in `pipedrive` provider; api_domain reaches ctx.connection. */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { apiBase, failure, type Envelope } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'pipedrive',
  scopes: ['base', 'contacts:full', 'deals:read'],
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${apiBase(ctx)}/users/me`);
    if (!res.ok) throw await failure(res);
    const me = (await res.json()) as Envelope<{ email: string; company_name?: string }>;
    return { ok: true as const, account: me.data.company_name ? `${me.data.email} (${me.data.company_name})` : me.data.email };
  },
};
