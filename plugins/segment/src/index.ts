/** Segment as a source (track/identify in, by signed webhook) and a destination (track/identify out). */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { identify } from './actions/identify.js';
import { track } from './actions/track.js';
import { auth } from './auth.js';
import { segmentEvent } from './triggers/segment-event.js';

export default definePlugin({
  id: 'segment',
  name: 'Segment',
  description:
    'Unify customer data between Segment and NudgeCampaign. As a source: start automations from Segment track and identify calls. As a destination: send campaign events (sent, opened, clicked) and subscriber traits to your Segment workspace. Connect with the write key of a Segment HTTP API source as the username (the platform asks for a password too; Segment authenticates by the username, so any value works there).',
  kind: 'api',
  categories: ['analytics', 'customer-data'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: {
      sharedSecret: { type: 'string', title: 'Webhooks destination shared secret', description: 'The shared secret of the Segment Webhooks destination that sends calls to NudgeCampaign; unsigned calls are refused.' },
    },
  },
  permissions: { hosts: ['api.segment.io'] },
  actions: { track, identify },
  triggers: { segmentEvent },
});
