import { afterAll, beforeAll, expect, it } from 'vitest';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

// Live attempts, loopback only: the allowlist names the targets so that only the address check stands in the way.
let h: Harness;
let resolved: string[] = [];
beforeAll(async () => {
  h = await startHarness({
    actions: { get: `async (ctx, input) => { const r = await ctx.fetch(input.url); return { status: r.status }; }` },
    manifest: { id: 'hostile', permissions: { hosts: ['127.0.0.1', '127.1.2.3', 'rebind.fixture.test', 'v6.fixture.test', 'mapped.fixture.test', 'api.fixture.test'] } },
    egress: {
      resolver: async (name) => {
        resolved.push(name);
        if (name === 'rebind.fixture.test') return [{ address: '127.0.0.1', family: 4 }];
        if (name === 'v6.fixture.test') return [{ address: '::1', family: 6 }];
        if (name === 'mapped.fixture.test') return [{ address: '::ffff:127.0.0.1', family: 6 }];
        throw Object.assign(new Error('NXDOMAIN'), { code: 'ENOTFOUND' });
      },
    },
  });
});
afterAll(() => h?.stop());

it.each([
  ['https://127.0.0.1:PORT/ok'],
  ['https://127.1.2.3:PORT/ok'],
  ['https://[::1]:PORT/ok'],
  ['https://[::ffff:127.0.0.1]:PORT/ok'],
  ['https://[::ffff:7f00:1]:PORT/ok'],
  ['https://rebind.fixture.test:PORT/ok'],
  ['https://v6.fixture.test:PORT/ok'],
  ['https://mapped.fixture.test:PORT/ok'],
])('SSRF to %s is denied and never reaches the listener', async (template) => {
  const url = template.replace('PORT', String(h.fixture.port));
  const before = h.fixture.connections();
  const { abuse, good } = await alongside(h, () => h.abuse('get', { url }));
  expect(abuse.ok).toBe(false);
  expect((abuse as { error: { type: string; code: string } }).error).toMatchObject({ type: 'EgressDenied' });
  expect(['ADDRESS_NOT_ALLOWED', 'HOST_NOT_ALLOWED']).toContain((abuse as { error: { code: string } }).error.code);
  expect(h.fixture.connections() - before).toBe(good.length);
  expect(allGood(good)).toBe(true);
});

it('names resolving to loopback are looked up and refused', () => {
  expect(resolved).toEqual(expect.arrayContaining(['rebind.fixture.test', 'v6.fixture.test', 'mapped.fixture.test']));
  resolved = [];
});
