/** Webhooks: a catch-hook trigger, the generic way for any app to start a NudgeCampaign automation. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { catchHook } from './triggers/catch-hook.js';

export default definePlugin({
  id: 'webhooks',
  name: 'Webhooks',
  description:
    'Start NudgeCampaign automations from any app that can send a webhook: you get a unique URL, and each JSON object, array element or form post sent to it becomes a trigger item. Optionally require a shared token or an HMAC-SHA256 signature.',
  kind: 'connector',
  categories: ['developer-tools', 'automation'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: {
    type: 'object',
    properties: {
      verification: { type: 'string', enum: ['none', 'token', 'hmac-sha256'], default: 'none', title: 'Verify requests', description: 'none: the URL is the secret; token: a header must equal the secret; hmac-sha256: a header must carry the hex HMAC-SHA256 of the body.' },
      secret: { type: 'string', title: 'Secret' },
      headerName: { type: 'string', title: 'Header name', description: 'Default x-webhook-token (token) or x-signature-256 (hmac-sha256).' },
    },
  },
  permissions: { hosts: [] },
  triggers: { catchHook },
});
