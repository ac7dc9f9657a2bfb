/** The BigCommerce plugin: customers (v3) and orders (v2) synced incrementally from a store. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { customers } from './syncs/customers.js';
import { orders } from './syncs/orders.js';

export default definePlugin({
  id: 'bigcommerce',
  name: 'BigCommerce',
  description:
    'Sync a BigCommerce store into NudgeCampaign: customers (with their abandoned-cart e-mail consent) and orders (status, totals, discounts, buyer e-mail), incrementally after the first import. Connect with a store-level API account access token and the store hash.',
  kind: 'api',
  categories: ['ecommerce', 'sales'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: { storeHash: { type: 'string', title: 'Store hash', description: 'The code after /stores/ in your API path, e.g. abc123xyz.', pattern: '^[a-z0-9]{5,20}$' } },
    required: ['storeHash'],
    additionalProperties: false,
  },
  permissions: { hosts: ['api.bigcommerce.com'] },
  syncs: { customers, orders },
});
