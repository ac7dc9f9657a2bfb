import { afterAll, describe, expect, it } from 'vitest';
import { IsolateEngine } from './isolate-engine.js';
import { IsolatePool } from './isolate-pool.js';
import { actionRequest, actionsBundle, digestOf, recordingBridge } from './test-bundles.js';

// How the pool prepares contexts: fewer isolate round trips, synchronous calls only
// into idle isolates, a second warm isolate per key. None of it may cost isolation.
const engines: IsolateEngine[] = [];
afterAll(() => engines.forEach((e) => e.dispose()));
function engine(options: ConstructorParameters<typeof IsolateEngine>[0] = {}): IsolateEngine {
  const e = new IsolateEngine(options);
  engines.push(e);
  return e;
}

const code = actionsBundle({
  globals: `async () => Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__nudge') && n !== '__nudgePlugin')`,
  hostRefs: `async () => ({ log: typeof __nudgeLog, call: typeof __nudgeCall, thisArg: typeof this })`,
  write: `async (ctx, input) => { globalThis.mark = input.v; Object.prototype.mark = input.v; return { wrote: input.v }; }`,
  read: `async () => ({ global: globalThis.mark ?? null, proto: ({}).mark ?? null })`,
  spin: `async (ctx) => { await ctx.store.get('k'); for (;;) {} }`,
  echo: `async (ctx, input) => ({ echoed: input.msg })`,
  strayAfterResult: `async (ctx) => { ctx.store.get('late').then(() => { for (;;) {} }); await ctx.store.get('early'); return 'done'; }`,
});
const other = actionsBundle({ echo: `async (ctx, input) => ({ echoed: input.msg })` }, '// another plugin');

describe('IsolatePool context preparation', () => {
  it('never puts the host Callbacks on the global object', async () => {
    const e = engine();
    const names = await e.invoke(actionRequest(code, 'globals', {}), recordingBridge());
    expect(names).toMatchObject({ ok: true, output: [] });
    const refs = await e.invoke(actionRequest(code, 'hostRefs', {}), recordingBridge());
    expect(refs).toMatchObject({ ok: true, output: { log: 'undefined', call: 'undefined' } });
  });

  it('back-to-back invocations warm at most a second isolate per key, and every one gets a fresh context', async () => {
    const e = engine();
    for (let i = 0; i < 60; i++) {
      const w = await e.invoke(actionRequest(code, 'write', { v: `s${i}` }, { installationId: `a${i}` }), recordingBridge());
      expect(w).toMatchObject({ ok: true, output: { wrote: `s${i}` } });
      const r = await e.invoke(actionRequest(code, 'read', {}, { installationId: `b${i}` }), recordingBridge());
      expect(r).toMatchObject({ ok: true, output: { global: null, proto: null } });
    }
    expect(e.isolateCount).toBeLessThanOrEqual(2);
  });

  it('warmIsolatesPerKey: 1 keeps one isolate for serial traffic', async () => {
    const e = engine({ warmIsolatesPerKey: 1 });
    for (let i = 0; i < 30; i++) await e.invoke(actionRequest(code, 'echo', { msg: String(i) }), recordingBridge());
    expect(e.isolateCount).toBe(1);
  });

  it('contains a host call whose continuation loops forever, settled in the same tick as the one completing the run', async () => {
    // 'early' settles first and completes the run; 'late' settles in the same tick and its
    // continuation never ends. Whichever the isolate runs first, the pool must neither hang
    // on that isolate nor hand it to the next invocation.
    const e = engine();
    const bridge = recordingBridge();
    bridge.storeGet = async (key) => {
      if (key === 'late') {
        await null;
        await null;
      }
      return 1;
    };
    const res = await e.invoke(actionRequest(code, 'strayAfterResult', {}, { limits: { cpuTimeoutMs: 500, wallTimeoutMs: 10_000 } }), bridge);
    expect(res.ok === true || res.error.type === 'Timeout').toBe(true);
    const next = await e.invoke(actionRequest(code, 'echo', { msg: 'next' }), recordingBridge());
    expect(next).toMatchObject({ ok: true, output: { echoed: 'next' } });
  });

  it('does not block its thread on an isolate running plugin code: another plugin finishes first', async () => {
    const e = engine();
    const spinning = e.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 1_500, wallTimeoutMs: 10_000 } }), recordingBridge());
    let spinDone = false;
    void spinning.then(() => (spinDone = true));
    // Let the spinning plugin get into its loop, then run other work on the same engine.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 5; i++) {
      const res = await e.invoke(actionRequest(other, 'echo', { msg: `o${i}` }), recordingBridge());
      expect(res).toMatchObject({ ok: true, output: { echoed: `o${i}` } });
    }
    expect(spinDone).toBe(false);
    expect(await spinning).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
    // The same digest works again afterwards (the spun isolate was disposed, not reused).
    expect(await e.invoke(actionRequest(code, 'echo', { msg: 'after' }), recordingBridge())).toMatchObject({ ok: true, output: { echoed: 'after' } });
  });
});

describe('IsolatePool synchronous calls', () => {
  it('never calls synchronously into an isolate with one of its own async calls running', async () => {
    const pool = new IsolatePool({ maxIsolates: 2, maxInvocationsPerIsolate: 100, heapHighWaterRatio: 0.5, onCatastrophicError: () => undefined });
    try {
      const spinCode = actionsBundle({ echo: 'async () => 1' }, '// spin test');
      const { entry } = await pool.lease({ digest: digestOf(spinCode), code: spinCode, memoryMb: 32, cpuTimeoutMs: 1_000 });
      const context = await entry.isolate.createContext();
      // Plugin-like code keeps the isolate's thread busy well past the heap query's patience.
      const spinning = pool.track(entry, context.eval('for (;;) {}', { timeout: 600 })).catch(() => 'stopped');
      expect(pool.idle(entry)).toBe(false);
      let timerFired = false;
      setTimeout(() => (timerFired = true), 20);
      const heap = await pool.heapUsed(entry);
      // A synchronous query would have blocked this thread until the loop stopped, then
      // resolved before the timer could fire; the asynchronous one lets the timer run and
      // gives up (undefined: the isolate is then recycled).
      expect(timerFired).toBe(true);
      expect(heap).toBeUndefined();
      expect(await spinning).toBe('stopped');
      // The abandoned heap query is still queued behind the loop; once a later call returns, all have.
      await pool.track(entry, entry.isolate.getHeapStatistics());
      expect(pool.idle(entry)).toBe(true);
      expect(await pool.heapUsed(entry)).toBeGreaterThan(0);
    } finally {
      pool.disposeAll();
    }
  });
});
