/**
 * The synchronous slice: the warm path's way to run an invocation without a
 * thread hop. An asynchronous isolated-vm call costs 25–65 µs of latency (the
 * isolate's thread wakes up, then this one); a synchronous call costs ~2 µs,
 * but runs on this thread and blocks it. So the slice is bounded twice:
 *
 * - it runs only when the isolate is idle (no call of ours is queued there, so
 *   the lock is free) and slices are not paused for the bundle (slice-policy.ts);
 * - its budget is `min(sliceMs, cpuTimeoutMs, wall time left)`, enforced by isolated-vm's own
 *   `timeout`, which also covers the microtasks the call runs (a microtask loop
 *   is cut at the budget like a plain loop).
 *
 * Inside the budget, the bundle is evaluated and the run begun ('start'); the
 * prelude's 'take' then returns the result if the run settled within that call's
 * microtasks. A run still waiting on host calls continues asynchronously with
 * 'wait'. Everything the plugin asks of the host during the slice (host calls,
 * log lines, a limit's abort) is held by the session and sent only after the
 * slice returns: a slice cut short by its budget, when that budget is shorter
 * than the plugin's own CPU limit, has therefore sent nothing anywhere and is
 * `exhausted`, and the engine retries the invocation the asynchronous way on a
 * fresh isolate, with its full limits, and pauses slices for that bundle.
 * When the budget is the plugin's own CPU limit, running out is that limit
 * biting: a Timeout, as in the asynchronous path.
 */
import { isIsolateTimeout } from './isolate-errors.js';
import { dropCompletion, type Realm, type RealmIsolate } from './isolate-realm.js';

/** `cpuMs`: the isolate's CPU time during the slice (wall time would count a busy machine against the plugin). */
export type SliceResult =
  | { state: 'settled'; text: unknown; cpuMs: number }
  | { state: 'pending'; cpuMs: number }
  | { state: 'exhausted'; cpuMs: number };

export interface SliceRun {
  seq: number;
  kind: string;
  name: string;
  payload: string;
  /** The slice's own bound, below the plugin's CPU limit. */
  sliceMs: number;
  cpuTimeoutMs: number;
  /** Wall-clock time left before the invocation's deadline (the watchdog cannot fire during the slice). */
  wallLeftMs: number;
  /** Called once the bundle has loaded: a later failure is the run's, not the bundle's. */
  loaded(): void;
}

/** Runs the start of one armed invocation synchronously; throws what the isolate throws. */
export function runSlice(entry: RealmIsolate, realm: Realm, run: SliceRun): SliceResult {
  const budget = Math.max(1, Math.min(run.sliceMs, run.cpuTimeoutMs, Math.floor(run.wallLeftMs)));
  const cut = budget < run.cpuTimeoutMs;
  const started = performance.now();
  const cpuStart = entry.isolate.cpuTime;
  const cpuMs = (): number => Number(entry.isolate.cpuTime - cpuStart) / 1e6;
  const left = (): number => Math.max(1, Math.ceil(budget - (performance.now() - started)));
  try {
    dropCompletion(entry.script.runSync(realm.context, { timeout: budget }));
    run.loaded();
    realm.call.applySync(undefined, ['start', run.seq, run.kind, run.name, run.payload], { timeout: left() });
    const text: unknown = realm.call.applySync(undefined, ['take', run.seq], { timeout: left() });
    return text === undefined ? { state: 'pending', cpuMs: cpuMs() } : { state: 'settled', text, cpuMs: cpuMs() };
  } catch (err) {
    if (cut && isIsolateTimeout(err)) return { state: 'exhausted', cpuMs: cpuMs() };
    throw err;
  }
}

/** Waits (asynchronously) for a run the slice began that is still waiting on host calls. */
export function waitForRun(realm: Realm, seq: number, cpuTimeoutMs: number): Promise<unknown> {
  return realm.call.apply(undefined, ['wait', seq], { result: { promise: true, copy: true }, timeout: cpuTimeoutMs });
}
