/** Sync: every HubSpot contact through CRM v3 list pages; the cursor is HubSpot's `paging.next.after`. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { API, CONTACT_PROPERTIES, contactSchema, failure, toContact, type CrmPage } from '../upstream.js';

export const contacts = defineSync({
  title: 'Contacts',
  description: 'All HubSpot contacts with e-mail, name, phone, company and lifecycle stage, 100 per page.',
  model: { name: 'Contact', idField: 'id', schema: contactSchema },
  async fetch(ctx, { cursor }) {
    const query: Record<string, string | number> = { limit: 100, archived: 'false', properties: CONTACT_PROPERTIES.join(',') };
    if (typeof cursor === 'string' && cursor) query.after = cursor;
    const res = await ctx.fetch(`${API}/crm/v3/objects/contacts`, { query });
    if (!res.ok) throw await failure(res);
    const page = (await res.json()) as CrmPage;
    const next = page.paging?.next?.after ?? null;
    return { records: page.results.map(toContact), nextCursor: next, hasMore: next !== null };
  },
});
