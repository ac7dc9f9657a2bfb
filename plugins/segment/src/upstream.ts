/** Segment's HTTP Tracking API base, its error mapping and the event shapes. */
import { AuthExpiredError, InvalidInputError, PluginError, RateLimitError, RetryableError } from '@nudgecampaign/plugin-sdk/errors';
import type { FetchResponse } from '@nudgecampaign/plugin-sdk/plugin';

export const API = 'https://api.segment.io/v1';

export const SEGMENT_ERRORS = { UPSTREAM: 'SEGMENT_ERROR' } as const;

export async function failure(res: FetchResponse): Promise<Error> {
  const text = await res.text();
  if (res.status === 401) return new AuthExpiredError('Segment rejected the write key; check it in the connection.');
  if (res.status === 429) return new RateLimitError('Segment is rate limiting this source.', { retryAfter: Number(res.headers['retry-after']) || 10 });
  if (res.status >= 500) return new RetryableError(`Segment is unavailable (${res.status}); the call will be retried.`);
  if (res.status === 400) return new InvalidInputError(`Segment refused the call (a message must be under 32 KB and have a userId or anonymousId): ${text.slice(0, 200)}`);
  return new PluginError(SEGMENT_ERRORS.UPSTREAM, `Segment answered ${res.status}.`);
}

/** Who the call is about: Segment needs a userId or an anonymousId. */
export const identity = {
  userId: { type: 'string', title: 'User id' },
  anonymousId: { type: 'string', title: 'Anonymous id' },
  timestamp: { type: 'string', format: 'date-time', title: 'When it happened' },
  messageId: { type: 'string', title: 'Message id', description: 'Unique per call; Segment drops repeats of an id.' },
} as const;

export const sentSchema = {
  type: 'object',
  properties: { success: { type: 'boolean' }, messageId: { type: ['string', 'null'] } },
  required: ['success'],
} as const;

/** The library context Segment records on each call. */
export const CONTEXT = { library: { name: 'nudgecampaign', version: '1.0.0' } };
