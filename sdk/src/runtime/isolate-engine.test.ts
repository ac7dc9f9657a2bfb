import { afterAll, describe, expect, it } from 'vitest';
import { IsolateEngine } from './isolate-engine.js';
import { actionRequest, actionsBundle, recordingBridge } from './test-bundles.js';
import { SandboxBridgeError } from './types.js';

const engine = new IsolateEngine({ maxIsolates: 8 });
afterAll(() => engine.dispose());

const code = actionsBundle({
  echo: 'async (ctx, input) => ({ echoed: input.msg, inst: ctx.installation.id })',
  fail: `async () => { const e = new Error('slow down'); e.nudgeError = true; e.name = 'RateLimitError'; e.code = 'RATE_LIMITED'; e.retryAfter = 7; throw e; }`,
  plainThrow: `async () => { throw new TypeError('oops'); }`,
  leakWrite: `async (ctx, input) => { globalThis.secret = input.secret; Object.prototype.polluted = input.secret; Array.prototype.x = 1; return { wrote: true }; }`,
  leakRead: `async () => ({ secret: globalThis.secret ?? null, polluted: ({}).polluted ?? null, arr: [].x ?? null })`,
  spin: `async () => { for (;;) {} }`,
  spinAfterAwait: `async (ctx) => { await ctx.store.get('k'); for (;;) {} }`,
  hang: `() => new Promise(() => {})`,
  manyCalls: `async (ctx) => { for (let i = 0; i < 1000; i++) await ctx.store.get('k'); return 1; }`,
  logFlood: `async (ctx) => { for (;;) ctx.log.info('x'.repeat(100)); }`,
  big: `async () => 'x'.repeat(5 * 1024 * 1024)`,
  store: `async (ctx) => { await ctx.store.set('n', { v: 41 }); const got = await ctx.store.get('n'); ctx.log.info('stored', { v: got.v }); return { v: got.v + 1, missing: (await ctx.store.get('none')) ?? null }; }`,
  fetchIt: `async (ctx) => { const r = await ctx.fetch('https://api.example.com/x', { query: { a: 1 } }); return { status: r.status, body: await r.json() }; }`,
  fetchCaught: `async (ctx) => { try { await ctx.fetch('https://evil.example.net/'); } catch (e) {} return { ok: 'ignored the denial' }; }`,
  alloc: `async (ctx, input) => { const keep = []; for (let i = 0; i < input.mb; i++) keep.push(new Array(128 * 1024).fill(i)); return { n: keep.length }; }`,
  typed: `async (ctx, input) => ({ count: input.count })`,
  strayLoop: `async (ctx) => { const p = ctx.store.get('a'); await ctx.store.get('b'); p.then(() => { for (;;) {} }); return 'done'; }`,
  strayCalls: `async (ctx) => { (async () => { for (;;) { try { await ctx.store.get('x'); } catch (e) {} } })(); return 'done'; }`,
});

