/**
 * IsolateEngine (contract §6): runs one plugin invocation in a pooled isolated-vm
 * isolate's locked-down realm (isolate-realm.ts), enforces the per-invocation limits, validates the
 * output and maps every failure to a typed result. The same engine runs in the
 * platform's sandbox workers and in `nudge test`. Load it only in a process
 * started with `--no-node-snapshot`, and never in the process serving the API.
 */
import { InvocationSession } from './invocation-session.js';
import { IsolatePool, type PooledIsolate } from './isolate-pool.js';
import { armRealm, evaluateBundle, type Realm } from './isolate-realm.js';
import { clampLimits, PLATFORM_MAX_LIMITS } from './limits.js';
import { OutputValidator } from './output-validator.js';
import { mapIsolateFailure, sanitizeIsolateError } from './isolate-errors.js';
import { runSlice, waitForRun } from './run-slice.js';
import { SlicePolicy } from './slice-policy.js';
import { SANDBOX_ERROR_TYPES, type HostBridge, type InvocationError, type InvokeRequest, type InvokeResult, type SandboxLimits } from './types.js';

export interface IsolateEngineOptions {
  /** Isolates kept warm by this engine (all digests together). Default 32. */
  maxIsolates?: number;
  /** Recycle an isolate after this many invocations. Default 5000. */
  maxInvocationsPerIsolate?: number;
  /** Recycle an isolate whose heap passes this share of its limit after an invocation. Default 0.5. */
  heapHighWaterRatio?: number;
  /**
   * Isolates kept warm per digest when invocations arrive while its isolates are busy
   * or preparing. Default 2 (1 = never warm a second one in the background).
   */
  warmIsolatesPerKey?: number;
  /**
   * Budget of the synchronous slice that starts a warm invocation without a thread hop
   * (run-slice.ts). A bundle whose slice runs out, or whose slices take more than an eighth
   * of it three times in a row, runs asynchronously for the next minute. Default 20 ms (a
   * garbage collection inside a slice takes a few ms); 0 turns slices off.
   */
  syncSliceMs?: number;
  /** The platform maxima requests are clamped to. Default PLATFORM_MAX_LIMITS (256 MB, …). */
  maxLimits?: SandboxLimits;
  /** V8 lost control of an isolate. Default: write to stderr and abort the process, as isolated-vm advises. */
  onCatastrophicError?: (message: string) => void;
}

function defaultCatastrophe(message: string): void {
  process.stderr.write(`isolated-vm catastrophic error: ${message}\n`);
  process.abort();
}

export class IsolateEngine {
  private readonly pool: IsolatePool;
  private readonly validator = new OutputValidator();
  private readonly maxLimits: SandboxLimits;
  private readonly slices: SlicePolicy;

  constructor(options: IsolateEngineOptions = {}) {
    this.maxLimits = options.maxLimits ?? PLATFORM_MAX_LIMITS;
    this.slices = new SlicePolicy(Math.max(0, options.syncSliceMs ?? 20));
    this.pool = new IsolatePool({
      maxIsolates: options.maxIsolates ?? 32,
      maxInvocationsPerIsolate: options.maxInvocationsPerIsolate ?? 5_000,
      heapHighWaterRatio: options.heapHighWaterRatio ?? 0.5,
      warmIsolatesPerKey: options.warmIsolatesPerKey ?? 2,
      onCatastrophicError: options.onCatastrophicError ?? defaultCatastrophe,
    });
  }

  /** Isolates currently alive (busy or warm). */
  get isolateCount(): number {
    return this.pool.size;
  }

  /** Realms (contexts) prepared so far: one per isolate while its realm is reused. */
  get realmsPrepared(): number {
    return this.pool.realmsPrepared;
  }

