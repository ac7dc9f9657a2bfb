/** Typeform: form responses as NudgeCampaign leads, by signed webhook or, as a fallback, by polling. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { auth } from './auth.js';
import { formResponse } from './triggers/form-response.js';
import { newResponse } from './triggers/new-response.js';

export default definePlugin({
  id: 'typeform',
  name: 'Typeform',
  description:
    'Turn Typeform submissions into NudgeCampaign leads: every response of your form arrives within seconds by a signed webhook (or by polling), with the e-mail, every answer and hidden fields, ready to start a welcome campaign.',
  kind: 'api',
  categories: ['forms', 'lead-capture', 'marketing'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: {
    type: 'object',
    properties: {
      formId: { type: 'string', title: 'Form id', description: 'The id in the form link, e.g. lT4Z3j in form.typeform.com/to/lT4Z3j.', pattern: '^[A-Za-z0-9]+$' },
      signingSecret: { type: 'string', title: 'Webhook secret (optional)', description: 'Only if you created the Typeform webhook yourself: the secret you gave it.' },
    },
    required: ['formId'],
  },
  permissions: { hosts: ['api.typeform.com'] },
  triggers: { formResponse, newResponse },
});
