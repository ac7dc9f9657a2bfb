/** Action: update a HubSpot contact found by record id or by e-mail (`idProperty=email`). */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, contactProperties, contactSchema, failure, toContact, type CrmObject } from '../upstream.js';
import { contactFields } from './create-contact.js';

export const updateContact = defineAction({
  title: 'Update contact',
  description: 'Updates a HubSpot contact, found by its record id or by its e-mail address.',
  input: {
    type: 'object',
    properties: { contactId: { type: 'string', title: 'Contact id' }, matchEmail: { type: 'string', format: 'email', title: 'Find by e-mail' }, ...contactFields },
    additionalProperties: false,
  },
  output: contactSchema,
  sample: { id: '151', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000', company: 'Analytical Engines', lifecycleStage: 'customer', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-02-01T00:00:00Z' },
  async run(ctx, input) {
    const { contactId, matchEmail, ...fields } = input;
    if (!contactId && !matchEmail) throw new InvalidInputError('Give either contactId or matchEmail.', { path: 'contactId' });
    const properties = contactProperties(fields);
    if (Object.keys(properties).length === 0) throw new InvalidInputError('Give at least one property to update.', { path: 'properties' });
    const id = encodeURIComponent(contactId ?? matchEmail ?? '');
    const query: Record<string, string> = contactId ? {} : { idProperty: 'email' };
    const res = await ctx.fetch(`${API}/crm/v3/objects/contacts/${id}`, { method: 'PATCH', query, json: { properties } });
    if (!res.ok) throw await failure(res);
    return toContact((await res.json()) as CrmObject);
  },
});
