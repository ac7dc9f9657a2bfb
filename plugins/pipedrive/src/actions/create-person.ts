/** Action: create a Pipedrive person with a primary e-mail (and optionally phone and organization). */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { apiBase, failure, personSchema, toPerson, type Envelope, type PersonRow } from '../upstream.js';

export const createPerson = defineAction({
  title: 'Create person',
  description: 'Creates a person in Pipedrive with a primary work e-mail.',
  input: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, title: 'Name' },
      email: { type: 'string', format: 'email', title: 'E-mail' },
      phone: { type: 'string', title: 'Phone' },
      orgId: { type: 'integer', title: 'Organization id' },
    },
    required: ['name', 'email'],
    additionalProperties: false,
  },
  output: personSchema,
  sample: { id: 1501, name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: null, orgId: null, orgName: null, createdAt: '2025-03-01T10:00:00Z', updatedAt: '2025-03-01T10:00:00Z' },
  async run(ctx, input) {
    const res = await ctx.fetch(`${apiBase(ctx)}/persons`, {
      method: 'POST',
      json: {
        name: input.name,
        email: [{ value: input.email, primary: true, label: 'work' }],
        ...(input.phone ? { phone: [{ value: input.phone, primary: true, label: 'work' }] } : {}),
        ...(input.orgId !== undefined ? { org_id: input.orgId } : {}),
      },
    });
    if (!res.ok) throw await failure(res);
    return toPerson(((await res.json()) as Envelope<PersonRow>).data);
  },
});
