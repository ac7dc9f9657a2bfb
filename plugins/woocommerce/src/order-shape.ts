/** The REST v3 Order shape the orders sync and the order webhook share. */
import { gmt, money } from './upstream.js';

export interface WooOrder {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_created_gmt: string;
  date_modified_gmt: string | null;
  date_paid_gmt: string | null;
  total: string;
  discount_total: string;
  customer_id: number;
  billing?: { email?: string; first_name?: string; last_name?: string };
  line_items?: Array<{ product_id: number; variation_id: number; name: string; sku: string; quantity: number; total: string }>;
  coupon_lines?: Array<{ code: string }>;
}

export const ORDER_FIELDS = 'id,number,status,currency,date_created_gmt,date_modified_gmt,date_paid_gmt,total,discount_total,customer_id,billing,line_items,coupon_lines';

export const orderSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    status: { type: 'string', description: 'pending, processing, on-hold, completed, cancelled, refunded, failed or checkout-draft' },
    email: { type: ['string', 'null'] },
    customerId: { type: ['string', 'null'], description: 'null for guest orders' },
    currency: { type: 'string' },
    total: { type: 'number' },
    discountTotal: { type: 'number' },
    couponCodes: { type: 'array', items: { type: 'string' } },
    lineItems: {
      type: 'array',
      items: {
        type: 'object',
        properties: { productId: { type: 'string' }, variationId: { type: ['string', 'null'] }, name: { type: 'string' }, sku: { type: ['string', 'null'] }, quantity: { type: 'integer' }, total: { type: 'number' } },
        required: ['productId', 'name', 'quantity', 'total'],
      },
    },
    paidAt: { type: ['string', 'null'] },
    createdAt: { type: ['string', 'null'] },
    updatedAt: { type: ['string', 'null'] },
  },
  required: ['id', 'number', 'status', 'currency', 'total', 'lineItems'],
} as const;

export function orderRecord(o: WooOrder) {
  return {
    id: String(o.id),
    number: String(o.number ?? o.id),
    status: o.status,
    email: o.billing?.email || null,
    customerId: o.customer_id ? String(o.customer_id) : null,
    currency: o.currency,
    total: money(o.total),
    discountTotal: money(o.discount_total),
    couponCodes: (o.coupon_lines ?? []).map((c) => c.code),
    lineItems: (o.line_items ?? []).map((li) => ({
      productId: String(li.product_id),
      variationId: li.variation_id ? String(li.variation_id) : null,
      name: li.name,
      sku: li.sku || null,
      quantity: li.quantity,
      total: money(li.total),
    })),
    paidAt: gmt(o.date_paid_gmt),
    createdAt: gmt(o.date_created_gmt),
    updatedAt: gmt(o.date_modified_gmt),
  };
}
