/**
 * A realm: one context of a pooled isolate, prepared once and then either reused
 * by every invocation of the isolate's bundle or, for a bundle that cannot be
 * re-evaluated in it, used by one invocation only.
 *
 * Preparing: the context is built (asynchronously: ~0.5 ms of real work on the
 * isolate's thread), the constant prelude runs and its factory returns the
 * dispatcher, then the constant lockdown freezes every intrinsic and the global
 * object. None of it runs plugin code, so those steps are synchronous when the
 * isolate is idle. For a new isolate the bundle is then evaluated twice with no
 * invocation armed (its `__nudgePlugin` write is dropped): a bundle that loads
 * once but not twice declares top-level `let`/`const`/`class` bindings, which live
 * in the realm's global scope and cannot be made fresh per invocation, so its
 * isolate falls back to a fresh realm per invocation (`reusable` false). A bundle
 * that does not load on a frozen global at all (top-level `var`/`function`
 * declarations of its own) gets fresh realms without the lockdown, as before
 * realms were reused. The prelude's snapshot of Object.prototype and Array.prototype ('seal') is taken
 * before that, before any plugin code has run.
 *
 * Per invocation (isolate-engine.ts): `arm` (synchronous when idle: the previous
 * invocation's calls have all returned; it refuses a realm whose Object.prototype or
 * Array.prototype changed, which is then replaced), then the cached bundle Script evaluated
 * again, then the prelude's `run`: both in one synchronous slice when the isolate is idle
 * (run-slice.ts), otherwise queued back to back, so the thread hop is paid about once. Host calls reach the invocation's session only
 * while it runs and only with its seq (`realm.session`, cleared when it ends).
 */
import { randomFillSync } from 'node:crypto';
import ivm from 'isolated-vm';

/** The host side of the running invocation's bridge (InvocationSession). */
export interface RealmSession {
  onLog(level: unknown, message: unknown, data: unknown): void;
  onCall(op: unknown, args: unknown): number;
}

export interface Realm {
  context: ivm.Context;
  /** The prelude's dispatcher: 'seal' | 'arm' | 'run' | 'settle'. */
  call: ivm.Reference;
  /** Invocations armed in this realm so far; the current one's number. */
  seq: number;
  /** The running invocation's session; host calls reach it only with its seq. */
  session: RealmSession | undefined;
  /**
   * The prelude's 'verify' found Object.prototype and Array.prototype unchanged after the
   * last invocation, and nothing has been called into the realm since (armRealm clears it).
   */
  verified: boolean;
}

function finished(): never {
  throw new Error('This invocation has finished.');
}

export interface RealmIsolate {
  readonly isolate: ivm.Isolate;
  script: ivm.Script;
  prelude: ivm.Script;
  lockdown: ivm.Script;
  /** Decided by the first realm's probe: may one realm serve every invocation? */
  reusable: boolean | undefined;
  /** False when the bundle does not load on a frozen global: its (single-use) realms skip the lockdown. */
  locked?: boolean;
}

export interface IsolateCalls {
  /** Counts an asynchronous call into the isolate until it settles. */
  track<T>(entry: RealmIsolate, call: Promise<T>): Promise<T>;
  /** True when no counted asynchronous call is queued or running: a synchronous call cannot block. */
  idle(entry: RealmIsolate): boolean;
}

export function releaseQuietly(ref: { release(): void } | undefined): void {
  try {
    ref?.release();
  } catch {
    /* the isolate may already be gone */
  }
}

/** Drops a completion value that came back as a Reference (it would pin the context). */
export function dropCompletion(value: unknown): void {
  if (value instanceof ivm.Reference) value.release();
}

/** Evaluates the cached bundle Script in the realm (asynchronous: it is plugin code). */
export function evaluateBundle(calls: IsolateCalls, entry: RealmIsolate, context: ivm.Context, cpuTimeoutMs: number): Promise<void> {
  return calls.track(entry, entry.script.run(context, { timeout: cpuTimeoutMs })).then(dropCompletion);
}

