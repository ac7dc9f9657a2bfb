/**
 * Webhook trigger: Shopify's `orders/paid` topic as a revenue-attribution event. Shopify signs
 * each delivery with X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body under the app's
 * client secret, which reaches the plugin as the `webhookSecret` setting (the host keeps the OAuth
 * app secret to itself, so ctx exposes it no other way).
 * @see https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook
 */
import { PluginError } from '@nudgecampaign/plugin-sdk/errors';
import { defineWebhookTrigger, type PluginContext, type WebhookRequest } from '@nudgecampaign/plugin-sdk/plugin';
import { hmacSha256Base64, timingSafeEqual } from '@nudgecampaign/plugin-sdk/crypto/hmac';
import { attributionOf, lineItemSchema, lineItemsOf, type ShopifyOrder } from '../order-shape.js';
import { adminBase, failure, idOf, money, SHOPIFY_ERROR_CODES } from '../upstream.js';

const TOPIC = 'orders/paid';

/** The signing secret: the `webhookSecret` setting, else a `webhookSecret` the host put in the connection's metadata. */
function signingSecret(ctx: PluginContext): string | undefined {
  for (const value of [(ctx.settings as { webhookSecret?: unknown }).webhookSecret, ctx.connection?.webhookSecret]) {
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

export const revenueEventSchema = {
  type: 'object',
  properties: {
    eventId: { type: 'string', description: 'X-Shopify-Webhook-Id: the same for every retry of one delivery' },
    orderId: { type: 'string' },
    orderName: { type: 'string' },
    email: { type: ['string', 'null'] },
    customerId: { type: ['string', 'null'] },
    revenue: { type: 'number', description: 'total_price of the order, in currency' },
    currency: { type: 'string' },
    discountCodes: { type: 'array', items: { type: 'string' } },
    lineItems: { type: 'array', items: lineItemSchema },
    utmSource: { type: ['string', 'null'] },
    utmMedium: { type: ['string', 'null'] },
    utmCampaign: { type: ['string', 'null'] },
    referringSite: { type: ['string', 'null'] },
    occurredAt: { type: 'string' },
  },
  required: ['eventId', 'orderId', 'orderName', 'revenue', 'currency', 'lineItems', 'occurredAt'],
} as const;

export const orderPaid = defineWebhookTrigger({
  type: 'webhook',
  title: 'Order paid (revenue)',
  description: 'Fires when an order is paid, with its revenue, customer and the utm_* of the landing page, so revenue can be attributed to the campaign that brought the shopper.',
  output: revenueEventSchema,
  sample: {
    eventId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    orderId: '820982911946154508',
    orderName: '#1001',
    email: 'jon@example.com',
    customerId: '115310627314723954',
    revenue: 403,
    currency: 'USD',
    discountCodes: ['WELCOME10'],
    lineItems: [{ productId: '632910392', variantId: '808950810', title: 'IPod Nano - 8GB - Pink', sku: 'IPOD2008PINK', quantity: 1, price: 199 }],
    utmSource: 'nudgecampaign',
    utmMedium: 'email',
    utmCampaign: 'autumn-sale',
    referringSite: null,
    occurredAt: '2024-10-21T11:02:31-04:00',
  },
  async subscribe(ctx, { webhookUrl }) {
    const res = await ctx.fetch(`${adminBase(ctx, { allowRecorded: false })}/webhooks.json`, {
      method: 'POST',
      json: { webhook: { topic: TOPIC, address: webhookUrl, format: 'json' } },
    });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { webhook?: { id: number; topic: string; address: string } };
    if (!body.webhook) throw new PluginError(SHOPIFY_ERROR_CODES.UPSTREAM_ERROR, 'Shopify created the webhook but did not return it.');
    return { id: String(body.webhook.id), topic: body.webhook.topic, address: body.webhook.address };
  },
  async unsubscribe(ctx, { subscription }) {
    const id = (subscription as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const res = await ctx.fetch(`${adminBase(ctx, { allowRecorded: false })}/webhooks/${id}.json`, { method: 'DELETE' });
    // Already gone (the merchant deleted it, or the app was reinstalled): nothing left to do.
    if (!res.ok && res.status !== 404) await failure(res);
  },
  verify(ctx, request: WebhookRequest) {
    const secret = signingSecret(ctx);
    const given = request.headers['x-shopify-hmac-sha256'];
    if (!secret) {
      ctx.log.warn('orders/paid delivery refused: no webhookSecret setting to check its signature with');
      return false;
    }
    if (!given) return false;
    return timingSafeEqual(hmacSha256Base64(secret, request.rawBody), given.trim());
  },
  handle(ctx, request: WebhookRequest) {
    const topic = request.headers['x-shopify-topic'];
    const order = request.body as ShopifyOrder | null;
    if ((topic && topic !== TOPIC) || !order || typeof order !== 'object' || order.id === undefined) return [];
    return [
      {
        eventId: request.headers['x-shopify-webhook-id'] ?? request.headers['x-shopify-event-id'] ?? `order-${order.id}-paid`,
        orderId: String(order.id),
        orderName: order.name,
        email: order.email ?? order.customer?.email ?? null,
        customerId: idOf(order.customer?.id),
        revenue: money(order.total_price),
        currency: order.currency,
        discountCodes: (order.discount_codes ?? []).map((d) => d.code),
        lineItems: lineItemsOf(order.line_items),
        ...attributionOf(order),
        occurredAt: order.processed_at ?? order.updated_at,
      },
    ];
  },
});
