/**
 * A Clearbit secret API key, sent by the host as a bearer token. Clearbit has no account
 * endpoint on person.clearbit.com, so the test looks up Clearbit's own documented sample address.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'api_key',
  fields: {
    type: 'object',
    properties: { apiKey: { type: 'string', title: 'Secret API key', description: 'From the Clearbit dashboard, starts with sk_.' } },
    required: ['apiKey'],
  },
  inject: { headers: { authorization: 'Bearer {{apiKey}}' } },
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/people/find`, { query: { email: 'alex@clearbit.com' } });
    // 202 (lookup queued) and 404 (unknown person) still prove the key works.
    if (!res.ok && res.status !== 404) throw await failure(res);
    return { ok: true as const };
  },
};
