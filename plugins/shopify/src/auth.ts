/**
 * OAuth per shop through the platform's built-in `shopify` provider: the user types the shop's
 * myshopify.com domain (the provider's `shop` parameter), the host runs the authorization-code
 * grant against https://{shop}/admin/oauth and keeps the offline access token.
 */
import { PluginError } from '@nudgecampaign/plugin-sdk/errors';
import type { AuthDefinition, PluginContext } from '@nudgecampaign/plugin-sdk/plugin';
import { adminBase, failure, SHOPIFY_ERROR_CODES } from './upstream.js';

export const auth: AuthDefinition = {
  type: 'oauth2',
  provider: 'shopify',
  // read_orders also covers abandoned checkouts and the orders/paid webhook.
  scopes: ['read_customers', 'read_orders', 'read_products'],
  /** One cheap call: the shop resource, whose myshopify_domain names the account. */
  async test(ctx: PluginContext) {
    const res = await ctx.fetch(`${adminBase(ctx, { allowRecorded: false })}/shop.json`);
    if (!res.ok) await failure(res);
    const body = (await res.json()) as { shop?: { myshopify_domain?: string; name?: string } };
    if (!body.shop?.myshopify_domain) throw new PluginError(SHOPIFY_ERROR_CODES.UPSTREAM_ERROR, 'Shopify did not describe the shop.');
    return { ok: true as const, account: body.shop.myshopify_domain };
  },
};
