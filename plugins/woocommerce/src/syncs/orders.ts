/** Sync: orders of every status, incrementally on date_modified (modified_after). */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { ORDER_FIELDS, orderRecord, orderSchema, type WooOrder } from '../order-shape.js';
import { fetchPage } from './paged-list.js';

export const orders = defineSync({
  title: 'Orders',
  description: 'Every order with its status, total, coupons and line items; after the first run only orders modified since the last complete run.',
  model: { name: 'Order', idField: 'id', schema: orderSchema },
  async fetch(ctx, { cursor }) {
    const page = await fetchPage<WooOrder>(ctx, { resource: 'orders', fields: ORDER_FIELDS, query: { orderby: 'id', order: 'asc' }, incremental: true, cursor });
    return { records: page.items.map(orderRecord), nextCursor: page.nextCursor, hasMore: page.hasMore };
  },
});
