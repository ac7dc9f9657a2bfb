import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ actions: { spin: 'async () => { for (;;) {} }', spinLater: `async (ctx) => { await ctx.store.get('x'); while (true) {} }` } });
});
afterAll(() => h?.stop());

it('an infinite synchronous loop ends in Timeout', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('spin'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
  expect(allGood(good)).toBe(true);
});

it('an infinite loop after an await ends in Timeout too', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('spinLater'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'Timeout' } });
  expect(allGood(good)).toBe(true);
});
