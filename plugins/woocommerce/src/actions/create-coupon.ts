/**
 * Action: create a coupon, typically a one-shopper code for a win-back or cart-recovery e-mail.
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#create-a-coupon
 */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { apiBase, failure, gmt, money } from '../upstream.js';

interface WooCoupon {
  id: number;
  code: string;
  amount: string;
  discount_type: string;
  date_expires_gmt: string | null;
  usage_limit: number | null;
  usage_limit_per_user: number | null;
  individual_use: boolean;
  email_restrictions: string[];
  minimum_amount: string;
}

export const createCoupon = defineAction({
  title: 'Create coupon',
  description: 'Creates a WooCommerce coupon (percentage or fixed amount), optionally limited to one customer e-mail, a number of uses and an expiry date.',
  input: {
    type: 'object',
    properties: {
      code: { type: 'string', minLength: 1, maxLength: 100, title: 'Coupon code', description: 'Case-insensitive; must not exist yet.' },
      discountType: { type: 'string', enum: ['percent', 'fixed_cart', 'fixed_product'], default: 'percent', title: 'Discount type' },
      amount: { type: 'number', exclusiveMinimum: 0, title: 'Amount', description: 'Percent for "percent", store currency otherwise.' },
      email: { type: 'string', format: 'email', title: 'Only for this customer e-mail' },
      usageLimit: { type: 'integer', minimum: 1, title: 'Total uses allowed' },
      expiresAt: { type: 'string', format: 'date', title: 'Expires on (YYYY-MM-DD)' },
      minimumAmount: { type: 'number', minimum: 0, title: 'Minimum order amount' },
      individualUse: { type: 'boolean', default: true, title: 'Cannot be combined with other coupons' },
      description: { type: 'string', maxLength: 500, title: 'Internal description' },
    },
    required: ['code', 'amount'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      code: { type: 'string' },
      discountType: { type: 'string' },
      amount: { type: 'number' },
      expiresAt: { type: ['string', 'null'] },
      usageLimit: { type: ['integer', 'null'] },
      emailRestrictions: { type: 'array', items: { type: 'string' } },
    },
    required: ['id', 'code', 'discountType', 'amount'],
  },
  sample: { id: '720', code: 'comeback-ada-15', discountType: 'percent', amount: 15, expiresAt: '2024-11-30T00:00:00Z', usageLimit: 1, emailRestrictions: ['ada@example.com'] },
  async run(ctx, input) {
    const body: Record<string, unknown> = {
      code: input.code,
      discount_type: input.discountType ?? 'percent',
      // WooCommerce takes the amount as a decimal string.
      amount: String(input.amount),
      individual_use: input.individualUse ?? true,
    };
    if (input.email) body.email_restrictions = [input.email];
    if (input.usageLimit) body.usage_limit = input.usageLimit;
    if (input.email) body.usage_limit_per_user = 1;
    if (input.expiresAt) body.date_expires_gmt = `${input.expiresAt}T00:00:00`;
    if (input.minimumAmount !== undefined) body.minimum_amount = String(input.minimumAmount);
    if (input.description) body.description = input.description;

    const res = await ctx.fetch(`${apiBase(ctx)}/coupons`, { method: 'POST', json: body });
    if (!res.ok) await failure(res);
    const c = (await res.json()) as WooCoupon;
    ctx.log.info('coupon created', { id: c.id });
    return {
      id: String(c.id),
      code: c.code,
      discountType: c.discount_type,
      amount: money(c.amount),
      expiresAt: gmt(c.date_expires_gmt),
      usageLimit: c.usage_limit ?? null,
      emailRestrictions: c.email_restrictions ?? [],
    };
  },
});
