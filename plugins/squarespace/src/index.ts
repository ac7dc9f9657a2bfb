/** The Squarespace plugin: profiles and orders synced from the Commerce APIs. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { orders } from './syncs/orders.js';
import { profiles } from './syncs/profiles.js';

export default definePlugin({
  id: 'squarespace',
  name: 'Squarespace',
  description:
    'Sync a Squarespace Commerce site into NudgeCampaign: profiles (customers and newsletter subscribers, with marketing consent and lifetime spend) and orders (buyer, totals, promo codes, line items), orders incrementally after the first import. Connect with a Developer API key.',
  kind: 'api',
  categories: ['ecommerce', 'website'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {}, additionalProperties: false },
  permissions: { hosts: ['api.squarespace.com'] },
  syncs: { profiles, orders },
});
