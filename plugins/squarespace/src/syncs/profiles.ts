/**
 * Sync: profiles (customers, mailing-list subscribers and donors) with marketing consent and order
 * totals. The Profiles API has no modified filter, so each run reads every page.
 * @see https://developers.squarespace.com/commerce-apis/profiles-overview
 */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { amount, API, failure, HEADERS, type Pagination } from '../upstream.js';

interface SqspProfile {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  hasAccount: boolean;
  isCustomer: boolean;
  createdOn: string;
  acceptsMarketing: boolean;
  address?: { city?: string; countryCode?: string; phone?: string } | null;
  transactionsSummary?: { orderCount?: number; totalOrderAmount?: { value: string; currency: string }; lastOrderSubmittedOn?: string | null } | null;
}

export const profiles = defineSync({
  title: 'Profiles',
  description: 'Every profile (customers, newsletter subscribers, donors) with e-mail marketing consent, order count, total spent and last order date.',
  model: {
    name: 'Profile',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        email: { type: 'string' },
        firstName: { type: ['string', 'null'] },
        lastName: { type: ['string', 'null'] },
        isCustomer: { type: 'boolean' },
        hasAccount: { type: 'boolean' },
        acceptsMarketing: { type: 'boolean' },
        city: { type: ['string', 'null'] },
        countryCode: { type: ['string', 'null'] },
        orderCount: { type: 'integer' },
        totalSpent: { type: 'number' },
        currency: { type: ['string', 'null'] },
        lastOrderAt: { type: ['string', 'null'] },
        createdAt: { type: 'string' },
      },
      required: ['id', 'email', 'isCustomer', 'acceptsMarketing', 'orderCount', 'totalSpent', 'createdAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const query: Record<string, string> = typeof cursor === 'string' && cursor ? { cursor } : {};
    const res = await ctx.fetch(`${API}/profiles`, { headers: HEADERS, query });
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { profiles?: SqspProfile[]; pagination?: Pagination };
    const next = body.pagination?.hasNextPage ? body.pagination.nextPageCursor : null;
    return {
      records: (body.profiles ?? []).map((p) => ({
        id: p.id,
        email: p.email,
        firstName: p.firstName ?? null,
        lastName: p.lastName ?? null,
        isCustomer: p.isCustomer === true,
        hasAccount: p.hasAccount === true,
        acceptsMarketing: p.acceptsMarketing === true,
        city: p.address?.city || null,
        countryCode: p.address?.countryCode || null,
        orderCount: p.transactionsSummary?.orderCount ?? 0,
        totalSpent: amount(p.transactionsSummary?.totalOrderAmount),
        currency: p.transactionsSummary?.totalOrderAmount?.currency ?? null,
        lastOrderAt: p.transactionsSummary?.lastOrderSubmittedOn ?? null,
        createdAt: p.createdOn,
      })),
      nextCursor: next,
      hasMore: next !== null,
    };
  },
});
