import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

const bomb = `async (ctx, input) => { const keep = []; for (let i = 0; i < input.mb; i++) keep.push(new Array(128 * 1024).fill(i)); return { n: keep.length }; }`;
let h: Harness;
let roomy: Harness;
beforeAll(async () => {
  h = await startHarness({ actions: { bomb, strings: `async () => { let s = 'x'; for (;;) s = s + s; }` } });
  roomy = await startHarness({ actions: { bomb }, manifest: { id: 'roomy', permissions: { hosts: [], memoryMb: 256 } } });
});
afterAll(async () => {
  await h?.stop();
  await roomy?.stop();
});

it('a memory bomb ends in MemoryLimit at the default 64 MB', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('bomb', { mb: 150 }));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'MemoryLimit' } });
  expect(allGood(good)).toBe(true);
  const strings = await alongside(h, () => h.abuse('strings'));
  expect(['MemoryLimit', 'PluginError']).toContain((strings.abuse as { error: { type: string } }).error.type);
  expect(allGood(strings.good)).toBe(true);
});

it('the memory the manifest declares is the limit that bites', async () => {
  expect(await roomy.abuse('bomb', { mb: 150 })).toMatchObject({ ok: true, output: { n: 150 } });
  expect(await roomy.abuse('bomb', { mb: 900 })).toMatchObject({ ok: false, error: { type: 'MemoryLimit' } });
});
