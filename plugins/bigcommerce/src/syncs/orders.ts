/**
 * Sync: orders from the v2 Orders API (v3 has no order list), incrementally on `min_date_modified`.
 * v2 has no pagination metadata: a page shorter than the limit is the last, and a page past the end
 * answers 204 No Content.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { failure, isoDate, money, newer, storeBase, syncPosition } from '../upstream.js';

interface BcOrder {
  id: number;
  customer_id: number;
  date_created: string;
  date_modified: string;
  status: string;
  status_id: number;
  total_inc_tax: string;
  subtotal_inc_tax: string;
  discount_amount: string;
  coupon_discount: string;
  items_total: number;
  currency_code: string;
  payment_status: string;
  refunded_amount: string;
  billing_address?: { email?: string; first_name?: string; last_name?: string };
}
const LIMIT = 250;
const WATERMARK = 'sync:orders:date_modified';

export const orders = defineSync({
  title: 'Orders',
  description: 'Every order with status, totals, discount and buyer e-mail; after the first run only orders modified since the last complete run.',
  model: {
    name: 'Order',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        customerId: { type: ['string', 'null'], description: 'null for guest orders' },
        email: { type: ['string', 'null'] },
        status: { type: 'string' },
        paymentStatus: { type: ['string', 'null'] },
        currency: { type: 'string' },
        total: { type: 'number' },
        subtotal: { type: 'number' },
        discount: { type: 'number' },
        refunded: { type: 'number' },
        itemsTotal: { type: 'integer' },
        createdAt: { type: ['string', 'null'] },
        updatedAt: { type: ['string', 'null'] },
      },
      required: ['id', 'status', 'currency', 'total'],
    },
  },
  async fetch(ctx, { cursor }) {
    const position = await syncPosition(ctx, cursor, WATERMARK);
    const { page, since } = position;
    let newest = position.newest;
    const query: Record<string, string | number> = { limit: LIMIT, page, sort: 'date_modified:asc' };
    if (since) query.min_date_modified = since;
    const res = await ctx.fetch(`${storeBase(ctx)}/v2/orders`, { query });
    if (!res.ok) await failure(res);
    const items = res.status === 204 ? [] : (((await res.json()) as BcOrder[] | null) ?? []);
    for (const item of items) newest = newer(newest, isoDate(item.date_modified));
    const hasMore = items.length === LIMIT;
    if (!hasMore && newest) await ctx.store.set(WATERMARK, newest);
    return {
      records: items.map((o) => ({
        id: String(o.id),
        customerId: o.customer_id ? String(o.customer_id) : null,
        email: o.billing_address?.email || null,
        status: o.status,
        paymentStatus: o.payment_status || null,
        currency: o.currency_code,
        total: money(o.total_inc_tax),
        subtotal: money(o.subtotal_inc_tax),
        discount: money(o.discount_amount) + money(o.coupon_discount),
        refunded: money(o.refunded_amount),
        itemsTotal: o.items_total ?? 0,
        createdAt: isoDate(o.date_created),
        updatedAt: isoDate(o.date_modified),
      })),
      nextCursor: hasMore ? { page: page + 1, since, newest } : null,
      hasMore,
    };
  },
});