async function buildRealm(calls: IsolateCalls, entry: RealmIsolate, cpuTimeoutMs: number, locked: boolean): Promise<Realm> {
  const realm = { seq: 0, session: undefined, verified: false } as Omit<Realm, 'context' | 'call'> as Realm;
  // The realm's two host Callbacks, handed to the prelude's factory (never on the global):
  // a call counts only with the running invocation's seq, so nothing an earlier invocation
  // left behind can reach the current one's bridge.
  const current = (seq: unknown): RealmSession => (seq === realm.seq && realm.session) || finished();
  const callbacks = [
    new ivm.Callback((seq: unknown, level: unknown, message: unknown, data: unknown) => current(seq).onLog(level, message, data)),
    new ivm.Callback((seq: unknown, op: unknown, args: unknown) => current(seq).onCall(op, args)),
  ];
  const context = await calls.track(entry, entry.isolate.createContext());
  let factory: ivm.Reference | undefined;
  let call: ivm.Reference | undefined;
  try {
    const runOptions = { reference: true, timeout: cpuTimeoutMs } as const;
    const applyOptions = { result: { reference: true }, timeout: cpuTimeoutMs } as const;
    if (calls.idle(entry)) {
      factory = entry.prelude.runSync(context, runOptions) as ivm.Reference;
      call = factory.applySync(undefined, callbacks, applyOptions) as ivm.Reference;
      if (locked) entry.lockdown.runSync(context, { timeout: cpuTimeoutMs });
      call.applySync(undefined, ['seal'], { timeout: cpuTimeoutMs });
    } else {
      factory = (await calls.track(entry, entry.prelude.run(context, runOptions))) as ivm.Reference;
      call = (await calls.track(entry, factory.apply(undefined, callbacks, applyOptions))) as ivm.Reference;
      if (locked) await calls.track(entry, entry.lockdown.run(context, { timeout: cpuTimeoutMs }));
      await calls.track(entry, call.apply(undefined, ['seal'], { timeout: cpuTimeoutMs }));
    }
    realm.context = context;
    realm.call = call;
    return realm;
  } catch (err) {
    releaseQuietly(call);
    releaseQuietly(context);
    throw err;
  } finally {
    releaseQuietly(factory);
  }
}

export function dropRealm(realm: Realm): void {
  realm.session = undefined;
  releaseQuietly(realm.call);
  releaseQuietly(realm.context);
}

/**
 * A realm for the next invocation. The first one of an isolate decides how its bundle
 * runs: reused realm (loads twice in one locked realm), fresh locked realm per
 * invocation (loads once only: top-level lexical bindings), or fresh realm without the
 * lockdown per invocation (does not load on a frozen global: top-level var or function
 * declarations of its own). A bundle that loads in none fails with the first error.
 */
export async function prepareRealm(calls: IsolateCalls, entry: RealmIsolate, cpuTimeoutMs: number): Promise<Realm> {
  const realm = await buildRealm(calls, entry, cpuTimeoutMs, entry.locked !== false);
  if (entry.reusable !== undefined) return realm;
  try {
    await evaluateBundle(calls, entry, realm.context, cpuTimeoutMs);
  } catch (err) {
    dropRealm(realm);
    const open = await buildRealm(calls, entry, cpuTimeoutMs, false);
    try {
      await evaluateBundle(calls, entry, open.context, cpuTimeoutMs);
    } catch {
      throw err;
    } finally {
      dropRealm(open);
    }
    entry.reusable = false;
    entry.locked = false;
    return buildRealm(calls, entry, cpuTimeoutMs, false);
  }
  try {
    await evaluateBundle(calls, entry, realm.context, cpuTimeoutMs);
    entry.reusable = true;
    return realm;
  } catch {
    dropRealm(realm);
    entry.reusable = false;
    return buildRealm(calls, entry, cpuTimeoutMs, true);
  }
}

const SEEDS = new Uint32Array(1024);
let seedAt = SEEDS.length;

/** Four fresh random words for the invocation's Math.random. */
function seed(): [number, number, number, number] {
  if (seedAt + 4 > SEEDS.length) {
    randomFillSync(SEEDS);
    seedAt = 0;
  }
  const s: [number, number, number, number] = [SEEDS[seedAt]! | 0, SEEDS[seedAt + 1]! | 0, SEEDS[seedAt + 2]! | 0, SEEDS[seedAt + 3]! | 0];
  seedAt += 4;
  return s;
}

/**
 * Opens the next invocation in the realm and returns its number, or undefined when the
 * realm failed its check (Object.prototype or Array.prototype changed): it must then be
 * discarded. Synchronous when the isolate is idle (every earlier call has returned, so no
 * earlier invocation's code can run after it); otherwise queued behind those calls.
 */
export async function armRealm(calls: IsolateCalls, entry: RealmIsolate, realm: Realm, session: RealmSession, cpuTimeoutMs: number): Promise<number | undefined> {
  const seq = ++realm.seq;
  realm.session = session;
  const args = ['arm', seq, ...seed(), realm.verified];
  realm.verified = false;
  const clean = calls.idle(entry)
    ? realm.call.applySync(undefined, args, { timeout: cpuTimeoutMs })
    : await calls.track(entry, realm.call.apply(undefined, args, { timeout: cpuTimeoutMs }));
  return clean === true ? seq : undefined;
}

/**
 * Checks, between invocations, that the realm is still pristine, so the next `arm` can
 * skip that check (it is then off the invocation's critical path). Runs only on an idle
 * isolate: no call of ours is queued there, and plugin code runs only inside our calls
 * (the lockdown removed every way to schedule work outside them), so nothing can change
 * the realm between this check and the next `arm`. Undefined when the isolate is busy.
 */
export function verifyRealm(calls: IsolateCalls, entry: RealmIsolate, realm: Realm, cpuTimeoutMs: number): boolean | undefined {
  if (!calls.idle(entry)) return undefined;
  realm.verified = realm.call.applySync(undefined, ['verify'], { timeout: cpuTimeoutMs }) === true;
  return realm.verified;
}
