/**
 * Segment's HTTP Tracking API authenticates with HTTP basic auth: the source's write key as the
 * username. The host adds the header; the test sends an empty batch, which records nothing.
 */
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'basic',
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${API}/batch`, { method: 'POST', json: { batch: [] } });
    if (!res.ok) throw await failure(res);
    return { ok: true as const };
  },
};
