/**
 * A pool of isolates keyed by bundle digest and memory limit. An isolate is
 * leased to one invocation at a time, reused while warm, evicted LRU beyond the
 * cap, and recycled after N invocations or past a heap high-water mark.
 *
 * Each isolate keeps one locked-down realm (isolate-realm.ts) that every
 * invocation of its bundle reuses: the bundle is evaluated again per invocation
 * (fresh module state), the bridge is per invocation, and every intrinsic and the
 * global object are frozen, so nothing of one invocation reaches the next. A realm
 * is dropped with its isolate whenever an invocation does not end cleanly (a
 * timeout, a memory overrun, a bridge abort, an isolate that does not answer). A
 * bundle that cannot be re-evaluated in one realm gets a fresh realm per
 * invocation instead, prepared ahead of time as a spare.
 *
 * When invocations of one key arrive while its isolates are busy or still
 * preparing, the pool warms another isolate for the key in the background (up to
 * `warmIsolatesPerKey`), and leases prefer an isolate whose realm is ready.
 *
 * Sync or async: an asynchronous isolated-vm call costs a thread hop (tens of µs of
 * this thread's CPU, more in latency); a synchronous one runs here, and blocks this
 * thread, and with it every watchdog, until it gets the isolate's lock. So:
 * - anything that can run plugin code (the bundle, the run, settling host calls)
 *   is asynchronous, except the engine's bounded synchronous slice (run-slice.ts),
 *   which runs only into an idle isolate and whose budget isolated-vm's `timeout`
 *   enforces (microtasks included); after an asynchronous call, a microtask loop is
 *   beyond isolated-vm's `timeout` and only the engine's watchdog timer stops it;
 * - the trusted, bounded, short steps (the constant prelude, its factory, the
 *   lockdown, arming an invocation, the heap query) run synchronously, but only
 *   when the pool knows the isolate is idle: every asynchronous call it makes into
 *   an isolate is counted in `inFlight`, and V8's own platform tasks only run
 *   piggybacked on those (see isolated-vm's IsolateTaskRunner). Otherwise they
 *   fall back to async calls.
 * - building a context is ~0.5 ms of real work, not a hop: it stays asynchronous,
 *   on the isolate's thread, overlapping with this one.
 */
import ivm from 'isolated-vm';
import { IsolateCallCounter } from './isolate-calls.js';
import { dropRealm, prepareRealm, verifyRealm, type Realm, type RealmIsolate } from './isolate-realm.js';
import { LOCKDOWN_SOURCE } from './lockdown.js';
import { PRELUDE_SOURCE } from './prelude.js';

export interface IsolatePoolOptions {
  /** Isolates kept per pool (per engine); idle ones are evicted LRU beyond it. */
  maxIsolates: number;
  /** An isolate is disposed after this many invocations. */
  maxInvocationsPerIsolate: number;
  /** An isolate is disposed when its used heap passes this share of its limit after an invocation. */
  heapHighWaterRatio: number;
  /** Called when V8 loses control of an isolate; the process should exit. */
  onCatastrophicError: (message: string) => void;
  /** Isolates kept warm per key when invocations arrive faster than one isolate prepares contexts. Default 2. */
  warmIsolatesPerKey?: number;
}

export interface PooledIsolate extends RealmIsolate {
  readonly key: string;
  readonly isolate: ivm.Isolate;
  readonly memoryMb: number;
  uses: number;
  busy: boolean;
  /** Set when a finished invocation's context calls the host again: never reuse. */
  tainted: boolean;
  lastUsed: number;
  /** The realm the next invocation gets: the reused one, or a fresh spare being prepared. */
  spare: Promise<Realm> | undefined;
  /** The spare is ready (the isolate is free for the next invocation). */
  spareReady: boolean;
  /** Asynchronous calls into this isolate not yet settled; 0 means no task of ours is queued or running. */
  inFlight: number;
}

export interface LeaseSpec {
  digest: string;
  code: string;
  memoryMb: number;
  cpuTimeoutMs: number;
}

