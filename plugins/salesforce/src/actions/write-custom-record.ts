/**
 * Action: write a record of the seed's custom objects, Campaign_Performance__c or
 * Email_Engagement__c. With an external id field it upserts (PATCH .../{field}/{value}), so a
 * repeated automation run updates the same row instead of adding one; without, it creates.
 */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { dataApi, failure } from '../upstream.js';

export const CUSTOM_OBJECTS = ['Campaign_Performance__c', 'Email_Engagement__c'] as const;

export const writeCustomRecord = defineAction({
  title: 'Write campaign performance or e-mail engagement',
  description:
    'Creates or upserts a Campaign_Performance__c or Email_Engagement__c record. Field names are the API names of your org, e.g. Campaign_Name__c, Emails_Sent__c, Opens__c, Clicks__c, or Contact__c, Event_Type__c, Occurred_At__c.',
  input: {
    type: 'object',
    properties: {
      object: { type: 'string', enum: CUSTOM_OBJECTS, title: 'Custom object' },
      fields: { type: 'object', title: 'Fields', description: 'Field API name to value.', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
      externalIdField: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*__c$', title: 'External id field', description: 'An External ID field of the object; with a value, the record is upserted.' },
      externalId: { type: 'string', title: 'External id value' },
    },
    required: ['object', 'fields'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: { id: { type: 'string' }, object: { type: 'string' }, created: { type: 'boolean' } },
    required: ['id', 'object', 'created'],
  },
  sample: { id: 'a01Dn00000XyZ12IAF', object: 'Campaign_Performance__c', created: true },
  async run(ctx, input) {
    const base = `${dataApi(ctx)}/sobjects/${input.object}`;
    if (Boolean(input.externalIdField) !== Boolean(input.externalId)) {
      throw new InvalidInputError('Give both externalIdField and externalId to upsert, or neither to create.', { path: 'externalId' });
    }
    const res = input.externalIdField && input.externalId
      ? await ctx.fetch(`${base}/${input.externalIdField}/${encodeURIComponent(input.externalId)}`, { method: 'PATCH', json: input.fields })
      : await ctx.fetch(base, { method: 'POST', json: input.fields });
    if (!res.ok) throw await failure(res);
    // Upsert answers 201 (created) or 200 (updated) with { id, success, errors, created }.
    const body = (await res.json()) as { id: string; created?: boolean };
    return { id: body.id, object: input.object, created: body.created ?? res.status === 201 };
  },
});
