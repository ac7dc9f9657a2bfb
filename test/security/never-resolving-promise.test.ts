import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ actions: { hang: '() => new Promise(() => {})' }, manifest: { id: 'hostile', permissions: { hosts: [], timeoutMs: 400 } } });
});
afterAll(() => h?.stop());

it('a never-resolving promise ends at the wall-clock deadline the manifest declares', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('hang'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'WALL_TIMEOUT' } });
  expect(abuse.metrics.wallMs).toBeGreaterThanOrEqual(350);
  expect(abuse.metrics.wallMs).toBeLessThan(3_000);
  expect(allGood(good)).toBe(true);
});