export class IsolatePool extends IsolateCallCounter<PooledIsolate> {
  private readonly entries = new Set<PooledIsolate>();
  private readonly waiters: Array<() => void> = [];
  private disposed = false;
  /** Realms (contexts) prepared so far, all isolates together: shows how often one is reused. */
  realmsPrepared = 0;

  private readonly warmPerKey: number;

  constructor(private readonly options: IsolatePoolOptions) {
    super();
    this.warmPerKey = Math.max(1, options.warmIsolatesPerKey ?? 2);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Leases an idle warm isolate for the spec (preferring one whose spare context is
   * ready), or creates one (evicting LRU idle ones past the cap).
   */
  async lease(spec: LeaseSpec): Promise<{ entry: PooledIsolate; cold: boolean }> {
    const key = `${spec.digest}#${spec.memoryMb}`;
    for (;;) {
      if (this.disposed) throw new Error('The isolate pool is disposed.');
      let ready: PooledIsolate | undefined;
      let idle: PooledIsolate | undefined;
      let sameKey = 0;
      for (const entry of this.entries) {
        if (entry.key !== key) continue;
        sameKey += 1;
        if (entry.busy || entry.tainted || entry.isolate.isDisposed) continue;
        if (entry.spareReady) {
          if (!ready || entry.lastUsed < ready.lastUsed) ready = entry;
        } else if (!idle) {
          idle = entry;
        }
      }
      const chosen = ready ?? idle;
      if (chosen) {
        // This invocation will wait for its isolate to finish preparing: demand is
        // outpacing one isolate, so warm another for the key off the critical path.
        if (!ready && sameKey < this.warmPerKey && this.entries.size < this.options.maxIsolates) this.warmUp(key, spec);
        chosen.busy = true;
        return { entry: chosen, cold: false };
      }
      if (this.entries.size >= this.options.maxIsolates) this.evictIdle();
      if (this.entries.size < this.options.maxIsolates) {
        return { entry: await this.create(key, spec), cold: true };
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Hands out the isolate's realm: the reused one, the spare, or one built now. */
  realm(entry: PooledIsolate, cpuTimeoutMs: number): Promise<Realm> {
    const pending = entry.spare ?? this.prepare(entry, cpuTimeoutMs);
    entry.spare = undefined;
    entry.spareReady = false;
    return pending;
  }

  /**
   * Returns the isolate after an invocation; `healthy` false disposes it (and its
   * realm). Resolves to the heap in use (0 when disposed); `heap` is a
   * `heapUsed(entry)` the caller already started after the run settled. A reusable
   * realm that ended cleanly is kept for the next invocation; otherwise it is
   * dropped and the next spare is started after the caller has had its result
   * (setImmediate), off the invocation's critical path.
   */
  async release(
    entry: PooledIsolate,
    realm: Realm | undefined,
    healthy: boolean,
    cpuTimeoutMs: number,
    heap?: Promise<number | undefined>,
  ): Promise<number> {
    if (realm) realm.session = undefined;
    if (!healthy) this.dispose(entry);
    const keep = healthy && realm !== undefined && entry.reusable === true && !entry.tainted;
    if (realm && !keep) dropRealm(realm);
    entry.uses += 1;
    entry.lastUsed = performance.now();
    const heapUsed = entry.isolate.isDisposed ? 0 : await (heap ?? this.heapUsed(entry));
    const highWater = entry.memoryMb * 1024 * 1024 * this.options.heapHighWaterRatio;
    if (heapUsed === undefined || entry.tainted || entry.isolate.isDisposed || entry.uses >= this.options.maxInvocationsPerIsolate || heapUsed > highWater) {
      this.dispose(entry);
    } else if (keep) {
      const spare = Promise.resolve(realm);
      entry.spare = spare;
      entry.spareReady = true;
      // Check the realm once the caller has its result, so the next invocation's arm need not.
      setImmediate(() => this.verifySpare(entry, spare, realm!, cpuTimeoutMs));
    } else {
      setImmediate(() => {
        if (!entry.busy && !entry.spare && this.entries.has(entry) && !entry.isolate.isDisposed) this.prepareSpare(entry, cpuTimeoutMs);
      });
    }
    entry.busy = false;
    this.waiters.shift()?.();
    return heapUsed ?? 0;
  }

  /** Drops a realm that failed its check; the next one is built now, for the caller. */
  replaceRealm(entry: PooledIsolate, realm: Realm, cpuTimeoutMs: number): Promise<Realm> {
    dropRealm(realm);
    return this.prepare(entry, cpuTimeoutMs);
  }

  /** Disposes an isolate now (a timeout, a memory overrun, or a taint). Safe to call twice. */
  dispose(entry: PooledIsolate): void {
    this.entries.delete(entry);
    if (!entry.isolate.isDisposed) {
      try {
        entry.isolate.dispose();
      } catch {
        /* already gone */
      }
    }
  }

  disposeAll(): void {
    this.disposed = true;
    for (const entry of [...this.entries]) this.dispose(entry);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Verifies a kept realm while nobody holds its isolate; a polluted one is replaced now, off the next invocation's path. */
  private verifySpare(entry: PooledIsolate, spare: Promise<Realm>, realm: Realm, cpuTimeoutMs: number): void {
    if (entry.busy || entry.spare !== spare || !this.entries.has(entry) || entry.isolate.isDisposed) return;
    let clean: boolean | undefined;
    try {
      clean = verifyRealm(this, entry, realm, cpuTimeoutMs);
    } catch {
      clean = false;
    }
    if (clean !== false) return;
    entry.spare = undefined;
    entry.spareReady = false;
    dropRealm(realm);
    this.prepareSpare(entry, cpuTimeoutMs);
  }

  private evictIdle(): void {
    let oldest: PooledIsolate | undefined;
    for (const entry of this.entries) {
      if (!entry.busy && (!oldest || entry.lastUsed < oldest.lastUsed)) oldest = entry;
    }
    if (oldest) this.dispose(oldest);
  }

  private async create(key: string, spec: LeaseSpec): Promise<PooledIsolate> {
    const isolate = new ivm.Isolate({
      memoryLimit: spec.memoryMb,
      onCatastrophicError: (message: string) => this.options.onCatastrophicError(message),
    });
    const entry = {
      key,
      isolate,
      memoryMb: spec.memoryMb,
      uses: 0,
      busy: true,
      tainted: false,
      lastUsed: performance.now(),
      spare: undefined,
      spareReady: false,
      inFlight: 0,
      reusable: undefined,
    } as Omit<PooledIsolate, 'script' | 'prelude' | 'lockdown'> as PooledIsolate;
    this.entries.add(entry);
    try {
      entry.prelude = await this.track(entry, isolate.compileScript(PRELUDE_SOURCE, { filename: 'nudge-prelude.js' }));
      entry.lockdown = await this.track(entry, isolate.compileScript(LOCKDOWN_SOURCE, { filename: 'nudge-lockdown.js' }));
      entry.script = await this.track(entry, isolate.compileScript(spec.code, { filename: 'nudge-plugin.js' }));
    } catch (err) {
      this.dispose(entry);
      this.waiters.shift()?.();
      throw err;
    }
    return entry;
  }

  private prepare(entry: PooledIsolate, cpuTimeoutMs: number): Promise<Realm> {
    this.realmsPrepared += 1;
    return prepareRealm(this, entry, cpuTimeoutMs);
  }

  private prepareSpare(entry: PooledIsolate, cpuTimeoutMs: number): void {
    const spare = this.prepare(entry, cpuTimeoutMs);
    entry.spare = spare;
    entry.spareReady = false;
    spare.then(
      () => {
        if (entry.spare === spare) entry.spareReady = true;
      },
      () => undefined,
    );
  }

  /** Creates one more isolate for `key` and prepares its spare, without leasing it. */
  private warmUp(key: string, spec: LeaseSpec): void {
    void this.create(key, spec).then(
      async (entry) => {
        if (this.disposed) return this.dispose(entry);
        this.prepareSpare(entry, spec.cpuTimeoutMs);
        await entry.spare!.catch(() => undefined);
        entry.busy = false;
        entry.lastUsed = performance.now();
        this.waiters.shift()?.();
      },
      () => undefined,
    );
  }
}