  invoke(req: InvokeRequest, bridge: HostBridge): Promise<InvokeResult> {
    const limits = clampLimits(req.limits, this.maxLimits);
    const started = performance.now();
    const wallEnd = started + limits.wallTimeoutMs;
    let entry: PooledIsolate | undefined;
    let prepared: Realm | undefined;
    let cpuStart: bigint | undefined;
    let timer: NodeJS.Timeout | undefined;
    let heap: Promise<number | undefined> | undefined;
    let resolveResult!: (result: InvokeResult) => void;
    const result = new Promise<InvokeResult>((resolve) => (resolveResult = resolve));

    const session = new InvocationSession(bridge, limits, { abort: (error) => finish({ ok: false, error }, false) });

    const cpuUsedMs = (): number => {
      if (!entry || cpuStart === undefined || entry.isolate.isDisposed) return 0;
      try {
        return Number(entry.isolate.cpuTime - cpuStart) / 1e6;
      } catch {
        return 0;
      }
    };

    // CPU an abandoned slice used (run-slice.ts): reported, not charged to the retry's budget.
    let cpuCarried = 0;

    const finish = (outcome: { ok: true; output: unknown } | { ok: false; error: InvocationError }, healthy: boolean): void => {
      if (session.finished) return;
      const cpuMs = cpuCarried + cpuUsedMs();
      session.finished = true;
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      void (entry ? this.pool.release(entry, prepared, healthy, limits.cpuTimeoutMs, healthy ? heap : undefined) : Promise.resolve(0)).then((heapUsedBytes) => {
        const metrics = {
          wallMs,
          cpuMs,
          heapUsedBytes,
          hostCalls: session.hostCalls,
          logBytes: session.logBytes,
          outcome: outcome.ok ? ('ok' as const) : outcome.error.type,
        };
        resolveResult(outcome.ok ? { ok: true, output: outcome.output, metrics } : { ok: false, error: outcome.error, metrics });
      });
    };

    // One timer watches both the wall-clock deadline and the CPU budget; the CPU
    // budget matters after an await, where isolated-vm's own timeout no longer applies.
    const watch = (): void => {
      const now = performance.now();
      if (now >= wallEnd) {
        finish({ ok: false, error: { type: SANDBOX_ERROR_TYPES.Timeout, code: 'WALL_TIMEOUT', message: `The invocation did not finish within ${limits.wallTimeoutMs} ms.` } }, false);
        return;
      }
      const cpuLeft = limits.cpuTimeoutMs - cpuUsedMs();
      if (cpuLeft <= 0) {
        finish({ ok: false, error: { type: SANDBOX_ERROR_TYPES.Timeout, code: 'CPU_TIMEOUT', message: `The invocation used more than ${limits.cpuTimeoutMs} ms of CPU.` } }, false);
        return;
      }
      timer = setTimeout(watch, Math.max(1, Math.min(wallEnd - now, cpuLeft)));
    };
    timer = setTimeout(watch, Math.min(limits.wallTimeoutMs, limits.cpuTimeoutMs));

    void this.run(req, limits, session, {
      leased: (e) => {
        entry = e;
        if (session.finished) void this.pool.release(e, undefined, true, limits.cpuTimeoutMs);
        return !session.finished;
      },
      prepared: (p) => {
        prepared = p;
        if (session.finished) return false;
        cpuStart = entry!.isolate.cpuTime;
        return true;
      },
      armed: (seq) => {
        if (session.finished) return false;
        const e = entry!;
        const call = prepared!.call;
        session.settleRef = (id, ok, payload) => {
          // Asynchronous (it resumes plugin code) and counted, so the pool knows the isolate is busy.
          this.pool.track(e, call.apply(undefined, ['settle', seq, id, ok, payload], { arguments: { copy: true } })).catch(() => undefined);
        };
        return true;
      },
      wallLeft: () => wallEnd - performance.now(),
      abandon: () => {
        cpuCarried += cpuUsedMs();
        const e = entry!;
        entry = undefined;
        prepared = undefined;
        void this.pool.release(e, undefined, false, limits.cpuTimeoutMs);
      },
      ran: () => {
        // Ask for the heap now, so the round trip overlaps the parsing and validation below.
        if (entry && !session.finished) heap = this.pool.heapUsed(entry);
      },
      finish,
    });
    return result;
  }

