/**
 * Salesforce OAuth (web server flow) through the built-in `salesforce` provider; the token
 * response's instance_url reaches the plugin as ctx.connection.instance_url.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { failure, instanceUrl } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'salesforce',
  scopes: ['api', 'refresh_token'],
  pkce: true,
  /** One cheap call: the OpenID Connect userinfo of the connected user, on the org's instance. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${instanceUrl(ctx)}/services/oauth2/userinfo`);
    if (!res.ok) throw await failure(res);
    const user = (await res.json()) as { preferred_username?: string; email?: string };
    const account = user.preferred_username ?? user.email;
    return account ? { ok: true as const, account } : { ok: true as const };
  },
};
