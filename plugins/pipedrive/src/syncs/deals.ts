/** Sync: every Pipedrive deal with its value, status, stage and person, following `next_start`. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { listPage, nullableString } from '../upstream.js';

interface DealRow {
  id: number;
  title: string;
  value: number;
  currency: string;
  status: 'open' | 'won' | 'lost' | 'deleted';
  stage_id: number;
  pipeline_id: number;
  person_id: { value: number; name: string } | null;
  org_id: { value: number; name: string } | null;
  expected_close_date: string | null;
  won_time: string | null;
  add_time: string;
  update_time: string | null;
}

const utc = (time: string | null) => (time ? `${time.replace(' ', 'T')}Z` : null);

export const deals = defineSync({
  title: 'Deals',
  description: 'All Pipedrive deals with value, currency, status, stage and the linked person.',
  model: {
    name: 'Deal',
    idField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        title: { type: 'string' },
        value: { type: 'number' },
        currency: { type: 'string' },
        status: { type: 'string', enum: ['open', 'won', 'lost', 'deleted'] },
        stageId: { type: 'integer' },
        pipelineId: { type: 'integer' },
        personId: { type: ['integer', 'null'] },
        orgId: { type: ['integer', 'null'] },
        expectedCloseDate: nullableString,
        wonAt: nullableString,
        createdAt: { type: 'string' },
        updatedAt: nullableString,
      },
      required: ['id', 'title', 'value', 'currency', 'status', 'stageId', 'createdAt'],
    },
  },
  async fetch(ctx, { cursor }) {
    const page = await listPage<DealRow>(ctx, '/deals', cursor);
    return {
      records: page.items.map((d) => ({
        id: d.id,
        title: d.title,
        value: d.value,
        currency: d.currency,
        status: d.status,
        stageId: d.stage_id,
        pipelineId: d.pipeline_id,
        personId: d.person_id?.value ?? null,
        orgId: d.org_id?.value ?? null,
        expectedCloseDate: d.expected_close_date,
        wonAt: utc(d.won_time),
        createdAt: utc(d.add_time)!,
        updatedAt: utc(d.update_time),
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
});
