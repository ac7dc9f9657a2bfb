/** Pipedrive: persons and deals syncs and a create-person action, on the company's api_domain. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { createPerson } from './actions/create-person.js';
import { auth } from './auth.js';
import { deals } from './syncs/deals.js';
import { persons } from './syncs/persons.js';

export default definePlugin({
  id: 'pipedrive',
  name: 'Pipedrive',
  description:
    'Bring your Pipedrive persons and deals into NudgeCampaign to target campaigns by deal stage and value, and add new leads from your campaigns to Pipedrive as persons.',
  kind: 'api',
  categories: ['crm', 'sales'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['*.pipedrive.com'] },
  actions: { createPerson },
  syncs: { persons, deals },
});
