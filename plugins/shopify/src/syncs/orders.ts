/** Sync: orders of any status, incrementally on `updated_at`: the purchase history behind segments and attribution. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { idOf, money } from '../upstream.js';
import { attributionOf, lineItemSchema, lineItemsOf, type ShopifyOrder } from '../order-shape.js';
import { fetchIncrementalPage } from './incremental-pages.js';

/** @see https://shopify.dev/docs/api/admin-rest/2024-10/resources/order */
const FIELDS =
  'id,name,order_number,email,customer,financial_status,fulfillment_status,currency,total_price,subtotal_price,total_discounts,discount_codes,line_items,landing_site,referring_site,source_name,cancelled_at,processed_at,created_at,updated_at';

export const orderSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: ['string', 'null'] },
    customerId: { type: ['string', 'null'] },
    financialStatus: { type: ['string', 'null'] },
    fulfillmentStatus: { type: ['string', 'null'] },
    currency: { type: 'string' },
    totalPrice: { type: 'number' },
    subtotalPrice: { type: 'number' },
    totalDiscounts: { type: 'number' },
    discountCodes: { type: 'array', items: { type: 'string' } },
    lineItems: { type: 'array', items: lineItemSchema },
    utmSource: { type: ['string', 'null'] },
    utmMedium: { type: ['string', 'null'] },
    utmCampaign: { type: ['string', 'null'] },
    referringSite: { type: ['string', 'null'] },
    sourceName: { type: ['string', 'null'] },
    cancelledAt: { type: ['string', 'null'] },
    processedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'name', 'currency', 'totalPrice', 'lineItems', 'createdAt', 'updatedAt'],
} as const;

export const orders = defineSync({
  title: 'Orders',
  description: 'Every order (open, closed and cancelled) with its line items, discounts and UTM attribution, then only orders updated since the last complete run.',
  model: { name: 'Order', idField: 'id', schema: orderSchema },
  async fetch(ctx, { cursor }) {
    const page = await fetchIncrementalPage<ShopifyOrder>(ctx, { resource: 'orders', key: 'orders', fields: FIELDS, query: { status: 'any' }, cursor });
    return {
      records: page.items.map((o) => ({
        id: String(o.id),
        name: o.name,
        email: o.email ?? null,
        customerId: idOf(o.customer?.id),
        financialStatus: o.financial_status ?? null,
        fulfillmentStatus: o.fulfillment_status ?? null,
        currency: o.currency,
        totalPrice: money(o.total_price),
        subtotalPrice: money(o.subtotal_price),
        totalDiscounts: money(o.total_discounts),
        discountCodes: (o.discount_codes ?? []).map((d) => d.code),
        lineItems: lineItemsOf(o.line_items),
        ...attributionOf(o),
        sourceName: o.source_name ?? null,
        cancelledAt: o.cancelled_at ?? null,
        processedAt: o.processed_at ?? null,
        createdAt: o.created_at,
        updatedAt: o.updated_at,
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
});
