/**
 * Source trigger: `track` and `identify` calls that Segment's Webhooks destination forwards to the
 * installation's URL. Segment signs each request with the destination's shared secret:
 * `X-Signature: <hex HMAC-SHA1 of the raw body>`. Segment has no API for a write key to create a
 * destination, so subscribing only returns the URL to paste into Segment.
 */
import { defineWebhookTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { hmac, sha1, timingSafeEqual, toHex } from '@nudgecampaign/plugin-sdk/crypto/hmac';

interface SegmentCall {
  type?: string;
  messageId?: string;
  userId?: string | null;
  anonymousId?: string | null;
  event?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  timestamp?: string;
}

const nullableString = { type: ['string', 'null'] } as const;

export const segmentEvent = defineWebhookTrigger({
  type: 'webhook',
  title: 'Segment track or identify',
  description: 'Receives track and identify calls from a Segment Webhooks destination; other call types are ignored.',
  output: {
    type: 'object',
    properties: {
      messageId: { type: 'string' },
      type: { type: 'string', enum: ['track', 'identify'] },
      userId: nullableString,
      anonymousId: nullableString,
      event: nullableString,
      properties: { type: 'object' },
      traits: { type: 'object' },
      timestamp: nullableString,
    },
    required: ['messageId', 'type', 'userId', 'anonymousId', 'event', 'properties', 'traits'],
  },
  sample: { messageId: 'ajs-next-69e2d4f5', type: 'track', userId: 'u_42', anonymousId: null, event: 'Order Completed', properties: { revenue: 42 }, traits: {}, timestamp: '2025-03-03T08:15:00.000Z' },
  async subscribe(ctx, { webhookUrl }) {
    ctx.log.info('add a Webhooks destination in Segment with this URL and the shared secret from the settings', { webhookUrl });
    return { webhookUrl, manual: true };
  },
  async unsubscribe(ctx) {
    ctx.log.info('remove the Webhooks destination in Segment to stop deliveries');
  },
  verify(ctx, request) {
    const secret = (ctx.settings as { sharedSecret?: unknown }).sharedSecret;
    const signature = request.headers['x-signature'];
    if (typeof secret !== 'string' || !secret || !signature) return false;
    return timingSafeEqual(signature.toLowerCase(), toHex(hmac(sha1, secret, request.rawBody)));
  },
  handle(_ctx, request) {
    const body = request.body as SegmentCall | { batch?: SegmentCall[] } | null;
    const calls: SegmentCall[] = body && 'batch' in body && Array.isArray(body.batch) ? body.batch : body ? [body as SegmentCall] : [];
    return calls
      .filter((c): c is SegmentCall & { type: 'track' | 'identify'; messageId: string } => (c.type === 'track' || c.type === 'identify') && typeof c.messageId === 'string')
      .map((c) => ({
        messageId: c.messageId,
        type: c.type,
        userId: c.userId ?? null,
        anonymousId: c.anonymousId ?? null,
        event: c.type === 'track' ? (c.event ?? null) : null,
        properties: c.properties ?? {},
        traits: c.traits ?? {},
        timestamp: c.timestamp ?? null,
      }));
  },
});
