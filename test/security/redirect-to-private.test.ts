import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConnectTarget, EgressTransport } from '@nudgecampaign/core/sandbox/egress-guard';
import { nodeTransport } from '@nudgecampaign/core/sandbox/egress-transport';
import { allGood, alongside, FIXTURE_HOST, startHarness, type Harness } from './harness.js';

const attempted: ConnectTarget[] = [];
const loopbackOnly: EgressTransport = async (target, req, caps) => {
  if (target.address !== '127.0.0.1') {
    attempted.push(target);
    throw new Error('test transport refused a non-loopback target');
  }
  return nodeTransport(target, req, caps);
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    actions: { get: `async (ctx, input) => { const r = await ctx.fetch(input.url); return { status: r.status, url: r.url }; }` },
    manifest: { id: 'hostile', permissions: { hosts: [FIXTURE_HOST, 'inner.fixture.test', '169.254.169.254', '127.0.0.1'] } },
    egress: {
      transport: loopbackOnly,
      resolver: async (name) => (name === 'inner.fixture.test' ? [{ address: '10.0.0.7', family: 4 }] : Promise.reject(Object.assign(new Error('NXDOMAIN'), { code: 'ENOTFOUND' }))),
    },
  });
});
afterAll(() => h?.stop());

it.each([
  ['http://169.254.169.254/latest/meta-data/', 'SCHEME_NOT_ALLOWED'],
  ['https://169.254.169.254/latest/meta-data/', 'ADDRESS_NOT_ALLOWED'],
  ['https://127.0.0.1/admin', 'ADDRESS_NOT_ALLOWED'],
  ['https://inner.fixture.test/', 'ADDRESS_NOT_ALLOWED'],
  ['https://not-allowed.example.org/', 'HOST_NOT_ALLOWED'],
  ['file:///etc/passwd', 'SCHEME_NOT_ALLOWED'],
])('a redirect to %s is re-checked and refused', async (target, code) => {
  const url = `https://${FIXTURE_HOST}/redirect?to=${encodeURIComponent(target)}`;
  const { abuse, good } = await alongside(h, () => h.abuse('get', { url }));
  expect(abuse).toMatchObject({ ok: false, error: { type: 'EgressDenied', code } });
  expect(attempted).toEqual([]);
  expect(allGood(good)).toBe(true);
});

it('a redirect to an allowed path on an allowed host is followed', async () => {
  const url = `https://${FIXTURE_HOST}/redirect?to=${encodeURIComponent('/ok')}`;
  expect(await h.abuse('get', { url })).toMatchObject({ ok: true, output: { status: 200, url: `https://${FIXTURE_HOST}/ok` } });
});
