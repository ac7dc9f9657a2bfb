/** Sync: every HubSpot deal (deal tracking), through CRM v3 list pages with the `after` cursor. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { API, DEAL_PROPERTIES, dealSchema, failure, toDeal, type CrmPage } from '../upstream.js';

export const deals = defineSync({
  title: 'Deals',
  description: 'All HubSpot deals with name, amount, stage, pipeline and close date, 100 per page.',
  model: { name: 'Deal', idField: 'id', schema: dealSchema },
  async fetch(ctx, { cursor }) {
    const query: Record<string, string | number> = { limit: 100, archived: 'false', properties: DEAL_PROPERTIES.join(',') };
    if (typeof cursor === 'string' && cursor) query.after = cursor;
    const res = await ctx.fetch(`${API}/crm/v3/objects/deals`, { query });
    if (!res.ok) throw await failure(res);
    const page = (await res.json()) as CrmPage;
    const next = page.paging?.next?.after ?? null;
    return { records: page.results.map(toDeal), nextCursor: next, hasMore: next !== null };
  },
});
