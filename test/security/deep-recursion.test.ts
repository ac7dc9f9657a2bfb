import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: {
      recurse: 'async () => { const f = (n) => f(n + 1) + 1; return f(0); }',
      deepOutput: 'async () => { let o = {}; const root = o; for (let i = 0; i < 1e6; i++) { o.c = {}; o = o.c; } return root; }',
    },
  });
});
afterAll(() => h?.stop());

it('unbounded recursion ends in a PluginError, not a crash', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('recurse'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'PluginError', code: 'UNHANDLED' } });
  expect((abuse as { error: { message: string } }).error.message).toMatch(/call stack/i);
  expect(allGood(good)).toBe(true);
});

it('a million-level nested output is refused, not serialised on the host', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('deepOutput'));
  expect(abuse.ok).toBe(false);
  expect(['OutputInvalid', 'MemoryLimit', 'PluginError']).toContain((abuse as { error: { type: string } }).error.type);
  expect(allGood(good)).toBe(true);
});
