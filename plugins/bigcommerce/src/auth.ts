/**
 * A store-level API account (Settings → Store-level API accounts): its access token is injected by
 * the host as the X-Auth-Token header on requests to api.bigcommerce.com.
 */
import { PluginError } from '@nudgecampaign/plugin-sdk/errors';
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { BIGCOMMERCE_ERROR_CODES, failure, storeBase } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'api_key',
  fields: {
    type: 'object',
    properties: { accessToken: { type: 'string', title: 'Access token', description: 'The API account access token (read-only Customers and Orders scopes are enough).', writeOnly: true } },
    required: ['accessToken'],
  },
  inject: { headers: { 'x-auth-token': '{{accessToken}}', accept: 'application/json' } },
  /** The store profile: one cheap call, naming the store's domain. Never the recorded store. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${storeBase(ctx, { allowRecorded: false })}/v2/store`, { headers: { accept: 'application/json' } });
    if (!res.ok) await failure(res);
    const store = (await res.json()) as { domain?: string; name?: string };
    if (!store.domain) throw new PluginError(BIGCOMMERCE_ERROR_CODES.UPSTREAM_ERROR, 'BigCommerce did not describe the store.');
    return { ok: true as const, account: store.domain };
  },
};
