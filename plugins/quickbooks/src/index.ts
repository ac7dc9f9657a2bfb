/** The QuickBooks Online plugin: overdue invoices as a trigger for payment-reminder automations. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { overdueInvoice } from './triggers/overdue-invoice.js';

export default definePlugin({
  id: 'quickbooks',
  name: 'QuickBooks Online',
  description:
    'Start payment-reminder automations from QuickBooks Online: the Overdue invoice trigger fires once for each invoice past its due date with a balance still open, with the customer, billing e-mail, amount due and days overdue. Connects to one QuickBooks company with Intuit OAuth (accounting scope).',
  kind: 'api',
  categories: ['accounting', 'finance', 'payments'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: { graceDays: { type: 'integer', minimum: 0, maximum: 90, default: 0, title: 'Grace days', description: 'Only invoices overdue by more than this many days fire the trigger.' } },
    additionalProperties: false,
  },
  permissions: { hosts: ['quickbooks.api.intuit.com'] },
  triggers: { overdueInvoice },
});
