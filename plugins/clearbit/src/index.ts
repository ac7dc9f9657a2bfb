/** Clearbit: enrich subscribers by e-mail through the Person API. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { enrichPerson } from './actions/enrich-person.js';
import { auth } from './auth.js';

export default definePlugin({
  id: 'clearbit',
  name: 'Clearbit',
  description:
    'Enrich NudgeCampaign subscribers with Clearbit: from an e-mail address, add name, company, job title, role, seniority and location, to segment and personalise campaigns.',
  kind: 'api',
  categories: ['data-enrichment', 'marketing'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['person.clearbit.com'] },
  actions: { enrichPerson },
});
