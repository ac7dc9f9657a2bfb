/** Action: the status and download links of an export started by "Import design". */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { exportSchema, readExport } from '../upstream.js';

export const getDesignExport = defineAction({
  title: 'Get design export',
  description: 'Checks a Canva export job and returns its download links once it has finished.',
  input: {
    type: 'object',
    properties: { exportId: { type: 'string', minLength: 1, title: 'Export id' } },
    required: ['exportId'],
    additionalProperties: false,
  },
  output: exportSchema,
  sample: { exportId: 'e08861ae-3b29-45db-8dc1-1fe0bf7f1cc8', status: 'success', urls: [] },
  async run(ctx, input) {
    const job = await readExport(ctx, input.exportId);
    return { exportId: job.id, status: job.status === 'success' ? ('success' as const) : ('in_progress' as const), urls: job.urls ?? [] };
  },
});
