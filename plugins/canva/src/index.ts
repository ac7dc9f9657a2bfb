/** Canva: import designs (exported as PNG, JPG or PDF) for NudgeCampaign e-mail templates. */
import { definePlugin } from '@nudgecampaign/plugin-sdk/plugin';
import { getDesignExport } from './actions/get-design-export.js';
import { importDesign } from './actions/import-design.js';
import { auth } from './auth.js';

export default definePlugin({
  id: 'canva',
  name: 'Canva',
  description:
    'Design in Canva, send with NudgeCampaign: import a Canva design as PNG, JPG or PDF into your e-mail templates with its title and one download link per page.',
  kind: 'api',
  categories: ['design', 'content'],
  version: '1.0.0',
  icon: 'icon.svg',
  auth,
  settings: { type: 'object', properties: {} },
  permissions: { hosts: ['api.canva.com'] },
  actions: { importDesign, getDesignExport },
});