describe('IsolateEngine', () => {
  it('runs an action with ctx and reports metrics', async () => {
    const res = await engine.invoke(actionRequest(code, 'echo', { msg: 'hi' }), recordingBridge());
    expect(res).toMatchObject({ ok: true, output: { echoed: 'hi', inst: 'inst-1' } });
    expect(res.metrics.outcome).toBe('ok');
    expect(res.metrics.wallMs).toBeGreaterThan(0);
    expect(res.metrics.heapUsedBytes).toBeGreaterThan(0);
  });

  it('maps SDK errors to PluginError with the plugin code, and others to UNHANDLED', async () => {
    const res = await engine.invoke(actionRequest(code, 'fail', {}), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'PluginError', code: 'RATE_LIMITED', name: 'RateLimitError', retryAfter: 7 } });
    const plain = await engine.invoke(actionRequest(code, 'plainThrow', {}), recordingBridge());
    expect(plain).toMatchObject({ ok: false, error: { type: 'PluginError', code: 'UNHANDLED', message: 'oops' } });
  });

  it('reports NotFound for an unknown or inherited action name', async () => {
    for (const name of ['nope', 'constructor', '__proto__']) {
      const res = await engine.invoke(actionRequest(code, name, {}), recordingBridge());
      expect(res).toMatchObject({ ok: false, error: { type: 'NotFound' } });
    }
  });

  it('gives every invocation a fresh context: globals and prototypes do not leak', async () => {
    const w = await engine.invoke(actionRequest(code, 'leakWrite', { secret: 's3cr3t' }, { installationId: 'a' }), recordingBridge());
    expect(w.ok).toBe(true);
    const r = await engine.invoke(actionRequest(code, 'leakRead', {}, { installationId: 'b' }), recordingBridge());
    expect(r).toMatchObject({ ok: true, output: { secret: null, polluted: null, arr: null } });
  });

  it('stops a synchronous infinite loop with Timeout (CPU)', async () => {
    const res = await engine.invoke(actionRequest(code, 'spin', {}, { limits: { cpuTimeoutMs: 100 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
  });

  it('stops a loop that starts after an await with Timeout (CPU watchdog)', async () => {
    const res = await engine.invoke(actionRequest(code, 'spinAfterAwait', {}, { limits: { cpuTimeoutMs: 100, wallTimeoutMs: 10_000 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'CPU_TIMEOUT' } });
    expect(res.metrics.wallMs).toBeLessThan(5_000);
  });

  it('ends a never-resolving promise at the wall-clock deadline', async () => {
    const res = await engine.invoke(actionRequest(code, 'hang', {}, { limits: { wallTimeoutMs: 150 } }), recordingBridge());
    expect(res).toMatchObject({ ok: false, error: { type: 'Timeout', code: 'WALL_TIMEOUT' } });
  });

  it('caps host calls, log bytes and output size', async () => {
    const calls = await engine.invoke(actionRequest(code, 'manyCalls', {}, { limits: { maxHostCalls: 10 } }), recordingBridge());
    expect(calls).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'HOST_CALLS_EXCEEDED' } });
    expect(calls.metrics.hostCalls).toBe(11);
    const bridge = recordingBridge();
    const logs = await engine.invoke(actionRequest(code, 'logFlood', {}, { limits: { maxLogBytes: 10_000 } }), bridge);
    expect(logs).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'LOG_BYTES_EXCEEDED' } });
    expect(bridge.logs.length).toBeLessThan(100);
    const big = await engine.invoke(actionRequest(code, 'big', {}, { limits: { maxOutputBytes: 1024 * 1024 } }), recordingBridge());
    expect(big).toMatchObject({ ok: false, error: { type: 'LimitExceeded', code: 'OUTPUT_TOO_LARGE' } });
  });

  it('bridges store and log through the host', async () => {
    const bridge = recordingBridge();
    const res = await engine.invoke(actionRequest(code, 'store', {}), bridge);
    expect(res).toMatchObject({ ok: true, output: { v: 42, missing: null } });
    expect(bridge.store.get('n')).toEqual({ v: 41 });
    expect(bridge.logs).toEqual([{ level: 'info', message: 'stored', data: { v: 41 } }]);
    expect(res.metrics.hostCalls).toBe(3);
  });

  it('bridges fetch, and a bridge denial ends the invocation even if the plugin catches it', async () => {
    const ok = await engine.invoke(actionRequest(code, 'fetchIt', {}), recordingBridge());
    expect(ok).toMatchObject({ ok: true, output: { status: 200, body: { method: 'GET', url: 'https://api.example.com/x?a=1' } } });
    const denying = recordingBridge(async () => {
      throw new SandboxBridgeError('EgressDenied', 'HOST_NOT_ALLOWED', 'evil.example.net is not on the allowlist.');
    });
    const denied = await engine.invoke(actionRequest(code, 'fetchCaught', {}), denying);
    expect(denied).toMatchObject({ ok: false, error: { type: 'EgressDenied', code: 'HOST_NOT_ALLOWED' } });
  });

  it('applies the memory limit the request declares', async () => {
    // ~1 MB per step (128k-element arrays of small ints): 100 steps fit in 256 MB, not in 64 MB.
    const small = await engine.invoke(actionRequest(code, 'alloc', { mb: 100 }, { limits: { memoryMb: 64 } }), recordingBridge());
    expect(small).toMatchObject({ ok: false, error: { type: 'MemoryLimit' } });
    const large = await engine.invoke(actionRequest(code, 'alloc', { mb: 100 }, { limits: { memoryMb: 256 } }), recordingBridge());
    expect(large).toMatchObject({ ok: true, output: { n: 100 } });
  });

  it('validates the output against the declared schema', async () => {
    const manifest = { id: 'test-plugin', actions: { typed: { output: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } } } };
    const good = await engine.invoke(actionRequest(code, 'typed', { count: 3 }, { manifest }), recordingBridge());
    expect(good).toMatchObject({ ok: true, output: { count: 3 } });
    const bad = await engine.invoke(actionRequest(code, 'typed', { count: 'three' }, { manifest }), recordingBridge());
    expect(bad).toMatchObject({ ok: false, error: { type: 'OutputInvalid', code: 'OUTPUT_SCHEMA_MISMATCH' } });
  });

  it('contains plugin code left running after the result, and the next invocation still succeeds', async () => {
    const loop = await engine.invoke(actionRequest(code, 'strayLoop', {}, { limits: { wallTimeoutMs: 500 } }), recordingBridge());
    expect(loop.ok === true || loop.error.type === 'Timeout').toBe(true);
    const calls = await engine.invoke(actionRequest(code, 'strayCalls', {}), recordingBridge());
    expect(calls).toMatchObject({ ok: true, output: 'done' });
    const next = await engine.invoke(actionRequest(code, 'echo', { msg: 'after' }), recordingBridge());
    expect(next).toMatchObject({ ok: true, output: { echoed: 'after' } });
    expect(next.metrics.wallMs).toBeLessThan(2_000);
  });

  it('reuses a warm isolate for the same digest', async () => {
    await engine.invoke(actionRequest(code, 'echo', { msg: 'a' }), recordingBridge());
    const before = engine.isolateCount;
    for (let i = 0; i < 20; i++) await engine.invoke(actionRequest(code, 'echo', { msg: String(i) }), recordingBridge());
    expect(engine.isolateCount).toBe(before);
  });
});
