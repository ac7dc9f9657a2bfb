import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '@nudgecampaign/core/sandbox/address-classifier';
import { EgressGuard, type ConnectTarget, type EgressTransport } from '@nudgecampaign/core/sandbox/egress-guard';
import { nodeTransport } from '@nudgecampaign/core/sandbox/egress-transport';
import { allGood, alongside, startHarness, type Harness } from './harness.js';

// No packet may leave the machine: resolvers are stubs, and the transport refuses
// (and records) any target that is not loopback, so even a broken guard sends nothing.
const attempted: ConnectTarget[] = [];
const loopbackOnly: EgressTransport = async (target, req, caps) => {
  if (target.address !== '127.0.0.1') {
    attempted.push(target);
    throw new Error(`test transport refused ${target.address}`);
  }
  return nodeTransport(target, req, caps);
};
const STUB_DNS: Record<string, string> = {
  'ten.fixture.test': '10.1.2.3',
  'metadata.fixture.test': '169.254.169.254',
  'private.fixture.test': '192.168.1.10',
  'cgnat.fixture.test': '100.64.0.1',
  'ula.fixture.test': 'fd00::1',
  'mapped.fixture.test': '::ffff:10.0.0.1',
  'hexmapped.fixture.test': '::ffff:a9fe:a9fe',
  'public.fixture.test': '93.184.216.34',
};
const resolver = async (name: string) => {
  const address = STUB_DNS[name];
  if (!address) throw Object.assign(new Error('NXDOMAIN'), { code: 'ENOTFOUND' });
  return [{ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }];
};

describe('address classifier', () => {
  it.each([
    ['10.0.0.1', 'private'], ['10.255.255.255', 'private'], ['172.16.0.1', 'private'], ['172.31.255.1', 'private'], ['192.168.0.1', 'private'],
    ['100.64.0.1', 'private'], ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['169.254.169.254', 'link-local'], ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['255.255.255.255', 'reserved'], ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'link-local'],
    ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'], ['::ffff:a9fe:a9fe', 'link-local'], ['::127.0.0.1', 'loopback'], ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:a00:1::', 'private'], ['2001:db8::1', 'reserved'], ['fe80::1%eth0', 'link-local'], ['[::1]', 'loopback'],
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['2606:4700::1111', 'public'], ['not-an-ip', 'invalid'],
  ])('%s is %s', (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });
});

describe('egress guard with a stubbed resolver and connector', () => {
  const guard = new EgressGuard({ resolver, transport: loopbackOnly });
  const allowlist = Object.keys(STUB_DNS).concat(['10.0.0.1', '169.254.169.254']);
  it.each([
    'https://ten.fixture.test/', 'https://metadata.fixture.test/latest/meta-data/', 'https://private.fixture.test/', 'https://cgnat.fixture.test/',
    'https://ula.fixture.test/', 'https://mapped.fixture.test/', 'https://hexmapped.fixture.test/', 'https://10.0.0.1/', 'https://169.254.169.254/latest/meta-data/',
  ])('%s is refused before any connect', async (url) => {
    await expect(guard.fetch({ url, method: 'GET', headers: {} }, { allowlist, deadline: Date.now() + 5_000 })).rejects.toMatchObject({ type: 'EgressDenied', code: 'ADDRESS_NOT_ALLOWED' });
    expect(attempted).toEqual([]);
  });

  it('a public address does reach the connector (which the test refuses), pinned to the checked IP', async () => {
    await expect(guard.fetch({ url: 'https://public.fixture.test/x', method: 'GET', headers: {} }, { allowlist, deadline: Date.now() + 5_000 })).rejects.toThrow(/test transport refused/);
    expect(attempted.splice(0)).toEqual([expect.objectContaining({ hostname: 'public.fixture.test', address: '93.184.216.34', port: 443, protocol: 'https:' })]);
  });
});

describe('through the supervisor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      actions: { get: `async (ctx, input) => { const r = await ctx.fetch(input.url); return { status: r.status }; }` },
      manifest: { id: 'hostile', permissions: { hosts: ['*.fixture.test', '10.0.0.1', '169.254.169.254'] } },
      egress: { resolver, transport: loopbackOnly },
    });
  });
  afterAll(() => h?.stop());

  it.each(['https://ten.fixture.test/', 'https://metadata.fixture.test/latest/meta-data/', 'https://169.254.169.254/latest/meta-data/', 'https://10.0.0.1/', 'https://mapped.fixture.test/'])(
    'SSRF to %s is denied while a good plugin keeps working',
    async (url) => {
      const { abuse, good } = await alongside(h, () => h.abuse('get', { url }));
      expect(abuse).toMatchObject({ ok: false, error: { type: 'EgressDenied', code: 'ADDRESS_NOT_ALLOWED' } });
      expect(attempted).toEqual([]);
      expect(allGood(good)).toBe(true);
    },
  );
});
