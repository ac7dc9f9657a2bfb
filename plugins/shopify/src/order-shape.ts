/** The REST Order shape the orders sync and the orders/paid webhook share, and its UTM attribution. */
import { idOf, money } from './upstream.js';

export interface ShopifyLineItem {
  id: number;
  product_id: number | null;
  variant_id: number | null;
  title: string;
  variant_title: string | null;
  sku: string | null;
  quantity: number;
  price: string;
}

export interface ShopifyOrder {
  id: number;
  name: string;
  order_number?: number;
  email: string | null;
  customer?: { id: number; email?: string | null } | null;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  currency: string;
  total_price: string;
  subtotal_price?: string;
  total_discounts?: string;
  discount_codes?: Array<{ code: string; amount: string; type: string }>;
  line_items?: ShopifyLineItem[];
  landing_site?: string | null;
  referring_site?: string | null;
  source_name?: string | null;
  cancelled_at?: string | null;
  processed_at?: string | null;
  created_at: string;
  updated_at: string;
}

export const lineItemSchema = {
  type: 'object',
  properties: {
    productId: { type: ['string', 'null'] },
    variantId: { type: ['string', 'null'] },
    title: { type: 'string' },
    sku: { type: ['string', 'null'] },
    quantity: { type: 'integer' },
    price: { type: 'number' },
  },
  required: ['title', 'quantity', 'price'],
} as const;

export function lineItemsOf(items: ShopifyLineItem[] | undefined) {
  return (items ?? []).map((li) => ({
    productId: idOf(li.product_id),
    variantId: idOf(li.variant_id),
    title: li.variant_title ? `${li.title} - ${li.variant_title}` : li.title,
    sku: li.sku || null,
    quantity: li.quantity,
    price: money(li.price),
  }));
}

/** utm_* of the landing page (a path with a query, e.g. "/products/x?utm_source=nudge"). */
export function attributionOf(order: Pick<ShopifyOrder, 'landing_site' | 'referring_site'>) {
  const params: Record<string, string> = {};
  const query = (order.landing_site ?? '').split('?')[1]?.split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined) continue;
    try {
      params[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      // a malformed escape in someone's landing URL: ignore that parameter
    }
  }
  return {
    utmSource: params.utm_source ?? null,
    utmMedium: params.utm_medium ?? null,
    utmCampaign: params.utm_campaign ?? null,
    referringSite: order.referring_site || null,
  };
}
