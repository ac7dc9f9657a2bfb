/**
 * Polling fallback: the newest completed responses of the form, for accounts that cannot receive
 * webhooks. The host drops responses it has seen by `responseId`.
 */
import { definePollingTrigger } from '@nudgecampaign/plugin-sdk/plugin';
import { API, failure, formId, leadSchema, toLead, type Answer } from '../upstream.js';

export const newResponse = definePollingTrigger({
  type: 'polling',
  title: 'New form response (polling)',
  description: 'Checks the form for new completed responses; use it when webhooks cannot be set up.',
  output: leadSchema,
  dedupeKey: 'responseId',
  sample: { responseId: 'a3a12ec67a1365927098a606107fac15', formId: 'lT4Z3j', submittedAt: '2025-03-03T08:15:00Z', email: 'ada@example.com', answers: { email: 'ada@example.com' }, hidden: {} },
  async poll(ctx) {
    const form = formId(ctx);
    const res = await ctx.fetch(`${API}/forms/${form}/responses`, { query: { page_size: 100, completed: 'true', sort: 'submitted_at,desc' } });
    if (!res.ok) throw await failure(res);
    const page = (await res.json()) as { items: Array<{ token: string; submitted_at: string; answers: Answer[] | null; hidden?: Record<string, string> }> };
    return page.items.map((r) => toLead(form, r));
  },
});
