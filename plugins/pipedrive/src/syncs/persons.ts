/** Sync: every Pipedrive person, 100 per page, following `next_start` while more items remain. */
import { defineSync } from '@nudgecampaign/plugin-sdk/plugin';
import { listPage, personSchema, toPerson, type PersonRow } from '../upstream.js';

export const persons = defineSync({
  title: 'Persons',
  description: 'All Pipedrive persons with primary e-mail and phone and their organization.',
  model: { name: 'Person', idField: 'id', schema: personSchema },
  async fetch(ctx, { cursor }) {
    const page = await listPage<PersonRow>(ctx, '/persons', cursor);
    return { records: page.items.map(toPerson), nextCursor: page.nextCursor, hasMore: page.hasMore };
  },
});
