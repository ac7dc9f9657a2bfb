import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: {
      huge: `async () => 'x'.repeat(20 * 1024 * 1024)`,
      wide: `async () => Array.from({ length: 600000 }, (_, i) => ({ i, pad: 'yyyyyyyy' }))`,
    },
  });
});
afterAll(() => h?.stop());

it('a return value over the output cap ends in LimitExceeded', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('huge'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'OUTPUT_TOO_LARGE' } });
  expect(allGood(good)).toBe(true);
  const wide = await alongside(h, () => h.abuse('wide'));
  expect(wide.abuse).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'OUTPUT_TOO_LARGE' } });
  expect(allGood(wide.good)).toBe(true);
});
