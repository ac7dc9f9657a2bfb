/** Action: create or update a Salesforce Contact matched by e-mail (the write half of the contact sync). */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { present, upsertByEmail, upsertOutput } from './upsert-by-email.js';

export const upsertContact = defineAction({
  title: 'Create or update contact',
  description: 'Updates the Salesforce contact with this e-mail, or creates one (LastName is then required by Salesforce).',
  input: {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email', title: 'E-mail' },
      firstName: { type: 'string', title: 'First name' },
      lastName: { type: 'string', title: 'Last name' },
      phone: { type: 'string', title: 'Phone' },
      title: { type: 'string', title: 'Title' },
      leadSource: { type: 'string', title: 'Lead source' },
    },
    required: ['email'],
    additionalProperties: false,
  },
  output: upsertOutput,
  sample: { id: '003Dn00000AbCdEIAV', created: true },
  async run(ctx, input) {
    const fields = present({ FirstName: input.firstName, LastName: input.lastName, Phone: input.phone, Title: input.title, LeadSource: input.leadSource });
    return upsertByEmail(ctx, 'Contact', input.email, fields);
  },
});
