/**
 * Polling trigger: deals modified recently, newest first, through the CRM search API. The item key
 * joins the deal id and its stage, so a deal fires again each time it moves to another stage.
 */
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { API, DEAL_PROPERTIES, dealSchema, failure, toDeal, type CrmPage } from '../upstream.js';

const itemSchema = {
  ...dealSchema,
  properties: { ...dealSchema.properties, key: { type: 'string' } },
  required: [...dealSchema.required, 'key'],
} as const;

export const dealStageChanged = definePollingTrigger({
  type: 'polling',
  title: 'Deal stage changed',
  description: 'Fires when a HubSpot deal is created or moves to another stage.',
  output: itemSchema,
  dedupeKey: 'key',
  sample: { key: '9001:appointmentscheduled', id: '9001', name: 'Acme renewal', amount: 1200, stage: 'appointmentscheduled', pipeline: 'default', closeDate: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z' },
  async poll(ctx) {
    const res = await ctx.fetch(`${API}/crm/v3/objects/deals/search`, {
      method: 'POST',
      json: { sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }], properties: [...DEAL_PROPERTIES], limit: 100 },
    });
    if (!res.ok) throw await failure(res);
    const page = (await res.json()) as CrmPage;
    return page.results.map((o) => {
      const deal = toDeal(o);
      return { ...deal, key: `${deal.id}:${deal.stage ?? ''}` };
    });
  },
});
