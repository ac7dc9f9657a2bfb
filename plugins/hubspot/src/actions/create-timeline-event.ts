/**
 * Action: add an event (e.g. "Opened campaign e-mail") to a contact's HubSpot timeline, from an
 * event template of the NudgeCampaign HubSpot app. Tokens fill the template's placeholders.
 */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure } from '../upstream.js';

export const createTimelineEvent = defineAction({
  title: 'Create timeline event',
  description: "Adds an event to a contact's HubSpot timeline, found by e-mail or contact id.",
  input: {
    type: 'object',
    properties: {
      eventTemplateId: { type: 'string', title: 'Event template id' },
      email: { type: 'string', format: 'email', title: 'Contact e-mail' },
      objectId: { type: 'string', title: 'Contact id' },
      id: { type: 'string', title: 'Event id', description: 'Unique per event; repeating an id does not create a second event.' },
      timestamp: { type: 'string', format: 'date-time', title: 'When it happened' },
      tokens: { type: 'object', title: 'Template tokens', additionalProperties: { type: ['string', 'number'] } },
      extraData: { type: 'object', title: 'Extra data', description: 'Shown in the event details.' },
    },
    required: ['eventTemplateId', 'tokens'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: { id: { type: 'string' }, eventTemplateId: { type: 'string' }, objectId: { type: 'string' }, objectType: { type: 'string' }, timestamp: { type: 'string' } },
    required: ['id', 'eventTemplateId'],
  },
  sample: { id: 'nudge-evt-1', eventTemplateId: '1001298', objectId: '151', objectType: 'contacts', timestamp: '2025-01-01T00:00:00Z' },
  async run(ctx, input) {
    if (!input.email && !input.objectId) throw new InvalidInputError('Give the contact e-mail or contact id.', { path: 'email' });
    const res = await ctx.fetch(`${API}/crm/v3/timeline/events`, { method: 'POST', json: input });
    if (!res.ok) throw await failure(res);
    const event = (await res.json()) as { id: string; eventTemplateId: string; objectId?: string; objectType?: string; timestamp?: string };
    return {
      id: event.id,
      eventTemplateId: event.eventTemplateId,
      ...(event.objectId !== undefined ? { objectId: event.objectId } : {}),
      ...(event.objectType !== undefined ? { objectType: event.objectType } : {}),
      ...(event.timestamp !== undefined ? { timestamp: event.timestamp } : {}),
    };
  },
});
