/** Calendly: new bookings (invitee.created) as signed webhooks, to start appointment follow-ups. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { inviteeCreated } from './triggers/invitee-created.js';

export default definePlugin({
  id: 'calendly',
  name: 'Calendly',
  description:
    'Start NudgeCampaign automations the moment someone books a Calendly meeting: confirmations, pre-meeting reminders and post-meeting follow-ups, with the invitee, the event times, their answers and UTM tracking. Deliveries are signed and verified.',
  kind: 'api',
  categories: ['scheduling', 'marketing'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: {
      scope: { type: 'string', enum: ['user', 'organization'], default: 'user', title: 'Bookings of', description: 'Your own bookings, or the whole organization (needs a Calendly organization admin).' },
      signingKey: { type: 'string', title: 'Signing key (optional)', description: 'Only if you created the webhook subscription yourself: its signing key.' },
    },
  },
  permissions: { hosts: ['api.calendly.com'] },
  triggers: { inviteeCreated },
});
