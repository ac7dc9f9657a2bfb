/**
 * Action: import a Canva design for an e-mail template: read its title, start an export job
 * (PNG, JPG or PDF) and check it a few times. The sandbox has no timers, so a job still running
 * after those checks is returned as `in_progress`; finish it with "Get design export".
 */
import { defineAction } from '@nudgecampaign/plugin-sdk/plugin';
import { API, exportSchema, failure, readExport, type ExportJob } from '../upstream.js';

/** Status checks in one run; exports of a few pages usually finish within them. */
const CHECKS = 3;

export const importDesign = defineAction({
  title: 'Import design',
  description: 'Exports a Canva design as PNG, JPG or PDF and returns its title and download links, for use in e-mail templates.',
  input: {
    type: 'object',
    properties: {
      designId: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', title: 'Design id', description: 'From the design link, e.g. DAFVztcvd9z.' },
      format: { type: 'string', enum: ['png', 'jpg', 'pdf'], default: 'png', title: 'Format' },
      pages: { type: 'array', items: { type: 'integer', minimum: 1 }, title: 'Pages', description: 'Page numbers to export; all when empty.' },
      width: { type: 'integer', minimum: 40, maximum: 25000, title: 'Width in pixels (PNG/JPG)' },
    },
    required: ['designId'],
    additionalProperties: false,
  },
  output: {
    type: 'object',
    properties: { ...exportSchema.properties, designId: { type: 'string' }, title: { type: ['string', 'null'] }, pageCount: { type: ['integer', 'null'] } },
    required: [...exportSchema.required, 'designId', 'title'],
  },
  sample: { designId: 'DAFVztcvd9z', title: 'Spring newsletter header', pageCount: 1, exportId: 'e08861ae-3b29-45db-8dc1-1fe0bf7f1cc8', status: 'success', urls: [] },
  async run(ctx, input) {
    const design = await ctx.fetch(`${API}/designs/${input.designId}`);
    if (!design.ok) throw await failure(design);
    const meta = ((await design.json()) as { design: { title?: string; page_count?: number } }).design;

    const type = input.format ?? 'png';
    const format: Record<string, unknown> = { type };
    if (input.pages?.length) format.pages = input.pages;
    if (type !== 'pdf' && input.width) format.width = input.width;
    if (type === 'jpg') format.quality = 90;
    const created = await ctx.fetch(`${API}/exports`, { method: 'POST', json: { design_id: input.designId, format } });
    if (!created.ok) throw await failure(created);
    let job = ((await created.json()) as { job: ExportJob }).job;
    for (let i = 0; i < CHECKS && job.status === 'in_progress'; i++) job = await readExport(ctx, job.id);

    ctx.log.info('canva export', { designId: input.designId, status: job.status });
    return {
      designId: input.designId,
      title: meta.title ?? null,
      pageCount: meta.page_count ?? null,
      exportId: job.id,
      status: job.status === 'success' ? ('success' as const) : ('in_progress' as const),
      urls: job.urls ?? [],
    };
  },
});
