/**
 * REST API keys (WooCommerce → Settings → Advanced → REST API): the consumer key and secret are
 * injected by the host as the consumer_key / consumer_secret query parameters, which WooCommerce
 * accepts over HTTPS and which, unlike Basic auth, survive hosts that strip the Authorization header.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { apiBase, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'api_key',
  fields: {
    type: 'object',
    properties: {
      consumerKey: { type: 'string', title: 'Consumer key', pattern: '^ck_[0-9a-f]{40}$' },
      consumerSecret: { type: 'string', title: 'Consumer secret', pattern: '^cs_[0-9a-f]{40}$', writeOnly: true },
    },
    required: ['consumerKey', 'consumerSecret'],
  },
  inject: { query: { consumer_key: '{{consumerKey}}', consumer_secret: '{{consumerSecret}}' } },
  /** One cheap authenticated read; never the recorded store, since candidate keys are attached here. */
  async test(ctx: PluginContext) {
    const base = apiBase(ctx, { allowRecorded: false });
    const res = await ctx.fetch(`${base}/orders`, { query: { per_page: 1, _fields: 'id' } });
    if (!res.ok) await failure(res);
    return { ok: true as const, account: base.replace(/^https:\/\//, '').replace(/\/wp-json\/wc\/v3$/, '') };
  },
};
