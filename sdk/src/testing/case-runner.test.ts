/** The fixture bridge's matching and the runner's verdicts, with a scripted engine standing in for the isolate. */
import { describe, expect, it } from 'vitest';
import { SandboxBridgeError, type HostBridge, type InvokeRequest, type InvokeResult } from '../runtime/types.js';
import { partialMismatch, runCases, type CaseEngine } from './case-runner.js';
import { createFixtureBridge } from './fixture-bridge.js';
import { parseFixture, parseTestFile, TestFileError, type Fixture } from './test-files.js';

const fixture: Fixture = parseFixture('fixtures/contacts.json', {
  exchanges: [
    { request: { method: 'GET', url: 'https://api.example.com/v1/contacts?limit=2', query: { page: '1' } }, response: { status: 200, body: { items: [1, 2] } } },
    { request: { method: 'POST', url: 'https://api.example.com/v1/contacts', bodyIncludes: 'ada' }, response: { status: 201, headers: { 'X-Id': '7' }, body: 'created' } },
  ],
}, 'contacts');
const metrics = { wallMs: 1, cpuMs: 1, heapUsedBytes: 1, hostCalls: 0, logBytes: 0, outcome: 'ok' as const };

describe('createFixtureBridge', () => {
  const bridge = createFixtureBridge({ fixtures: [fixture], hosts: ['api.example.com'] });

  it('matches method, origin, path, listed query parameters and body text', async () => {
    const res = await bridge.fetch({ method: 'GET', url: 'https://api.example.com/v1/contacts?page=1&limit=2&extra=x', headers: {} });
    expect(res).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"items":[1,2]}' });
    const post = await bridge.fetch({ method: 'POST', url: 'https://api.example.com/v1/contacts', headers: {}, body: '{"name":"ada"}' });
    expect(post).toMatchObject({ status: 201, headers: { 'x-id': '7' }, body: 'created' });
  });

  it('names an unmatched request and ends the invocation', async () => {
    const call = bridge.fetch({ method: 'GET', url: 'https://api.example.com/v1/contacts?page=2&limit=2', headers: {} });
    await expect(call).rejects.toBeInstanceOf(SandboxBridgeError);
    await expect(call).rejects.toThrow('No fixture matches GET https://api.example.com/v1/contacts?page=2&limit=2');
    expect(bridge.unmatched).toEqual(['GET https://api.example.com/v1/contacts?page=2&limit=2']);
  });

  it('enforces the egress allowlist like production', async () => {
    await expect(bridge.fetch({ method: 'GET', url: 'https://evil.example.net/', headers: {} })).rejects.toMatchObject({ type: 'EgressDenied', code: 'EGRESS_DENIED' });
  });
});

describe('test files', () => {
  it('name the file and JSON path of a bad case', () => {
    expect(() => parseTestFile('tests/a.test.json', [{ name: 'x', kind: 'action', target: 't', expect: { ok: true } }, { name: 'y', kind: 'job', target: 't', expect: { ok: true } }])).toThrow(
      new TestFileError('tests/a.test.json', '/1/kind', 'one of action, trigger, sync, auth_test, options, webhook'),
    );
    expect(() => parseFixture('fixtures/b.json', { exchanges: [{ request: { method: 'GET', url: '/relative' }, response: { status: 200 } }] }, 'b')).toThrow('fixtures/b.json/exchanges/0/request/url: expected an absolute URL');
  });
});

describe('partialMismatch', () => {
  it('accepts subsets and names the first difference', () => {
    expect(partialMismatch({ a: 1, list: [{ id: 'x' }] }, { a: 1, b: 2, list: [{ id: 'x', more: true }, {}] })).toBeUndefined();
    expect(partialMismatch({ a: { b: 2 } }, { a: { b: 3 } })).toBe('/a/b: expected 2, got 3');
    expect(partialMismatch([1, 2], [1])).toBe('/1: expected an item, the array has only 1');
  });
});

describe('runCases', () => {
  // Scripted engine: `fetch` targets call the bridge, others answer from the script.
  const engine: CaseEngine = {
    async invoke(req: InvokeRequest, bridge: HostBridge): Promise<InvokeResult> {
      if (req.name === 'fetches') {
        try {
          const res = await bridge.fetch({ method: 'GET', url: String((req.input as { url: string }).url), headers: {} });
          return { ok: true, output: JSON.parse(res.body), metrics };
        } catch (error) {
          return { ok: false, error: { type: 'NotFound', code: 'FIXTURE_UNMATCHED', message: (error as Error).message }, metrics };
        }
      }
      if (req.name === 'limited') return { ok: false, error: { type: 'PluginError', code: 'RATE_LIMITED', message: 'slow', retryAfter: 3 }, metrics };
      return { ok: true, output: [{ id: 1 }, { id: 2 }], metrics };
    },
  };
  const base = { engine, digest: 'sha256:0', code: '', manifest: { permissions: { hosts: ['api.example.com'] } }, fixtures: [fixture] };

  it('passes matching cases and explains each failure', async () => {
    const results = await runCases({
      ...base,
      cases: [
        { name: 'ok', kind: 'trigger', target: 'poll', expect: { ok: true, count: 2, output: [{ id: 1 }] } },
        { name: 'count', kind: 'trigger', target: 'poll', expect: { ok: true, count: 3 } },
        { name: 'error code', kind: 'action', target: 'limited', expect: { ok: false, errorCode: 'RATE_LIMITED' } },
        { name: 'wrong code', kind: 'action', target: 'limited', expect: { ok: false, errorCode: 'AUTH_EXPIRED' } },
        { name: 'fixture', kind: 'action', target: 'fetches', input: { url: 'https://api.example.com/v1/contacts?page=1&limit=2' }, fixtures: ['contacts'], expect: { ok: true, output: { items: [1, 2] } } },
        { name: 'unmatched', kind: 'action', target: 'fetches', input: { url: 'https://api.example.com/v1/other' }, fixtures: ['contacts'], expect: { ok: false } },
        { name: 'unknown fixture', kind: 'action', target: 'x', fixtures: ['nope'], expect: { ok: true } },
      ],
    });
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['ok', true],
      ['count', false],
      ['error code', true],
      ['wrong code', false],
      ['fixture', true],
      ['unmatched', false],
      ['unknown fixture', false],
    ]);
    expect(results[1]?.message).toBe('expected 3 item(s), got 2');
    expect(results[3]?.message).toMatch(/expected error code AUTH_EXPIRED, got RATE_LIMITED/);
    expect(results[5]?.message).toBe('no fixture matches GET https://api.example.com/v1/other (fixtures listed: contacts)');
    expect(results[6]?.message).toMatch(/unknown fixture\(s\) nope/);
  });
});
