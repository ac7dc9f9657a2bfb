/**
 * Webhook trigger: WooCommerce's `order.created` topic. WooCommerce signs each delivery with
 * X-WC-Webhook-Signature, base64 HMAC-SHA256 of the raw body under the webhook's secret. The secret
 * is the `webhookSecret` setting when set, else one this plugin generates at subscribe time and keeps
 * in the installation's store, where verify reads it.
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks
 */
import { PluginError } from '@nudgecampaign/plugin-sdk/errors';
import { defineWebhookTrigger, type PluginContext, type WebhookRequest } from '@nudgecampaign/plugin-sdk/plugin';
import { hmacSha256Base64, sha256, timingSafeEqual, toBase64, utf8 } from '@nudgecampaign/plugin-sdk/crypto/hmac';
import { orderRecord, orderSchema, type WooOrder } from '../order-shape.js';
import { apiBase, failure, WOO_ERROR_CODES } from '../upstream.js';

const TOPIC = 'order.created';
const SECRET_KEY = 'webhook:order.created:secret';

/**
 * A fresh signing secret. The sandbox offers no CSPRNG (no crypto.getRandomValues), so this hashes
 * Math.random output with the time and installation id; set `webhookSecret` to use your own.
 */
function generatedSecret(ctx: PluginContext): string {
  let seed = `${ctx.installation.id}:${Date.now()}`;
  for (let i = 0; i < 16; i++) seed += `:${Math.random()}`;
  return toBase64(sha256(utf8(seed))).replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
}

async function signingSecret(ctx: PluginContext): Promise<string | undefined> {
  const setting = (ctx.settings as { webhookSecret?: unknown } | undefined)?.webhookSecret;
  if (typeof setting === 'string' && setting.length > 0) return setting;
  const stored = await ctx.store.get(SECRET_KEY);
  return typeof stored === 'string' && stored.length > 0 ? stored : undefined;
}

/** WooCommerce pings a new webhook's URL with the form body `webhook_id=<id>`, unsigned. */
const PING = /^webhook_id=\d+$/;

export const orderCreated = defineWebhookTrigger({
  type: 'webhook',
  title: 'New order',
  description: 'Fires when an order is placed in the store (order.created), with the buyer, total, coupons and line items.',
  output: { ...orderSchema, properties: { ...orderSchema.properties, deliveryId: { type: ['string', 'null'], description: 'X-WC-Webhook-Delivery-ID' } } },
  sample: {
    id: '727',
    number: '727',
    status: 'processing',
    email: 'john.doe@example.com',
    customerId: '25',
    currency: 'USD',
    total: 29.35,
    discountTotal: 0,
    couponCodes: [],
    lineItems: [{ productId: '93', variationId: null, name: 'Woo Single #1', sku: '', quantity: 2, total: 6 }],
    paidAt: '2024-10-21T13:12:44Z',
    createdAt: '2024-10-21T13:12:44Z',
    updatedAt: '2024-10-21T13:12:45Z',
    deliveryId: '3f1c8a0e-8a1b-4c2e-9a44-0d8f1e3b5c21',
  },
  async subscribe(ctx, { webhookUrl }) {
    const base = apiBase(ctx, { allowRecorded: false });
    let secret = await signingSecret(ctx);
    if (!secret) {
      secret = generatedSecret(ctx);
      await ctx.store.set(SECRET_KEY, secret);
    }
    const res = await ctx.fetch(`${base}/webhooks`, { method: 'POST', json: { name: 'NudgeCampaign: new order', topic: TOPIC, delivery_url: webhookUrl, secret, status: 'active' } });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { id?: number; topic?: string; delivery_url?: string };
    if (typeof body.id !== 'number') throw new PluginError(WOO_ERROR_CODES.UPSTREAM_ERROR, 'WooCommerce created the webhook but did not return its id.');
    return { id: String(body.id), topic: body.topic ?? TOPIC, deliveryUrl: body.delivery_url ?? webhookUrl };
  },
  async unsubscribe(ctx, { subscription }) {
    const id = (subscription as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const res = await ctx.fetch(`${apiBase(ctx, { allowRecorded: false })}/webhooks/${id}`, { method: 'DELETE', query: { force: 'true' } });
    if (!res.ok && res.status !== 404) await failure(res);
  },
  async verify(ctx, request: WebhookRequest) {
    const given = request.headers['x-wc-webhook-signature'];
    // The activation ping carries no order and no signature; accepting it lets WooCommerce activate the hook, and handle emits nothing for it.
    if (!given) return PING.test(request.rawBody.trim());
    const secret = await signingSecret(ctx);
    if (!secret) {
      ctx.log.warn('order.created delivery refused: no signing secret (set webhookSecret or re-subscribe)');
      return false;
    }
    return timingSafeEqual(hmacSha256Base64(secret, request.rawBody), given.trim());
  },
  handle(ctx, request: WebhookRequest) {
    const order = request.body as WooOrder | null;
    const topic = request.headers['x-wc-webhook-topic'];
    if ((topic && topic !== TOPIC) || !order || typeof order !== 'object' || typeof order.id !== 'number') return [];
    return [{ ...orderRecord(order), deliveryId: request.headers['x-wc-webhook-delivery-id'] ?? null }];
  },
});
