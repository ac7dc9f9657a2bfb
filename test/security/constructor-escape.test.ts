import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: {
      escape: `async (ctx) => {
        const probe = 'return [typeof process, typeof require, typeof module, typeof global, typeof setTimeout].join(",")';
        return {
          fromThis: this.constructor.constructor(probe)(),
          fromFetch: await ctx.fetch.constructor(probe)(),
          fromLog: ctx.log.info.constructor.constructor(probe)(),
          fromStore: await ctx.store.get.constructor(probe)(),
          fromProto: ({}).__proto__.constructor.constructor(probe)(),
          fromError: (() => { try { null.x; } catch (e) { return e.constructor.constructor(probe)(); } })(),
          globals: Object.getOwnPropertyNames(globalThis).filter((k) => /nudge|ivm|require|process|module|^Buffer$|setTimeout/i.test(k)),
        };
      }`,
    },
  });
});
afterAll(() => h?.stop());

it('constructor-chain escapes reach only the isolate, never the host', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('escape'));
  expect(abuse).toMatchObject({ ok: true });
  const nothing = 'undefined,undefined,undefined,undefined,undefined';
  expect((abuse as { output: unknown }).output).toEqual({
    fromThis: nothing,
    fromFetch: nothing,
    fromLog: nothing,
    fromStore: nothing,
    fromProto: nothing,
    fromError: nothing,
    // Only the plugin's own global is visible; the host Callbacks were removed by the prelude.
    globals: ['__nudgePlugin'],
  });
  expect(allGood(good)).toBe(true);
});
