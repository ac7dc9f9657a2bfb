import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: { get: `async (ctx, input) => { const r = await ctx.fetch(input.url); return r.text(); }` },
    manifest: { id: 'hostile', permissions: { hosts: ['api.fixture.test', 'localhost.fixture.test'] } },
  });
});
afterAll(() => h?.stop());

it.each([
  ['file:///etc/passwd', 'SCHEME_NOT_ALLOWED'],
  ['file://api.fixture.test/etc/passwd', 'SCHEME_NOT_ALLOWED'],
  ['data:text/plain,hello', 'SCHEME_NOT_ALLOWED'],
  ['data:application/json;base64,e30=', 'SCHEME_NOT_ALLOWED'],
  ['http://api.fixture.test/ok', 'SCHEME_NOT_ALLOWED'],
  ['ftp://api.fixture.test/ok', 'SCHEME_NOT_ALLOWED'],
  ['javascript:alert(1)', 'SCHEME_NOT_ALLOWED'],
  ['https://user:pw@api.fixture.test/ok', 'URL_CREDENTIALS'],
  ['/relative/path', 'URL_INVALID'],
])('%s is refused (%s)', async (url, code) => {
  const { abuse, good } = await alongside(h, () => h.abuse('get', { url }));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'EgressDenied', code } });
  expect(allGood(good)).toBe(true);
});
