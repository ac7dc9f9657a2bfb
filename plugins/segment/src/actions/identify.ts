/** Destination action: send an `identify` call (who someone is, with traits) to the Segment source. */
import { InvalidInputError } from '@nudgecampaign/plugin-sdk/errors';
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, CONTEXT, failure, identity, sentSchema } from '../upstream.js';

export const identify = defineAction({
  title: 'Identify user',
  description: 'Sends a Segment identify call with traits such as email, name and subscription status.',
  input: {
    type: 'object',
    properties: { ...identity, traits: { type: 'object', title: 'Traits' } },
    required: ['traits'],
    additionalProperties: false,
  },
  output: sentSchema,
  sample: { success: true, messageId: null },
  async run(ctx, input) {
    if (!input.userId && !input.anonymousId) throw new InvalidInputError('Give a userId or an anonymousId.', { path: 'userId' });
    const res = await ctx.fetch(`${API}/identify`, { method: 'POST', json: { ...input, type: 'identify', context: CONTEXT } });
    if (!res.ok) throw await failure(res);
    return { success: true, messageId: input.messageId ?? null };
  },
});
