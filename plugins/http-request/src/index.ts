/**
 * HTTP request: a generic outbound request action, limited to the hosts its certified manifest
 * declares (see hosts.ts for why a generic connector cannot reach any host).
 */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { sendRequest } from './actions/send-request.js';
import { DECLARED_HOSTS } from './hosts.js';

export default definePlugin({
  id: 'http-request',
  name: 'HTTP Request',
  description:
    'Send an HTTP request from a NudgeCampaign automation to the webhook endpoints of Slack, Discord, Zapier, Make, Microsoft Teams, Power Automate, IFTTT and n8n cloud. For security the platform lets a plugin reach only the hosts it declared when it was certified, so arbitrary URLs are not possible; each installation can narrow the list further.',
  kind: 'connector',
  categories: ['developer-tools', 'automation'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth: { type: 'none' },
  settings: {
    type: 'object',
    properties: {
      allowedHosts: { type: 'array', items: { type: 'string', enum: [...DECLARED_HOSTS] }, uniqueItems: true, title: 'Allowed hosts', description: 'Only these hosts for this installation; all of the connector’s hosts when empty.' },
      failOnHttpError: { type: 'boolean', default: true, title: 'Fail on 4xx answers', description: 'Off: a 4xx answer is returned as the result instead of failing the step.' },
    },
  },
  permissions: { hosts: [...DECLARED_HOSTS] },
  actions: { sendRequest },
});
