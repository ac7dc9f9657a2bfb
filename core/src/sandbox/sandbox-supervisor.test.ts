import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsBundle, digestOf } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';
import { SandboxSupervisor, type InvocationEvent, type SandboxInvocation, type SandboxLogEvent } from './sandbox-supervisor.js';

const code = actionsBundle({
  echo: 'async (ctx, input) => ({ echoed: input.msg, settings: ctx.settings, conn: ctx.connection })',
  call: `async (ctx) => { const r = await ctx.fetch('https://api.fixture.test/hello', { query: { q: 'x' } }); return { status: r.status, body: await r.json() }; }`,
  logs: `async (ctx) => { ctx.log.info('token is Bearer abc.def', { password: 'hunter2', ok: 1 }); return 1; }`,
  store: `async (ctx, input) => { if (input.set) await ctx.store.set('k', input.set); return { k: (await ctx.store.get('k')) ?? null }; }`,
});
const version = { digest: digestOf(code), code, manifest: { id: 'fixture', permissions: { hosts: ['api.fixture.test'] } } };
const call = (name: string, input: unknown = {}, installationId = 'inst-1'): SandboxInvocation => ({
  version,
  installation: { id: installationId, workspaceId: 'ws', settings: { region: 'eu' } },
  connection: { provider: 'fixture' },
  kind: 'action',
  name,
  input,
});

let server: http.Server;
let supervisor: SandboxSupervisor;
const seen: Array<{ url: string; auth: string | undefined; host: string | undefined }> = [];
const metrics: InvocationEvent[] = [];
const logs: SandboxLogEvent[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization, host: req.headers.host });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ hello: 'world' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  supervisor = await SandboxSupervisor.start({
    workers: 2,
    egress: { hostOverrides: { 'api.fixture.test': { address: '127.0.0.1', port, protocol: 'http' } } },
    credentialsFor: async () => ({ headers: { authorization: 'Bearer injected-token' } }),
    onMetrics: (e) => metrics.push(e),
    onLog: (e) => logs.push(e),
  });
});
afterAll(async () => {
  await supervisor?.stop();
  server?.close();
});

describe('SandboxSupervisor', () => {
  it('runs an invocation in a worker and reports metrics', async () => {
    const res = await supervisor.invoke(call('echo', { msg: 'hi' }));
    expect(res).toMatchObject({ ok: true, output: { echoed: 'hi', settings: { region: 'eu' }, conn: { provider: 'fixture' } } });
    expect(metrics.at(-1)).toMatchObject({ digest: version.digest, installationId: 'inst-1', metrics: { outcome: 'ok' } });
  });

  it('fetches through the host with injected credentials via the host-override map', async () => {
    const res = await supervisor.invoke(call('call'));
    expect(res).toMatchObject({ ok: true, output: { status: 200, body: { hello: 'world' } } });
    expect(seen.at(-1)).toEqual({ url: '/hello?q=x', auth: 'Bearer injected-token', host: expect.stringContaining('api.fixture.test') });
  });

  it('redacts plugin logs', async () => {
    await supervisor.invoke(call('logs'));
    expect(logs.at(-1)).toMatchObject({ level: 'info', message: 'token is Bearer [REDACTED]', data: { password: '[REDACTED]', ok: 1 } });
  });

  it('keeps the store per installation', async () => {
    await supervisor.invoke(call('store', { set: 'mine' }, 'inst-a'));
    expect(await supervisor.invoke(call('store', {}, 'inst-a'))).toMatchObject({ ok: true, output: { k: 'mine' } });
    expect(await supervisor.invoke(call('store', {}, 'inst-b'))).toMatchObject({ ok: true, output: { k: null } });
  });

  it('restarts a killed worker and fails only its in-flight invocations', async () => {
    const pids = supervisor.workerPids;
    process.kill(pids[0]!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    let res = await supervisor.invoke(call('echo', { msg: 'again' }));
    while (!res.ok && Date.now() - started < 2_000) res = await supervisor.invoke(call('echo', { msg: 'again' }));
    expect(res).toMatchObject({ ok: true, output: { echoed: 'again' } });
    expect(supervisor.crashes().at(-1)).toMatchObject({ signal: 'SIGKILL' });
  });
});
