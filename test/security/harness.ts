/**
 * Shared set-up for the security suite: a supervisor with two workers, a
 * loopback fixture upstream reached only through the host-override map, a
 * hostile bundle under test and a well-behaved plugin that must keep working
 * while the abuse runs. Packets go to 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { actionsBundle, digestOf } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';
import type { InvokeResult, PluginManifestLike } from '@nudgecampaign/plugin-sdk/runtime/types';
import { SandboxSupervisor, type SandboxInvocation, type SandboxSupervisorOptions } from '@nudgecampaign/core/sandbox/sandbox-supervisor';
import type { EgressOptions } from '@nudgecampaign/core/sandbox/egress-guard';

export const FIXTURE_HOST = 'api.fixture.test';

export interface Fixture {
  port: number;
  hits: string[];
  /** TCP connections accepted, so even a request that never parses as HTTP is counted. */
  connections(): number;
  close(): Promise<void>;
}

/** A loopback upstream: `/ok` answers JSON, `/redirect?to=<url>` answers 302, anything else 404. */
export async function startFixture(): Promise<Fixture> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    } else if (url.pathname === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ fine: true }));
    } else {
      res.writeHead(404).end();
    }
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, hits, connections: () => connections, close: () => new Promise((r) => server.close(() => r())) };
}

const GOOD_CODE = actionsBundle({
  ok: `async (ctx, input) => { const r = await ctx.fetch('https://${FIXTURE_HOST}/ok'); await ctx.store.set('n', input.n); return { n: await ctx.store.get('n'), upstream: (await r.json()).fine }; }`,
});

export interface Harness {
  supervisor: SandboxSupervisor;
  fixture: Fixture;
  /** Invokes an action of the hostile bundle. */
  abuse(name: string, input?: unknown, installationId?: string): Promise<InvokeResult>;
  /** One well-behaved invocation (fetch + store) of a different plugin. */
  good(n?: number): Promise<InvokeResult>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  actions: Record<string, string>;
  prologue?: string;
  manifest?: PluginManifestLike;
  egress?: Omit<EgressOptions, 'hostOverrides'> & { hostOverrides?: EgressOptions['hostOverrides'] };
  supervisor?: Partial<SandboxSupervisorOptions>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fixture = await startFixture();
  const supervisor = await SandboxSupervisor.start({
    workers: 2,
    ...options.supervisor,
    egress: {
      ...options.egress,
      hostOverrides: { [FIXTURE_HOST]: { address: '127.0.0.1', port: fixture.port, protocol: 'http' }, ...options.egress?.hostOverrides },
    },
  });
  const code = actionsBundle(options.actions, options.prologue);
  const hostile = { digest: digestOf(code), code, manifest: options.manifest ?? { id: 'hostile', permissions: { hosts: [FIXTURE_HOST] } } };
  const good = { digest: digestOf(GOOD_CODE), code: GOOD_CODE, manifest: { id: 'good', permissions: { hosts: [FIXTURE_HOST] } } };
  const call = (version: SandboxInvocation['version'], name: string, input: unknown, installationId: string): SandboxInvocation => ({
    version,
    installation: { id: installationId, workspaceId: 'ws-1', settings: {} },
    kind: 'action',
    name,
    input,
  });
  return {
    supervisor,
    fixture,
    abuse: (name, input = {}, installationId = 'inst-hostile') => supervisor.invoke(call(hostile, name, input, installationId)),
    good: (n = 1) => supervisor.invoke(call(good, 'ok', { n }, 'inst-good')),
    stop: async () => {
      await supervisor.stop();
      await fixture.close();
    },
  };
}

/**
 * Runs the abuse while well-behaved invocations keep going on the same supervisor,
 * and returns both. Every good invocation must succeed for the platform to count as contained.
 */
export async function alongside(h: Harness, abuse: () => Promise<InvokeResult>): Promise<{ abuse: InvokeResult; good: InvokeResult[] }> {
  let done = false;
  const abusing = abuse().finally(() => {
    done = true;
  });
  const good: InvokeResult[] = [];
  let n = 0;
  do {
    good.push(await h.good(++n));
  } while (!done && n < 200);
  return { abuse: await abusing, good };
}

export function allGood(results: InvokeResult[]): boolean {
  return results.length > 0 && results.every((r, i) => r.ok && (r.output as { n: number; upstream: boolean }).n === i + 1 && (r.output as { upstream: boolean }).upstream === true);
}
