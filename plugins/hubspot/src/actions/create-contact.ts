/** Action: create a HubSpot contact (the write half of the two-way contact sync). */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, contactProperties, contactSchema, failure, toContact, type CrmObject } from '../upstream.js';

export const contactFields = {
  email: { type: 'string', format: 'email', title: 'E-mail' },
  firstName: { type: 'string', title: 'First name' },
  lastName: { type: 'string', title: 'Last name' },
  phone: { type: 'string', title: 'Phone' },
  company: { type: 'string', title: 'Company' },
  lifecycleStage: { type: 'string', title: 'Lifecycle stage', description: 'HubSpot internal value, e.g. lead, marketingqualifiedlead, customer.' },
  properties: { type: 'object', title: 'Other properties', description: 'More HubSpot properties by internal name.', additionalProperties: { type: 'string' } },
} as const;

export const createContact = defineAction({
  title: 'Create contact',
  description: 'Creates a contact in HubSpot. Fails with HUBSPOT_CONTACT_EXISTS when the e-mail is already used.',
  input: { type: 'object', properties: contactFields, required: ['email'], additionalProperties: false },
  output: contactSchema,
  sample: { id: '151', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: null, company: null, lifecycleStage: 'lead', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' },
  async run(ctx, input) {
    const res = await ctx.fetch(`${API}/crm/v3/objects/contacts`, { method: 'POST', json: { properties: contactProperties(input) } });
    if (!res.ok) throw await failure(res);
    const contact = toContact((await res.json()) as CrmObject);
    ctx.log.info('hubspot contact created', { id: contact.id });
    return contact;
  },
});
