/**
 * A Squarespace Developer API key (Settings → Advanced → Developer API keys), injected by the host
 * as `Authorization: Bearer <key>` on requests to api.squarespace.com.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure, HEADERS } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'api_key',
  fields: {
    type: 'object',
    properties: { apiKey: { type: 'string', title: 'API key', description: 'A key with read access to Orders and Profiles.', writeOnly: true } },
    required: ['apiKey'],
  },
  inject: { headers: { authorization: 'Bearer {{apiKey}}' } },
  /** The website the key belongs to: one cheap call. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/authorization/website`, { headers: HEADERS });
    if (!res.ok) await failure(res);
    const site = (await res.json()) as { id: string; url?: string };
    return { ok: true as const, account: site.url ? site.url.replace(/^https?:\/\//, '') : site.id };
  },
};
