import { afterEach, describe, expect, it } from 'vitest';
import { IsolateEngine } from './isolate-engine.js';
import { actionRequest, actionsBundle, recordingBridge } from './test-bundles.js';

// The synchronous slice (run-slice.ts) through the engine: the fast path is really
// taken, a run that waits on the host continues asynchronously, and a slice that runs
// out sends nothing, is retried with the plugin's full limits, and ends slices for
// its bundle, without holding the host thread for more than its budget.

const engines: IsolateEngine[] = [];
// Without an argument: the engine's default budget.
const newEngine = (syncSliceMs?: number) => {
  const e = new IsolateEngine({ maxIsolates: 8, ...(syncSliceMs === undefined ? {} : { syncSliceMs }) });
  engines.push(e);
  return e;
};
afterEach(() => engines.splice(0).forEach((e) => e.dispose()));

const code = actionsBundle({
  echo: 'async (ctx, input) => ({ echoed: input })',
  hostRound: `async (ctx, input) => {
    await ctx.store.set('k', { v: input });
    const got = await ctx.store.get('k');
    const res = await ctx.fetch('https://api.example.com/x');
    return { v: got.v, status: res.status };
  }`,
  slowStart: `async (ctx, input) => {
    ctx.log.info('once');
    const saved = ctx.store.set('k', input);
    const end = Date.now() + 30;
    while (Date.now() < end) {}
    await saved;
    return { n: input };
  }`,
  spin: 'async () => { for (;;) {} }',
  microtaskLoop: 'async () => { const f = () => Promise.resolve().then(f); f(); return new Promise(() => {}); }',
  logLoop: `async (ctx) => { for (;;) { try { ctx.log.info('x'.repeat(100)); } catch (e) {} } }`,
});

describe('synchronous slices', () => {
  it('runs a run that settles at once inside its slice, reusing the realm', async () => {
    const engine = newEngine();
    for (let i = 0; i < 5; i++) {
      expect(await engine.invoke(actionRequest(code, 'echo', i), recordingBridge())).toMatchObject({ ok: true, output: { echoed: i } });
    }
    expect(engine.slicesRun).toBe(5);
    expect(engine.realmsPrepared).toBe(1);
    expect(engine.slicesTurnedAway).toBe(0);
  });

  it('never runs a slice when turned off', async () => {
    const engine = newEngine(0);
    expect(await engine.invoke(actionRequest(code, 'echo', 1), recordingBridge())).toMatchObject({ ok: true });
    expect(engine.slicesRun).toBe(0);
  });

  it('continues a run that waits on the host asynchronously, with every host call made once', async () => {
    const engine = newEngine();
    const bridge = recordingBridge();
    const res = await engine.invoke(actionRequest(code, 'hostRound', 7), bridge);
    expect(res).toMatchObject({ ok: true, output: { v: 7, status: 200 } });
    expect(res.metrics.hostCalls).toBe(3);
    expect(bridge.fetches).toHaveLength(1);
    expect(engine.slicesRun).toBe(1);
  });

  it('retries a slice that runs out asynchronously: nothing sent twice, full limits, slices paused for the bundle', async () => {
    const engine = newEngine();
    const bridge = recordingBridge();
    let sets = 0;
    const storeSet = bridge.storeSet.bind(bridge);
    bridge.storeSet = async (key, value) => {
      sets += 1;
      await storeSet(key, value);
    };
    const res = await engine.invoke(actionRequest(code, 'slowStart', 3), bridge);
    expect(res).toMatchObject({ ok: true, output: { n: 3 } });
    expect(sets).toBe(1);
    expect(bridge.logs).toEqual([{ level: 'info', message: 'once' }]);
    expect(res.metrics.hostCalls).toBe(1);
    expect(res.metrics.cpuMs).toBeGreaterThanOrEqual(30);
    expect(engine.slicesTurnedAway).toBe(1);
    const slices = engine.slicesRun;
    expect(await engine.invoke(actionRequest(code, 'echo', 1), recordingBridge())).toMatchObject({ ok: true });
    expect(engine.slicesRun).toBe(slices);
  });

  it('holds the host thread for about the slice budget only, while a loop runs to its own CPU limit', async () => {
    const engine = newEngine();
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    try {
      const res = await engine.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 600 } }), recordingBridge());
      expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
      expect(res.metrics.wallMs).toBeGreaterThanOrEqual(600);
    } finally {
      clearInterval(ticker);
    }
    // The stretch since the last tick counts too (a block right before the result).
    longestGap = Math.max(longestGap, performance.now() - last);
    // Were the slice not bounded below the plugin's limit, this thread would stall for 600 ms.
    console.log("GAP", longestGap, engine.slicesRun, engine.slicesTurnedAway);
    expect(longestGap).toBeLessThan(300);
  });

  it('cuts a microtask loop at the slice budget, then the CPU watchdog stops the retry', async () => {
    const engine = newEngine();
    const res = await engine.invoke(actionRequest(code, 'microtaskLoop', {}, { limits: { cpuTimeoutMs: 200, wallTimeoutMs: 10_000 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout' } });
    expect(res.metrics.wallMs).toBeLessThan(5_000);
    expect(await engine.invoke(actionRequest(code, 'echo', 'after'), recordingBridge())).toMatchObject({ ok: true, output: { echoed: 'after' } });
  });

  it('ends an invocation that earned an abort inside its slice instead of retrying it', async () => {
    const engine = newEngine();
    const bridge = recordingBridge();
    const res = await engine.invoke(actionRequest(code, 'logLoop', {}, { limits: { maxLogBytes: 2_000 } }), bridge);
    expect(res).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'LOG_BYTES_EXCEEDED' } });
    expect(bridge.logs.length).toBeGreaterThan(0);
    expect(bridge.logs.length).toBeLessThan(20);
  });

  it('never lets a slice outlast the wall-clock deadline', async () => {
    const engine = newEngine(1_000);
    const res = await engine.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 1_000, wallTimeoutMs: 100 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'WALL_TIMEOUT' } });
    expect(res.metrics.wallMs).toBeLessThan(500);
  });

  it('times out in the slice when the plugin’s own CPU limit is within it', async () => {
    const engine = newEngine(50);
    const res = await engine.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 20 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
    expect(res.metrics.wallMs).toBeLessThan(1_000);
    expect(engine.slicesTurnedAway).toBe(0);
    expect(await engine.invoke(actionRequest(code, 'echo', 2), recordingBridge())).toMatchObject({ ok: true, output: { echoed: 2 } });
  });
});
