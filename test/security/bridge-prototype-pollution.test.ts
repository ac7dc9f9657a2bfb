import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, FIXTURE_HOST, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: {
      pollute: `async (ctx) => {
        Object.prototype.polluted = 'yes';
        Object.prototype.url = 'https://evil.example.net/';
        Object.prototype.headers = { authorization: 'stolen' };
        Object.prototype.__proto__polluted = 1;
        Array.prototype.push = function () { throw new Error('hijacked'); };
        JSON.parse = () => ({ status: 999 });
        const r = await ctx.fetch('https://${FIXTURE_HOST}/ok', { headers: JSON.parse('{"__proto__": {"x": "1"}}') });
        await ctx.store.set('__proto__', { polluted: true });
        await ctx.store.set('constructor', 1);
        return { status: r.status, proto: (await ctx.store.get('__proto__')) ?? null };
      }`,
    },
  });
});
afterAll(() => h?.stop());

it('polluting prototypes inside the isolate changes nothing on the host side of the bridge', async () => {
  const { abuse, good } = await alongside(h, () => h.abuse('pollute'));
  expect(abuse).toMatchObject({ ok: true, output: { status: 200, proto: { polluted: true } } });
  // The host process is untouched, and the request went where the plugin's URL said.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(h.fixture.hits).toContain('/ok');
  expect(allGood(good)).toBe(true);
  // The next invocation of the same plugin starts from a clean realm.
  const again = await h.abuse('pollute');
  expect(again.ok).toBe(true);
});
