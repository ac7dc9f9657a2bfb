/** Sync: registered customers with billing details and whether they have paid for an order. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { gmt } from '../upstream.js';
import { fetchPage } from './paged-list.js';

/** @see https://woocommerce.github.io/woocommerce-rest-api-docs/#customer-properties */
const FIELDS = 'id,date_created_gmt,date_modified_gmt,email,first_name,last_name,role,username,billing,is_paying_customer';

interface WooCustomer {
  id: number;
  date_created_gmt: string;
  date_modified_gmt: string | null;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  username: string;
  billing?: { phone?: string; city?: string; country?: string; company?: string };
  is_paying_customer: boolean;
}

export const customerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    phone: { type: ['string', 'null'] },
    city: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    isPayingCustomer: { type: 'boolean' },
    createdAt: { type: ['string', 'null'] },
    updatedAt: { type: ['string', 'null'] },
  },
  required: ['id', 'email', 'isPayingCustomer'],
} as const;

const orNull = (v: string | undefined) => (v ? v : null);

export const customers = defineSync({
  title: 'Customers',
  description: 'Every registered customer (100 per page) with name, billing phone and location, and whether they have paid for an order.',
  model: { name: 'Customer', idField: 'id', schema: customerSchema },
  async fetch(ctx, { cursor }) {
    // The customers endpoint has no modified_after filter, so each run reads them all.
    const page = await fetchPage<WooCustomer>(ctx, { resource: 'customers', fields: FIELDS, query: { orderby: 'id', order: 'asc' }, incremental: false, cursor });
    return {
      records: page.items.map((c) => ({
        id: String(c.id),
        email: c.email,
        firstName: c.first_name ?? '',
        lastName: c.last_name ?? '',
        username: c.username ?? '',
        role: c.role ?? 'customer',
        phone: orNull(c.billing?.phone),
        city: orNull(c.billing?.city),
        country: orNull(c.billing?.country),
        isPayingCustomer: c.is_paying_customer === true,
        createdAt: gmt(c.date_created_gmt),
        updatedAt: gmt(c.date_modified_gmt),
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
});
