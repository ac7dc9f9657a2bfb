/**
 * The certification worker: a separate process (started with
 * --no-node-snapshot) that runs bundles in the production sandbox engine
 * against their own recorded fixtures, offline. A plugin that crashes it
 * (an OOM abort) fails its gate; the platform process is never at risk.
 */
import ivm from 'isolated-vm';
import type { PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import { IsolateEngine } from '@nudgecampaign/plugin-sdk/runtime/isolate-engine';
import { limitsForManifest } from '@nudgecampaign/plugin-sdk/runtime/limits';
import type { InvokeRequest, PluginManifestLike } from '@nudgecampaign/plugin-sdk/runtime/types';
import { runCases } from '@nudgecampaign/plugin-sdk/testing/case-runner';
import { createFixtureBridge } from '@nudgecampaign/plugin-sdk/testing/fixture-bridge';
import type { Fixture, TestCase } from '@nudgecampaign/plugin-sdk/testing/test-files';
import type { CertificationReply, CertificationRequest } from './certification-protocol.js';

const engine = new IsolateEngine({ maxIsolates: 8 });
/** Plugin stores per reliability session: a plugin's store persists across its runs, as in production. */
const sessions = new Map<string, Map<string, unknown>>();
const MAX_PAGES = 10_000;

/** Static probe, never built from plugin input: lists what the evaluated bundle defines. */
const PROBE = `(() => {
  const d = (typeof __nudgePlugin === 'object' && __nudgePlugin && __nudgePlugin.default) || {};
  const keys = (o) => (o && typeof o === 'object') ? Object.keys(o) : [];
  return JSON.stringify({ actions: keys(d.actions), triggers: keys(d.triggers), syncs: keys(d.syncs) });
})()`;

async function load(bundle: PluginBundle) {
  const limits = limitsForManifest(bundle.manifest as PluginManifestLike);
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  try {
    const context = await isolate.createContext();
    await (await isolate.compileScript(bundle.code, { filename: 'nudge-plugin.js' })).run(context, { timeout: limits.cpuTimeoutMs });
    const defines = JSON.parse(String(await context.eval(PROBE, { timeout: limits.cpuTimeoutMs, copy: true })));
    return { ok: true, defines };
  } catch (err) {
    return { ok: false, message: (err as Error).message.slice(0, 500) };
  } finally {
    isolate.dispose();
  }
}

/** The plugin's own passing test case for a member: it supplies realistic settings, connection facts and input. */
function caseFor(bundle: PluginBundle, kind: TestCase['kind'], name: string): TestCase | undefined {
  return (bundle.tests as TestCase[]).find((c) => c.kind === kind && c.target === name && c.expect.ok);
}

function request(bundle: PluginBundle, kind: InvokeRequest['kind'], name: string, input: unknown, testCase?: TestCase): InvokeRequest {
  return {
    digest: bundle.digest,
    code: bundle.code,
    manifest: bundle.manifest as PluginManifestLike,
    kind,
    name,
    input,
    settings: testCase?.settings ?? {},
    installation: { id: 'certification', workspaceId: 'certification' },
    connection: testCase?.connection ?? {},
    limits: limitsForManifest(bundle.manifest as PluginManifestLike),
  };
}

async function timeSync(bundle: PluginBundle, name: string, session: string | undefined) {
  const store = session ? (sessions.get(session) ?? sessions.set(session, new Map()).get(session)!) : new Map<string, unknown>();
  const bridge = createFixtureBridge({ fixtures: bundle.fixtures as Fixture[], hosts: (bundle.manifest as PluginManifestLike).permissions?.hosts ?? [], store: Object.fromEntries(store) });
  const testCase = caseFor(bundle, 'sync', name);
  let cursor: unknown = null;
  let records = 0;
  const started = performance.now();
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await engine.invoke(request(bundle, 'sync', name, { cursor }, testCase), bridge);
    for (const [k, v] of bridge.store) store.set(k, v);
    if (!result.ok) return { ok: false, records, ms: performance.now() - started, message: `${result.error.type} ${result.error.code}: ${result.error.message}` };
    const batch = result.output as { records?: unknown[]; nextCursor?: unknown; hasMore?: boolean };
    records += batch.records?.length ?? 0;
    if (!batch.hasMore) return { ok: true, records, ms: performance.now() - started };
    cursor = batch.nextCursor ?? null;
  }
  return { ok: false, records, ms: performance.now() - started, message: `the sync did not finish within ${MAX_PAGES} pages` };
}

async function timeAction(bundle: PluginBundle, name: string, runs: number) {
  // The action's own test case supplies a realistic input and its fixtures.
  const testCase = caseFor(bundle, 'action', name);
  const fixtures = (bundle.fixtures as Fixture[]).filter((f) => !testCase?.fixtures || testCase.fixtures.includes(f.name));
  const durationsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const bridge = createFixtureBridge({ fixtures, hosts: (bundle.manifest as PluginManifestLike).permissions?.hosts ?? [] });
    const started = performance.now();
    const result = await engine.invoke(request(bundle, 'action', name, testCase?.input ?? {}, testCase), bridge);
    durationsMs.push(performance.now() - started);
    if (!result.ok) return { ok: false, durationsMs, message: `${result.error.type} ${result.error.code}: ${result.error.message}` };
  }
  return { ok: true, durationsMs };
}

async function handle(msg: CertificationRequest): Promise<unknown> {
  switch (msg.op) {
    case 'load':
      return load(msg.bundle);
    case 'runTests': {
      const results = await runCases({ engine, digest: msg.bundle.digest, code: msg.bundle.code, manifest: msg.bundle.manifest as PluginManifestLike, cases: msg.bundle.tests as TestCase[], fixtures: msg.bundle.fixtures as Fixture[] });
      return results.map((r) => ({ name: r.name, ok: r.passed, durationMs: r.durationMs, ...(r.message ? { message: r.message } : {}) }));
    }
    case 'timeSync':
      return timeSync(msg.bundle, msg.name, msg.session);
    case 'timeAction':
      return timeAction(msg.bundle, msg.name, msg.runs);
  }
}

process.on('message', (msg: CertificationRequest) => {
  handle(msg).then(
    (value) => process.send!({ id: msg.id, ok: true, value } satisfies CertificationReply),
    (err: Error) => process.send!({ id: msg.id, ok: false, message: err.message } satisfies CertificationReply),
  );
});
process.on('disconnect', () => process.exit(0));
