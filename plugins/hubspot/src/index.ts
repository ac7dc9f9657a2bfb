/**
 * HubSpot: two-way contact sync (contacts sync plus create/update actions), deal tracking (deals
 * sync and a stage-change trigger) and timeline events, through the CRM v3 API.
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { createContact } from './actions/create-contact.js';
import { createTimelineEvent } from './actions/create-timeline-event.js';
import { updateContact } from './actions/update-contact.js';
import { auth } from './auth.js';
import { contacts } from './syncs/contacts.js';
import { deals } from './syncs/deals.js';
import { dealStageChanged } from './triggers/deal-stage-changed.js';

export default definePlugin({
  id: 'hubspot',
  name: 'HubSpot',
  description:
    'Keep HubSpot and NudgeCampaign in step: sync every contact and deal, create and update contacts from your automations, start campaigns when a deal changes stage, and log campaign activity on the HubSpot contact timeline.',
  kind: 'api',
  categories: ['crm', 'sales', 'marketing'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['api.hubapi.com'] },
  actions: { createContact, updateContact, createTimelineEvent },
  triggers: { dealStageChanged },
  syncs: { contacts, deals },
});
