import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IsolateEngine } from '@nudgecampaign/plugin-sdk/runtime/isolate-engine';
import { actionRequest, actionsBundle, recordingBridge } from '@nudgecampaign/plugin-sdk/runtime/test-bundles';
import type { InvokeResult } from '@nudgecampaign/plugin-sdk/runtime/types';
import { allGood, alongside, startHarness, type Harness } from './harness.js';
import { CLEAN_READ, LEAK_CODE, LEAK_DIGEST, TOP_LEVEL_LET_CODE, TOP_LEVEL_VAR_CODE } from './leak-plugin.js';

// One realm serves every invocation of a plugin version's isolate, and that isolate
// serves every installation (customer) of the version. Installation A writes a secret
// through every channel the hostile plugin knows; installation B, next in the same
// realm, must find none of it, while a well-behaved plugin keeps working throughout.

const secret = (i: number) => `lk-${i}x${Math.random().toString(36).slice(2, 10)}`;
const GOOD = actionsBundle({ ok: `async (ctx, input) => { await ctx.store.set('n', input.n); return { n: await ctx.store.get('n'), upstream: true }; }` });

function expectWriteContained(res: InvokeResult, installation: string): void {
  expect(res).toMatchObject({ ok: true, output: { polluted: 0, evaluations: 1, installation } });
}

function expectCleanRead(res: InvokeResult, installation: string, s: string): void {
  expect(res).toMatchObject({ ok: true, output: { ...CLEAN_READ, installation } });
  expect(JSON.stringify(res)).not.toContain(s);
}