  private async run(
    req: InvokeRequest,
    limits: SandboxLimits,
    session: InvocationSession,
    steps: {
      leased(entry: PooledIsolate): boolean;
      prepared(realm: Realm): boolean;
      armed(seq: number): boolean;
      abandon(): void;
      wallLeft(): number;
      ran(): void;
      finish(outcome: { ok: true; output: unknown } | { ok: false; error: InvocationError }, healthy: boolean): void;
    },
    useSlice = true,
  ): Promise<void> {
    let phase: 'prepare' | 'run' = 'prepare';
    try {
      const payload = JSON.stringify({
        input: req.input ?? null,
        settings: req.settings ?? {},
        installation: { id: req.installation.id, workspaceId: req.installation.workspaceId },
        connection: req.connection ?? null,
        maxOutputBytes: limits.maxOutputBytes,
      });
      const { entry } = await this.pool.lease({ digest: req.digest, code: req.code, memoryMb: limits.memoryMb, cpuTimeoutMs: limits.cpuTimeoutMs });
      if (!steps.leased(entry)) return;
      let realm = await this.pool.realm(entry, limits.cpuTimeoutMs);
      if (!steps.prepared(realm)) return;
      let seq = await armRealm(this.pool, entry, realm, session, limits.cpuTimeoutMs);
      if (seq === undefined) {
        // An earlier invocation changed Object.prototype or Array.prototype: a new realm.
        realm = await this.pool.replaceRealm(entry, realm, limits.cpuTimeoutMs);
        if (!steps.prepared(realm)) return;
        seq = await armRealm(this.pool, entry, realm, session, limits.cpuTimeoutMs);
        if (seq === undefined) throw new Error('A new realm failed its integrity check.');
      }
      if (!steps.armed(seq)) return;
      let text: unknown;
      if (useSlice && this.pool.idle(entry) && this.slices.allowed(entry.key)) {
        // The warm fast path: no thread hop unless the run waits on the host (run-slice.ts).
        session.hold();
        this.slices.runs += 1;
        let slice: ReturnType<typeof runSlice>;
        try {
          slice = runSlice(entry, realm, { seq, kind: req.kind, name: req.name, payload, sliceMs: this.slices.budgetMs, cpuTimeoutMs: limits.cpuTimeoutMs, wallLeftMs: steps.wallLeft(), loaded: () => (phase = 'run') });
        } catch (err) {
          session.release(); // a held abort came first and wins over what the isolate threw
          throw err;
        }
        this.slices.judge(entry.key, slice.state === 'exhausted', slice.cpuMs);
        if (slice.state === 'exhausted' && !session.abortHeld) {
          session.discard();
          steps.abandon();
          return this.run(req, limits, session, steps, false);
        }
        session.release();
        if (session.finished) return;
        text = slice.state === 'settled' ? slice.text : await this.pool.track(entry, waitForRun(realm, seq, limits.cpuTimeoutMs));
      } else {
        // The bundle evaluated afresh, then the run, queued back to back.
        const loaded = evaluateBundle(this.pool, entry, realm.context, limits.cpuTimeoutMs);
        const ran = this.pool.track(
          entry,
          realm.call.apply(undefined, ['run', seq, req.kind, req.name, payload], {
            result: { promise: true, copy: true },
            timeout: limits.cpuTimeoutMs,
          }),
        );
        ran.catch(() => undefined);
        await loaded;
        phase = 'run';
        text = await ran;
      }
      if (session.finished) return;
      steps.ran();
      if (typeof text !== 'string') throw new Error('The sandbox returned no result.');
      if (Buffer.byteLength(text) > limits.maxOutputBytes + 64) {
        steps.finish({ ok: false, error: { type: SANDBOX_ERROR_TYPES.LimitExceeded, code: 'OUTPUT_TOO_LARGE', message: `The output exceeds ${limits.maxOutputBytes} bytes.` } }, true);
        return;
      }
      const reply = JSON.parse(text) as { ok?: unknown; output?: unknown; error?: unknown };
      if (reply.ok !== true) {
        steps.finish({ ok: false, error: sanitizeIsolateError(reply.error) }, true);
        return;
      }
      const problem = this.validator.check(req.digest, req.manifest, req.kind, req.name, req.input, reply.output);
      if (problem) {
        steps.finish({ ok: false, error: { type: SANDBOX_ERROR_TYPES.OutputInvalid, code: problem.code, message: problem.message } }, true);
        return;
      }
      steps.finish({ ok: true, output: reply.output }, true);
    } catch (err) {
      const error = mapIsolateFailure(err, phase);
      const healthy = error.type === SANDBOX_ERROR_TYPES.PluginError && phase === 'run';
      steps.finish({ ok: false, error }, healthy);
    }
  }

  /** Invocations begun in a synchronous slice so far (the rest ran asynchronously). */
  get slicesRun(): number {
    return this.slices.runs;
  }

  /** Bundles (pool keys) that get no synchronous slices right now (paused after running long). */
  get slicesTurnedAway(): number {
    return this.slices.pausedCount;
  }

  /** Disposes every isolate. In-flight invocations end with SandboxCrashed or Timeout. */
  dispose(): void {
    this.pool.disposeAll();
  }
}
