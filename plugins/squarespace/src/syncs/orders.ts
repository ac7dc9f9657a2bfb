/**
 * Sync: orders, incrementally. After a complete run, the next one asks only for orders modified in
 * [newest modifiedOn seen, now] (Squarespace needs modifiedAfter and modifiedBefore together and
 * forbids them beside a cursor, so later pages carry the cursor alone).
 * @see https://developers.squarespace.com/commerce-apis/retrieve-all-orders
 */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { amount, API, failure, HEADERS, newer, type Pagination } from '../upstream.js';

interface SqspOrder {
  id: string;
  orderNumber: string;
  createdOn: string;
  modifiedOn: string;
  testmode: boolean;
  customerEmail: string | null;
  customerId?: string | null;
  fulfillmentStatus: string;
  lineItems?: Array<{ productId: string | null; variantId: string | null; sku: string | null; productName: string; quantity: number; unitPricePaid: { value: string; currency: string } }>;
  discountLines?: Array<{ promoCode?: string | null }>;
  subtotal?: { value: string; currency: string };
  discountTotal?: { value: string };
  refundedTotal?: { value: string };
  grandTotal: { value: string; currency: string };
}
interface Cursor {
  cursor: string;
  newest: string | null;
}
const WATERMARK = 'sync:orders:modifiedOn';

export const orders = defineSync({
  title: 'Orders',
  description: 'Every order with its buyer, fulfilment status, totals, promo codes and line items; after the first run only orders modified since the last complete run.',
  model: {
    name: 'Order',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        orderNumber: { type: 'string' },
        email: { type: ['string', 'null'] },
        customerId: { type: ['string', 'null'] },
        fulfillmentStatus: { type: 'string', description: 'PENDING, FULFILLED or CANCELED' },
        currency: { type: 'string' },
        total: { type: 'number' },
        subtotal: { type: 'number' },
        discountTotal: { type: 'number' },
        refundedTotal: { type: 'number' },
        promoCodes: { type: 'array', items: { type: 'string' } },
        lineItems: {
          type: 'array',
          items: {
            type: 'object',
            properties: { productId: { type: ['string', 'null'] }, variantId: { type: ['string', 'null'] }, sku: { type: ['string', 'null'] }, name: { type: 'string' }, quantity: { type: 'integer' }, unitPrice: { type: 'number' } },
            required: ['name', 'quantity', 'unitPrice'],
          },
        },
        testmode: { type: 'boolean' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
      required: ['id', 'orderNumber', 'fulfillmentStatus', 'currency', 'total', 'lineItems', 'createdAt', 'updatedAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const c = cursor as Cursor | null;
    let newest: string | null = null;
    const query: Record<string, string> = {};
    if (c && typeof c.cursor === 'string') {
      query.cursor = c.cursor;
      newest = c.newest;
    } else {
      const since = await ctx.store.get(WATERMARK);
      if (typeof since === 'string') Object.assign(query, { modifiedAfter: since, modifiedBefore: new Date().toISOString() });
    }
    const res = await ctx.fetch(`${API}/commerce/orders`, { headers: HEADERS, query });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { result?: SqspOrder[]; pagination?: Pagination };
    const items = body.result ?? [];
    for (const o of items) newest = newer(newest, o.modifiedOn);
    const next = body.pagination?.hasNextPage ? body.pagination.nextPageCursor : null;
    if (!next && newest) await ctx.store.set(WATERMARK, newest);
    return {
      records: items.map((o) => ({
        id: o.id,
        orderNumber: o.orderNumber,
        email: o.customerEmail ?? null,
        customerId: o.customerId ?? null,
        fulfillmentStatus: o.fulfillmentStatus,
        currency: o.grandTotal.currency,
        total: amount(o.grandTotal),
        subtotal: amount(o.subtotal),
        discountTotal: amount(o.discountTotal),
        refundedTotal: amount(o.refundedTotal),
        promoCodes: (o.discountLines ?? []).map((d) => d.promoCode).filter((code): code is string => typeof code === 'string' && code !== ''),
        lineItems: (o.lineItems ?? []).map((li) => ({ productId: li.productId, variantId: li.variantId, sku: li.sku, name: li.productName, quantity: li.quantity, unitPrice: amount(li.unitPricePaid) })),
        testmode: o.testmode === true,
        createdAt: o.createdOn,
        updatedAt: o.modifiedOn,
      })),
      nextCursor: next ? { cursor: next, newest } : null,
      hasMore: next !== null,
    };
  },
});
