/** Sync: customers, incrementally on `updated_at`, with their marketing consent and purchase totals. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { idOf, money, tagList } from '../upstream.js';
import { fetchIncrementalPage } from './incremental-pages.js';

/** The REST Customer fields the sync asks for. @see https://shopify.dev/docs/api/admin-rest/2024-10/resources/customer */
const FIELDS = 'id,email,first_name,last_name,phone,state,tags,verified_email,email_marketing_consent,orders_count,total_spent,currency,last_order_id,created_at,updated_at';

interface ShopifyCustomer {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  state: string;
  tags: string;
  verified_email: boolean;
  email_marketing_consent: { state: string; opt_in_level: string | null; consent_updated_at: string | null } | null;
  orders_count: number;
  total_spent: string;
  currency: string;
  last_order_id: number | null;
  created_at: string;
  updated_at: string;
}

export const customerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: ['string', 'null'] },
    firstName: { type: ['string', 'null'] },
    lastName: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    state: { type: 'string', description: 'disabled, invited, enabled or declined' },
    tags: { type: 'array', items: { type: 'string' } },
    verifiedEmail: { type: 'boolean' },
    emailMarketingConsent: { type: 'string', description: 'subscribed, not_subscribed, unsubscribed, pending, redacted or invalid' },
    ordersCount: { type: 'integer' },
    totalSpent: { type: 'number' },
    currency: { type: 'string' },
    lastOrderId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'email', 'state', 'tags', 'emailMarketingConsent', 'ordersCount', 'totalSpent', 'createdAt', 'updatedAt'],
} as const;

export const customers = defineSync({
  title: 'Customers',
  description: 'Every customer, then only those updated since the last complete run, with e-mail marketing consent, order count and total spent.',
  model: { name: 'Customer', idField: 'id', schema: customerSchema },
  async fetch(ctx, { cursor }) {
    const page = await fetchIncrementalPage<ShopifyCustomer>(ctx, { resource: 'customers', key: 'customers', fields: FIELDS, cursor });
    return {
      records: page.items.map((c) => ({
        id: String(c.id),
        email: c.email ?? null,
        firstName: c.first_name ?? null,
        lastName: c.last_name ?? null,
        phone: c.phone ?? null,
        state: c.state,
        tags: tagList(c.tags),
        verifiedEmail: c.verified_email === true,
        emailMarketingConsent: c.email_marketing_consent?.state ?? 'not_subscribed',
        ordersCount: c.orders_count ?? 0,
        totalSpent: money(c.total_spent),
        currency: c.currency,
        lastOrderId: idOf(c.last_order_id),
        createdAt: c.created_at,
        updatedAt: c.updated_at,
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
});
