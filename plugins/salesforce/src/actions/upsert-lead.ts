/** Action: create or update a Salesforce Lead matched by e-mail. */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { present, upsertByEmail, upsertOutput } from './upsert-by-email.js';

export const upsertLead = defineAction({
  title: 'Create or update lead',
  description: 'Updates the Salesforce lead with this e-mail, or creates one (LastName and Company are then required by Salesforce).',
  input: {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email', title: 'E-mail' },
      firstName: { type: 'string', title: 'First name' },
      lastName: { type: 'string', title: 'Last name' },
      company: { type: 'string', title: 'Company' },
      status: { type: 'string', title: 'Lead status', description: 'A value of the org’s Lead Status picklist, e.g. Open - Not Contacted.' },
      leadSource: { type: 'string', title: 'Lead source' },
    },
    required: ['email'],
    additionalProperties: false,
  },
  output: upsertOutput,
  sample: { id: '00QDn00000AbCdEMAV', created: false },
  async run(ctx, input) {
    const fields = present({ FirstName: input.firstName, LastName: input.lastName, Company: input.company, Status: input.status, LeadSource: input.leadSource });
    return upsertByEmail(ctx, 'Lead', input.email, fields);
  },
});
