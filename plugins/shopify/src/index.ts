/**
 * The Shopify plugin: customers, orders and products synced incrementally, abandoned checkouts
 * polled, and paid orders delivered as HMAC-verified revenue events. This definition is the single
 * source of truth that `nudge build` turns into the manifest.
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { customers } from './syncs/customers.js';
import { orders } from './syncs/orders.js';
import { products } from './syncs/products.js';
import { abandonedCheckout } from './triggers/abandoned-checkout.js';
import { orderPaid } from './triggers/order-paid.js';

export default definePlugin({
  id: 'shopify',
  name: 'Shopify',
  description:
    'Connect a Shopify store to NudgeCampaign. Customers (with e-mail marketing consent, order count and total spent), orders and the product catalogue sync incrementally; abandoned checkouts start cart-recovery automations with the recovery link; paid orders arrive as signed webhook events carrying revenue and the campaign utm_* parameters for attribution. Connects per shop with OAuth; webhooks are verified with HMAC-SHA256.',
  kind: 'native',
  categories: ['ecommerce', 'sales', 'analytics'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: {
      webhookSecret: {
        type: 'string',
        title: 'Webhook signing secret',
        description: "The Shopify app's client secret (or, for webhooks created in the Shopify admin, the secret shown under Settings → Notifications → Webhooks). Deliveries whose X-Shopify-Hmac-Sha256 does not match are refused.",
        writeOnly: true,
      },
      syncSince: { type: 'string', format: 'date-time', title: 'Import records updated since', description: 'Leave empty to import the full history on the first sync.' },
      abandonedAfterMinutes: { type: 'integer', minimum: 10, maximum: 1440, default: 60, title: 'Treat a checkout as abandoned after (minutes)' },
    },
    additionalProperties: false,
  },
  permissions: { hosts: ['*.myshopify.com'] },
  triggers: { abandonedCheckout, orderPaid },
  syncs: { customers, orders, products },
});
