/** Sync: the product catalogue (titles, types, tags, prices, images) that product recommendations are built from. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { money, tagList } from '../upstream.js';
import { fetchIncrementalPage } from './incremental-pages.js';

/** @see https://shopify.dev/docs/api/admin-rest/2024-10/resources/product */
const FIELDS = 'id,title,handle,product_type,vendor,tags,status,variants,image,published_at,created_at,updated_at';

interface ShopifyProduct {
  id: number;
  title: string;
  handle: string;
  product_type: string;
  vendor: string;
  tags: string;
  status: string;
  variants?: Array<{ id: number; sku: string | null; price: string; compare_at_price: string | null; inventory_quantity?: number }>;
  image?: { src: string } | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export const productSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    handle: { type: 'string' },
    productType: { type: 'string' },
    vendor: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', description: 'active, archived or draft' },
    minPrice: { type: 'number' },
    maxPrice: { type: 'number' },
    onSale: { type: 'boolean', description: 'a variant has a compare-at price above its price' },
    inventoryQuantity: { type: 'integer' },
    variantCount: { type: 'integer' },
    imageUrl: { type: ['string', 'null'] },
    publishedAt: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'title', 'handle', 'status', 'minPrice', 'maxPrice', 'updatedAt'],
} as const;

export const products = defineSync({
  title: 'Products',
  description: 'The product catalogue with price range, stock and image, for product recommendations in campaigns; incremental on updated_at.',
  model: { name: 'Product', idField: 'id', schema: productSchema },
  async fetch(ctx, { cursor }) {
    const page = await fetchIncrementalPage<ShopifyProduct>(ctx, { resource: 'products', key: 'products', fields: FIELDS, cursor });
    return {
      records: page.items.map((p) => {
        const variants = p.variants ?? [];
        const prices = variants.map((v) => money(v.price));
        return {
          id: String(p.id),
          title: p.title,
          handle: p.handle,
          productType: p.product_type ?? '',
          vendor: p.vendor ?? '',
          tags: tagList(p.tags),
          status: p.status,
          minPrice: prices.length ? Math.min(...prices) : 0,
          maxPrice: prices.length ? Math.max(...prices) : 0,
          onSale: variants.some((v) => v.compare_at_price !== null && money(v.compare_at_price) > money(v.price)),
          inventoryQuantity: variants.reduce((sum, v) => sum + (v.inventory_quantity ?? 0), 0),
          variantCount: variants.length,
          imageUrl: p.image?.src ?? null,
          publishedAt: p.published_at ?? null,
          updatedAt: p.updated_at,
        };
      }),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
});
