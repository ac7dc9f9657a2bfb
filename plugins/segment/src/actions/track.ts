/** Destination action: send a `track` call (an event someone did) to the Segment source. */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, CONTEXT, failure, identity, sentSchema } from '../upstream.js';

export const track = defineAction({
  title: 'Track event',
  description: 'Sends a Segment track call, e.g. "Email Opened" with the campaign as properties.',
  input: {
    type: 'object',
    properties: { ...identity, event: { type: 'string', minLength: 1, title: 'Event name' }, properties: { type: 'object', title: 'Properties' } },
    required: ['event'],
    additionalProperties: false,
  },
  output: sentSchema,
  sample: { success: true, messageId: 'nudge-msg-1' },
  async run(ctx, input) {
    if (!input.userId && !input.anonymousId) throw new InvalidInputError('Give a userId or an anonymousId.', { path: 'userId' });
    const res = await ctx.fetch(`${API}/track`, { method: 'POST', json: { ...input, type: 'track', context: CONTEXT } });
    if (!res.ok) throw await failure(res);
    return { success: true, messageId: input.messageId ?? null };
  },
});