// Both ways an invocation runs in the reused realm: asynchronously (a thread hop per
// call into the isolate), and in a synchronous slice (run-slice.ts), here with a budget
// large enough that even the leaky plugin's whole-realm search stays in its slice.
describe.each([
  ['asynchronous runs', 0],
  ['synchronous slices', 1_000],
])('context reuse in the engine (%s)', (_mode, syncSliceMs) => {
  // One engine per test, so its realm count is that test's alone.
  const engines: IsolateEngine[] = [];
  const newEngine = () => {
    const e = new IsolateEngine({ maxIsolates: 8, warmIsolatesPerKey: 1, syncSliceMs });
    engines.push(e);
    return e;
  };
  afterAll(() => engines.forEach((e) => e.dispose()));

  it('installation B reads nothing installation A left in the reused realm, over several rounds', async () => {
    const engine = newEngine();
    const good = async (n: number) => engine.invoke(actionRequest(GOOD, 'ok', { n }, { installationId: 'inst-good' }), recordingBridge());
    expect(await good(0)).toMatchObject({ ok: true });
    const realmsBefore = engine.realmsPrepared;
    const goodResults: InvokeResult[] = [];
    for (let round = 1; round <= 3; round++) {
      const s = secret(round);
      const bridge = recordingBridge();
      // 'late' settles after 'early', so its continuation runs after the result.
      bridge.storeGet = async (key) => {
        if (key === 'late') await new Promise((resolve) => setImmediate(resolve));
        return 1;
      };
      const [write, g1] = await Promise.all([engine.invoke(actionRequest(LEAK_CODE, 'write', { secret: s }, { installationId: 'inst-a' }), bridge), good(round * 10)]);
      expectWriteContained(write, 'inst-a');
      const [read, g2] = await Promise.all([engine.invoke(actionRequest(LEAK_CODE, 'read', { probe: 'lk-' }, { installationId: 'inst-b' }), recordingBridge()), good(round * 10 + 1)]);
      expectCleanRead(read, 'inst-b', s);
      goodResults.push(g1, g2);
    }
    expect(goodResults.every((r) => r.ok)).toBe(true);
    // The proof is about reuse: the leaky plugin's six invocations shared one realm,
    // run the way this block says.
    expect(engine.realmsPrepared - realmsBefore).toBe(1);
    if (syncSliceMs === 0) expect(engine.slicesRun).toBe(0);
    else expect(engine.slicesRun).toBeGreaterThanOrEqual(6);
  });

  it('a change to Object.prototype or Array.prototype retires the realm before the next installation runs', async () => {
    const engine = newEngine();
    expect(await engine.invoke(actionRequest(LEAK_CODE, 'read', { probe: 'lk-' }, { installationId: 'inst-b' }), recordingBridge())).toMatchObject({ ok: true });
    expect(await engine.invoke(actionRequest(GOOD, 'ok', { n: 0 }, { installationId: 'inst-good' }), recordingBridge())).toMatchObject({ ok: true });
    const before = engine.realmsPrepared;
    for (let round = 1; round <= 2; round++) {
      const s = secret(round);
      const [pollute, good] = await Promise.all([
        engine.invoke(actionRequest(LEAK_CODE, 'pollute', { secret: s, onlyReplace: round === 2 }, { installationId: 'inst-a' }), recordingBridge()),
        engine.invoke(actionRequest(GOOD, 'ok', { n: round }, { installationId: 'inst-good' }), recordingBridge()),
      ]);
      expect(pollute).toMatchObject({ ok: true });
      expect(good).toMatchObject({ ok: true, output: { n: round } });
      expectCleanRead(await engine.invoke(actionRequest(LEAK_CODE, 'read', { probe: 'lk-' }, { installationId: 'inst-b' }), recordingBridge()), 'inst-b', s);
    }
    // Each pollution cost its realm; the realm after it was reused as usual.
    expect(engine.realmsPrepared - before).toBe(2);
  });

  it.each([
    ['top-level let bindings', TOP_LEVEL_LET_CODE, { leaked: null }],
    ['top-level var and function declarations', TOP_LEVEL_VAR_CODE, { leaked: null, alsoLeaked: null }],
  ])('a bundle with %s gets a fresh realm per invocation instead', async (_what, code, clean) => {
    const engine = newEngine();
    const before = engine.realmsPrepared;
    for (let round = 1; round <= 2; round++) {
      const s = secret(round);
      expect(await engine.invoke(actionRequest(code, 'write', { secret: s }, { installationId: 'inst-a' }), recordingBridge())).toMatchObject({ ok: true });
      const read = await engine.invoke(actionRequest(code, 'read', {}, { installationId: 'inst-b' }), recordingBridge());
      expect(read).toMatchObject({ ok: true, output: clean });
    }
    expect(engine.realmsPrepared - before).toBeGreaterThanOrEqual(4);
  });

  it('an invocation that times out takes its realm with it', async () => {
    const engine = newEngine();
    const code = actionsBundle({ spin: `async () => { for (;;) {} }`, echo: `async (ctx, input) => input` });
    expect(await engine.invoke(actionRequest(code, 'echo', 1), recordingBridge())).toMatchObject({ ok: true });
    const before = engine.realmsPrepared;
    const spun = await engine.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 50 } }), recordingBridge());
    expect(spun).toMatchObject({ ok: false, error: { type: 'Timeout' } });
    expect(await engine.invoke(actionRequest(code, 'echo', 2), recordingBridge())).toMatchObject({ ok: true, output: 2 });
    expect(engine.realmsPrepared - before).toBe(1);
  });
});

describe('context reuse through the supervisor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ actions: { noop: 'async () => 1' } });
  });
  afterAll(() => h?.stop());

  const call = (name: string, input: unknown, installationId: string) =>
    h.supervisor.invoke({
      version: { digest: LEAK_DIGEST, code: LEAK_CODE, manifest: { id: 'leaky', permissions: { hosts: [] } } },
      installation: { id: installationId, workspaceId: `ws-${installationId}`, settings: {} },
      kind: 'action',
      name,
      input,
    });

  it('installation B of a hostile plugin reads nothing installation A left, while a good plugin keeps working', async () => {
    for (let round = 1; round <= 3; round++) {
      const s = secret(round);
      const { abuse: write, good } = await alongside(h, () => call('write', { secret: s }, 'inst-a'));
      expectWriteContained(write, 'inst-a');
      expect(allGood(good)).toBe(true);
      const read = await alongside(h, () => call('read', { probe: 'lk-' }, 'inst-b'));
      expectCleanRead(read.abuse, 'inst-b', s);
      expect(allGood(read.good)).toBe(true);
      const polluted = await alongside(h, () => call('pollute', { secret: s }, 'inst-a'));
      expect(polluted.abuse).toMatchObject({ ok: true });
      expect(allGood(polluted.good)).toBe(true);
      expectCleanRead(await call('read', { probe: 'lk-' }, 'inst-b'), 'inst-b', s);
    }
  });
});
