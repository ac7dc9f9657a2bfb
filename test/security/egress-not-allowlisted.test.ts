import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  // Neither host is in the manifest's hosts; a broken guard would still only try loopback or fail DNS.
  h = await startHarness({
    actions: {
      other: `async (ctx) => { try { await ctx.fetch('https://other.fixture.test/ok'); } catch (e) {} return 'swallowed'; }`,
      lookalike: `async (ctx) => ctx.fetch('https://api.fixture.test.evil.net/ok')`,
    },
  });
});
afterAll(() => h?.stop());

it('egress to a host that is not on the allowlist is denied, even when the plugin catches the error', async () => {
  const before = h.fixture.hits.length;
  const { abuse, good } = await alongside(h, () => h.abuse('other'));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'EgressDenied', code: 'HOST_NOT_ALLOWED' } });
  const lookalike = await h.abuse('lookalike');
  expect(lookalike).toMatchObject({ ok: false, error: { type: 'EgressDenied', code: 'HOST_NOT_ALLOWED' } });
  // Only the good plugin's requests reached the upstream.
  expect(h.fixture.hits.length - before).toBe(good.length);
  expect(allGood(good)).toBe(true);
});
