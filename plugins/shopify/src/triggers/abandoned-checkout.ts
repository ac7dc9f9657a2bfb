/**
 * Polling trigger: checkouts a shopper left with items in the cart. Each poll asks for open
 * checkouts last updated between the previous poll's cut-off and `abandonedAfterMinutes` ago,
 * so a shopper still typing is not nudged; the host drops checkout ids it has already seen.
 * @see https://shopify.dev/docs/api/admin-rest/2024-10/resources/abandoned-checkouts
 */
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { lineItemSchema, lineItemsOf, type ShopifyLineItem } from '../order-shape.js';
import { adminBase, failure, idOf, money } from '../upstream.js';

interface ShopifyCheckout {
  id: number;
  token: string;
  email: string | null;
  customer?: { id: number; first_name: string | null; last_name: string | null } | null;
  abandoned_checkout_url: string;
  currency: string;
  presentment_currency?: string;
  total_price: string;
  line_items: ShopifyLineItem[];
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

const CUTOFF_KEY = 'trigger:abandonedCheckout:updated_at_max';
const DEFAULT_DELAY_MINUTES = 60;

export const abandonedCheckoutSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    token: { type: 'string' },
    email: { type: 'string' },
    customerId: { type: ['string', 'null'] },
    firstName: { type: ['string', 'null'] },
    lastName: { type: ['string', 'null'] },
    recoveryUrl: { type: 'string', description: "Shopify's abandoned_checkout_url: reopens the cart" },
    totalPrice: { type: 'number' },
    currency: { type: 'string' },
    lineItems: { type: 'array', items: lineItemSchema },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'token', 'email', 'recoveryUrl', 'totalPrice', 'currency', 'lineItems', 'createdAt', 'updatedAt'],
} as const;

export const abandonedCheckout = definePollingTrigger({
  type: 'polling',
  title: 'Abandoned checkout',
  description: 'Fires once per checkout that a shopper with an e-mail address left unfinished for at least the configured delay (60 minutes by default), with the recovery link and cart.',
  output: abandonedCheckoutSchema,
  dedupeKey: 'id',
  sample: {
    id: '450789469',
    token: '2a1ace52255252df566af0faaedfbfa7',
    email: 'bob.norman@mail.example.com',
    customerId: '207119551',
    firstName: 'Bob',
    lastName: 'Norman',
    recoveryUrl: 'https://nudge-demo.myshopify.com/55357292/checkouts/2a1ace52255252df566af0faaedfbfa7/recover?key=ba1bd9fbe1e5f1eba4ac0b4bc19f4b2c',
    totalPrice: 398,
    currency: 'USD',
    lineItems: [{ productId: '632910392', variantId: '39072856', title: 'IPod Nano - 8GB - green', sku: 'IPOD2008GREEN', quantity: 1, price: 199 }],
    createdAt: '2024-10-21T09:12:44-04:00',
    updatedAt: '2024-10-21T09:15:02-04:00',
  },
  async poll(ctx) {
    const delay = Number((ctx.settings as { abandonedAfterMinutes?: unknown }).abandonedAfterMinutes ?? DEFAULT_DELAY_MINUTES);
    const cutoff = new Date(Date.now() - (Number.isFinite(delay) && delay > 0 ? delay : DEFAULT_DELAY_MINUTES) * 60_000).toISOString();
    const previous = await ctx.store.get(CUTOFF_KEY);
    const query: Record<string, string | number> = { status: 'open', limit: 250, updated_at_max: cutoff };
    if (typeof previous === 'string') query.updated_at_min = previous;

    const res = await ctx.fetch(`${adminBase(ctx)}/checkouts.json`, { query });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { checkouts?: ShopifyCheckout[] };
    await ctx.store.set(CUTOFF_KEY, cutoff);

    return (body.checkouts ?? [])
      .filter((c): c is ShopifyCheckout & { email: string } => !c.completed_at && typeof c.email === 'string' && c.email.length > 0)
      .map((c) => ({
        id: String(c.id),
        token: c.token,
        email: c.email,
        customerId: idOf(c.customer?.id),
        firstName: c.customer?.first_name ?? null,
        lastName: c.customer?.last_name ?? null,
        recoveryUrl: c.abandoned_checkout_url,
        totalPrice: money(c.total_price),
        currency: c.presentment_currency ?? c.currency,
        lineItems: lineItemsOf(c.line_items),
        createdAt: c.created_at,
        updatedAt: c.updated_at,
      }));
  },
});
