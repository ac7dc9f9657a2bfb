import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SandboxLogEvent } from '@nudgecampaign/core/sandbox/sandbox-supervisor';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

const logs: SandboxLogEvent[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: {
      flood: `async (ctx) => { for (;;) { try { ctx.log.info('spam '.repeat(50), { n: 1 }); } catch (e) {} } }`,
      empty: `async (ctx) => { for (let i = 0; i < 1e7; i++) ctx.log.debug(''); return 1; }`,
    },
    supervisor: { onLog: (e) => logs.push(e) },
  });
});
afterAll(() => h?.stop());

it('a flood of log lines ends in LimitExceeded and only the capped volume reaches the host', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('flood'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'LOG_BYTES_EXCEEDED' } });
  const hostileBytes = logs.filter((l) => l.pluginId === 'hostile').reduce((n, l) => n + l.message.length, 0);
  expect(hostileBytes).toBeLessThanOrEqual(256 * 1024);
  expect(allGood(good)).toBe(true);
});

it('empty log lines still count against the cap', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('empty'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'LOG_BYTES_EXCEEDED' } });
  expect(allGood(good)).toBe(true);
});
