/**
 * Salesforce: two-way contact and lead sync (SOQL syncs plus upsert actions) and writes to the
 * seed's custom objects Campaign_Performance__c and Email_Engagement__c, on the org's My Domain.
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { upsertContact } from './actions/upsert-contact.js';
import { upsertLead } from './actions/upsert-lead.js';
import { writeCustomRecord } from './actions/write-custom-record.js';
import { auth } from './auth.js';
import { contacts } from './syncs/contacts.js';
import { leads } from './syncs/leads.js';

export default definePlugin({
  id: 'salesforce',
  name: 'Salesforce',
  description:
    'Two-way Salesforce sync for NudgeCampaign: bring every contact and lead into your audience, create or update them from automations, and report campaign performance and e-mail engagement into the Campaign_Performance__c and Email_Engagement__c custom objects for native Salesforce reports.',
  kind: 'api',
  categories: ['crm', 'sales'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['*.my.salesforce.com'] },
  actions: { upsertContact, upsertLead, writeCustomRecord },
  syncs: { contacts, leads },
});
