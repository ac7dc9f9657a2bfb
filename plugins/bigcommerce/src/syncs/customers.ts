/**
 * Sync: customers from the v3 Customers API, incrementally on `date_modified:min`; pages follow
 * `meta.pagination` (250 per page). The newest date_modified is stored once a run has read every page.
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#get-all-customers
 */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { failure, newer, storeBase, syncPosition } from '../upstream.js';

interface BcCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  customer_group_id: number;
  accepts_product_review_abandoned_cart_emails: boolean;
  date_created: string;
  date_modified: string;
}
const WATERMARK = 'sync:customers:date_modified';

export const customers = defineSync({
  title: 'Customers',
  description: 'Every customer with group and abandoned-cart e-mail consent; after the first run only customers modified since the last complete run.',
  model: {
    name: 'Customer',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        email: { type: 'string' },
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        company: { type: ['string', 'null'] },
        phone: { type: ['string', 'null'] },
        customerGroupId: { type: 'integer' },
        acceptsAbandonedCartEmails: { type: 'boolean' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
      required: ['id', 'email', 'createdAt', 'updatedAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const position = await syncPosition(ctx, cursor, WATERMARK);
    const { page, since } = position;
    let newest = position.newest;
    const query: Record<string, string | number> = { limit: 250, page, sort: 'date_modified:asc' };
    if (since) query['date_modified:min'] = since;
    const res = await ctx.fetch(`${storeBase(ctx)}/v3/customers`, { query });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { data?: BcCustomer[]; meta?: { pagination?: { current_page: number; total_pages: number } } };
    const items = body.data ?? [];
    for (const item of items) newest = newer(newest, item.date_modified);
    const pagination = body.meta?.pagination;
    const hasMore = !!pagination && pagination.current_page < pagination.total_pages && items.length > 0;
    if (!hasMore && newest) await ctx.store.set(WATERMARK, newest);
    return {
      records: items.map((x) => ({
        id: String(x.id),
        email: x.email,
        firstName: x.first_name ?? '',
        lastName: x.last_name ?? '',
        company: x.company || null,
        phone: x.phone || null,
        customerGroupId: x.customer_group_id ?? 0,
        acceptsAbandonedCartEmails: x.accepts_product_review_abandoned_cart_emails === true,
        createdAt: x.date_created,
        updatedAt: x.date_modified,
      })),
      nextCursor: hasMore ? { page: page + 1, since, newest } : null,
      hasMore,
    };
  },
});
