/**
 * The WooCommerce plugin: customers and orders synced from the store's REST API v3, a coupon action
 * for win-back and cart-recovery e-mails, and signed order.created webhooks.
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { createCoupon } from './actions/create-coupon.js';
import { auth } from './auth.js';
import { customers } from './syncs/customers.js';
import { orders } from './syncs/orders.js';
import { orderCreated } from './triggers/order-created.js';
import { STORE_HOST_SUFFIXES } from './upstream.js';

export default definePlugin({
  id: 'woocommerce',
  name: 'WooCommerce',
  description:
    'Connect a WooCommerce store with a REST API consumer key and secret. Customers and orders sync into NudgeCampaign (orders incrementally), new orders arrive as HMAC-signed webhooks, and campaigns can create personal coupon codes. Limitation: the platform allowlists egress hosts statically, so this version reaches WordPress.com-hosted stores (*.wpcomstaging.com) only; self-hosted stores on their own domain need settings-driven hosts in the SDK.',
  kind: 'api',
  categories: ['ecommerce', 'sales'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: {
      storeUrl: { type: 'string', title: 'Store URL', description: `The https address of the store, e.g. mystore${STORE_HOST_SUFFIXES[0]}`, pattern: '^https://' },
      webhookSecret: { type: 'string', title: 'Webhook secret (optional)', description: 'Used to sign and verify order webhooks; left empty, the plugin generates one when it subscribes.', writeOnly: true },
      syncSince: { type: 'string', format: 'date-time', title: 'Import orders modified since', description: 'Leave empty to import the full order history on the first sync.' },
    },
    required: ['storeUrl'],
    additionalProperties: false,
  },
  permissions: { hosts: ['*.wpcomstaging.com'] },
  actions: { createCoupon },
  triggers: { orderCreated },
  syncs: { customers, orders },
});
