/**
 * The sandbox supervisor: runs N worker processes, routes each invocation to the
 * worker that keeps its digest warm (spilling over when busy), serves the host
 * side of the bridge (guarded egress, per-installation store, redacted logs),
 * and contains crashes: a dead worker is restarted and only its in-flight
 * invocations fail, with SandboxCrashed. Isolates never run in this process.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import { limitsForManifest, DEFAULT_LIMITS, PLATFORM_MAX_LIMITS } from '@nudgecampaign/plugin-sdk/runtime/limits';
import { SandboxBridgeError, type InvocationKind, type InvocationMetrics, type InvokeResult, type LogEntry, type PluginManifestLike, type SandboxLimits } from '@nudgecampaign/plugin-sdk/runtime/types';
import type { Db } from '../db/database.js';
import { redact, redactText } from '../observability/redact.js';
import { CrashLog, describeExit, type CrashRecord } from './crash-log.js';
import { EgressGuard, type CredentialInjection, type EgressOptions } from './egress-guard.js';
import { DatabasePluginStore, MemoryPluginStore, type PluginKeyValueStore } from './plugin-store.js';
import { DEFAULT_WORKER_SCRIPT, WorkerHandle, type WorkerExit } from './worker-handle.js';
import type { ToSupervisor } from './worker-protocol.js';

export interface SandboxInvocation {
  version: { digest: string; code: string; manifest: PluginManifestLike; id?: string };
  installation: { id: string; workspaceId: string; settings: Record<string, unknown> };
  /** Non-secret connection facts shown to the plugin as `ctx.connection`. */
  connection?: Record<string, unknown>;
  kind: InvocationKind;
  name: string;
  input: unknown;
  /** Absolute deadline (epoch ms or Date); the manifest's timeout applies when it is later. */
  deadline?: number | Date;
}

export interface InvocationEvent {
  digest: string;
  pluginId: string | undefined;
  installationId: string;
  kind: InvocationKind;
  name: string;
  workerId: string;
  metrics: InvocationMetrics;
}

export interface SandboxLogEvent extends LogEntry {
  digest: string;
  pluginId: string | undefined;
  installationId: string;
}

export interface SandboxSupervisorOptions {
  /** Worker processes; default the number of cores. */
  workers?: number;
  /** Enables the database store and crash rows; without it both are kept in memory. */
  db?: Db;
  store?: PluginKeyValueStore;
  egress?: EgressOptions | EgressGuard;
  /** Credentials the host injects into requests to allowlisted hosts (OAuth and the vault come later). */
  credentialsFor?: (installation: SandboxInvocation['installation'], url: URL, manifest: SandboxInvocation['version']['manifest']) => Promise<CredentialInjection | undefined>;
  defaultLimits?: SandboxLimits;
  maxLimits?: SandboxLimits;
  onMetrics?: (event: InvocationEvent) => void;
  onLog?: (event: SandboxLogEvent) => void;
  /** A worker that has not answered this long after an invocation's deadline is killed. Default 2000 ms. */
  hangGraceMs?: number;
  /** Route to the digest's home worker unless it has this many invocations in flight. Default 4. */
  spillOverAt?: number;
  maxIsolatesPerWorker?: number;
  workerScript?: string;
}

interface InFlight {
  id: number;
  call: SandboxInvocation;
  limits: SandboxLimits;
  worker: WorkerHandle;
  started: number;
  deadline: number;
  resolve(result: InvokeResult): void;
  hangTimer: NodeJS.Timeout;
}

function digestHash(digest: string): number {
  let h = 2166136261;
  for (let i = 0; i < digest.length; i++) h = Math.imul(h ^ digest.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class SandboxSupervisor extends EventEmitter {
  private readonly workers: WorkerHandle[] = [];
  private readonly inFlight = new Map<number, InFlight>();
  private readonly hungWorkers = new WeakSet<WorkerHandle>();
  private readonly recentExits: number[][] = [];
  private readonly store: PluginKeyValueStore;
  private readonly egress: EgressGuard;
  private readonly crashLog: CrashLog;
  private readonly spillOverAt: number;
  private readonly hangGraceMs: number;
  private nextId = 0;
  private nextWorker = 0;
  private stopped = false;

  private constructor(private readonly options: SandboxSupervisorOptions) {
    super();
    this.store = options.store ?? (options.db ? new DatabasePluginStore(options.db) : new MemoryPluginStore());
    this.egress = options.egress instanceof EgressGuard ? options.egress : new EgressGuard(options.egress);
    this.crashLog = new CrashLog(options.db);
    this.spillOverAt = options.spillOverAt ?? 4;
    this.hangGraceMs = options.hangGraceMs ?? 2_000;
  }

  /** Starts the workers and resolves once all are ready. */
  static async start(options: SandboxSupervisorOptions = {}): Promise<SandboxSupervisor> {
    const supervisor = new SandboxSupervisor(options);
    const count = Math.max(1, options.workers ?? os.availableParallelism());
    for (let i = 0; i < count; i++) supervisor.workers.push(supervisor.spawn(i));
    await Promise.all(supervisor.workers.map((w) => w.ready));
    return supervisor;
  }

  get workerPids(): Array<number | undefined> {
    return this.workers.map((w) => w.pid);
  }

  crashes(): readonly CrashRecord[] {
    return this.crashLog.list();
  }

  /** Runs one invocation. Never throws for sandbox failures: they come back as typed `ok: false` results. */
  async invoke(call: SandboxInvocation): Promise<InvokeResult> {
    const started = Date.now();
    const limits = limitsForManifest(call.version.manifest, this.options.defaultLimits ?? DEFAULT_LIMITS, this.options.maxLimits ?? PLATFORM_MAX_LIMITS);
    const requested = call.deadline === undefined ? Infinity : Number(call.deadline);
    const deadline = Math.min(started + limits.wallTimeoutMs, requested);
    if (deadline <= started || this.stopped) {
      const type = this.stopped ? 'SandboxCrashed' : 'Timeout';
      return { ok: false, error: { type, code: this.stopped ? 'SUPERVISOR_STOPPED' : 'DEADLINE_PASSED', message: 'The invocation could not start.' }, metrics: emptyMetrics(type) };
    }
    const worker = this.pick(call.version.digest);
    if (!worker.isReady) await worker.ready.catch(() => undefined);
    if (!worker.alive) {
      return { ok: false, error: { type: 'SandboxCrashed', code: 'NO_WORKER', message: 'No sandbox worker is running; retry shortly.' }, metrics: emptyMetrics('SandboxCrashed') };
    }
    const id = ++this.nextId;
    return new Promise<InvokeResult>((resolve) => {
      const hangTimer = setTimeout(() => this.onHang(worker), deadline - started + this.hangGraceMs);
      this.inFlight.set(id, { id, call, limits, worker, started, deadline, resolve, hangTimer });
      worker.inFlight += 1;
      this.dispatch(id, true);
    });
  }

  /** Stops every worker; in-flight invocations end with SandboxCrashed. */
  async stop(): Promise<void> {
    this.stopped = true;
    const exits = this.workers.map((w) => new Promise<void>((resolve) => w.onExit(() => resolve())));
    for (const w of this.workers) w.kill('SIGTERM');
    await Promise.all(exits);
  }

  private spawn(index: number): WorkerHandle {
    const worker = new WorkerHandle(
      `sandbox-${index}-${Date.now().toString(36)}`,
      this.options.workerScript ?? DEFAULT_WORKER_SCRIPT,
      this.options.maxIsolatesPerWorker ? { NUDGE_SANDBOX_MAX_ISOLATES: String(this.options.maxIsolatesPerWorker) } : {},
      (w, message) => this.onMessage(w, message),
    );
    worker.onExit((exit) => void this.onWorkerExit(index, worker, exit));
    return worker;
  }

  private pick(digest: string): WorkerHandle {
    const n = this.workers.length;
    const home = this.workers[digestHash(digest) % n]!;
    let chosen = home;
    if (!home.alive || home.inFlight >= this.spillOverAt) {
      for (let i = 0; i < n; i++) {
        const candidate = this.workers[(this.nextWorker + i) % n]!;
        if (candidate.alive && (!chosen.alive || candidate.inFlight < chosen.inFlight)) chosen = candidate;
      }
      this.nextWorker = (this.nextWorker + 1) % n;
    }
    return chosen;
  }

  private dispatch(id: number, withCode: boolean): void {
    const job = this.inFlight.get(id);
    if (!job) return;
    const { call, worker } = job;
    const limits = { ...job.limits, wallTimeoutMs: Math.max(1, job.deadline - Date.now()) };
    const sendCode = withCode && !worker.knownDigests.has(call.version.digest);
    worker.send({
      t: 'invoke',
      id,
      req: {
        digest: call.version.digest,
        ...(sendCode || !withCode ? { code: call.version.code, manifest: call.version.manifest } : {}),
        kind: call.kind,
        name: call.name,
        input: call.input,
        settings: call.installation.settings,
        installation: { id: call.installation.id, workspaceId: call.installation.workspaceId },
        ...(call.connection ? { connection: call.connection } : {}),
        limits,
      },
    });
    worker.knownDigests.add(call.version.digest);
  }

  private onMessage(worker: WorkerHandle, message: ToSupervisor): void {
    if (message.t === 'ready' || message.t === 'batch') return; // WorkerHandle unpacks batches
    const job = this.inFlight.get(message.id);
    switch (message.t) {
      case 'need':
        worker.knownDigests.delete(job?.call.version.digest ?? '');
        this.dispatch(message.id, false);
        return;
      case 'result':
        if (job) this.complete(job, message.result);
        return;
      case 'log':
        if (job) this.forwardLog(job, message.entry);
        return;
      case 'host':
        void this.serveHost(worker, job, message);
        return;
    }
  }

  private async serveHost(worker: WorkerHandle, job: InFlight | undefined, message: Extract<ToSupervisor, { t: 'host' }>): Promise<void> {
    const reply = { t: 'hostResult' as const, id: message.id, callId: message.callId };
    if (!job) {
      worker.send({ ...reply, ok: false, error: { code: 'INVOCATION_FINISHED', message: 'This invocation has finished.' } });
      return;
    }
    const installation = job.call.installation;
    try {
      let value: unknown;
      if (message.op === 'fetch') {
        value = await this.egress.fetch(message.args[0], {
          allowlist: job.call.version.manifest.permissions?.hosts ?? [],
          deadline: job.deadline,
          ...(this.options.credentialsFor ? { credentials: (url: URL) => this.options.credentialsFor!(installation, url, job.call.version.manifest) } : {}),
        });
      } else if (message.op === 'storeGet') {
        value = await this.store.get(installation.id, String(message.args[0]));
      } else if (message.op === 'storeSet') {
        await this.store.set(installation.id, String(message.args[0]), message.args[1]);
      } else {
        await this.store.delete(installation.id, String(message.args[0]));
      }
      worker.send({ ...reply, ok: true, value });
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      const error = {
        ...(err instanceof SandboxBridgeError ? { type: err.type } : {}),
        code: typeof e?.code === 'string' ? e.code : 'HOST_ERROR',
        message: typeof e?.message === 'string' ? redactText(e.message).slice(0, 500) : 'The host operation failed.',
      };
      worker.send({ ...reply, ok: false, error });
    }
  }

  private forwardLog(job: InFlight, entry: LogEntry): void {
    const event: SandboxLogEvent = {
      level: entry.level,
      message: redactText(String(entry.message)).slice(0, 4096),
      ...(entry.data === undefined ? {} : { data: redact(entry.data) }),
      digest: job.call.version.digest,
      pluginId: job.call.version.manifest.id,
      installationId: job.call.installation.id,
    };
    this.options.onLog?.(event);
    this.emit('log', event);
  }

  private complete(job: InFlight, result: InvokeResult): void {
    if (!this.inFlight.delete(job.id)) return;
    clearTimeout(job.hangTimer);
    job.worker.inFlight -= 1;
    const event: InvocationEvent = {
      digest: job.call.version.digest,
      pluginId: job.call.version.manifest.id,
      installationId: job.call.installation.id,
      kind: job.call.kind,
      name: job.call.name,
      workerId: job.worker.workerId,
      metrics: result.metrics,
    };
    job.resolve(result);
    this.options.onMetrics?.(event);
    this.emit('metrics', event);
  }

  private onHang(worker: WorkerHandle): void {
    this.hungWorkers.add(worker);
    worker.kill('SIGKILL');
  }

  private async onWorkerExit(index: number, worker: WorkerHandle, exit: WorkerExit): Promise<void> {
    const hung = this.hungWorkers.has(worker);
    const reason = describeExit(exit.code, exit.signal, hung);
    const victims = [...this.inFlight.values()].filter((job) => job.worker === worker);
    const now = Date.now();
    for (const job of victims) {
      const timedOut = hung && now >= job.deadline;
      const type = timedOut ? 'Timeout' : 'SandboxCrashed';
      const error = timedOut
        ? { type, code: 'WALL_TIMEOUT', message: 'The invocation did not finish before its deadline; its worker was stopped.' }
        : { type, code: 'WORKER_CRASHED', message: `The sandbox worker running this invocation died (${reason}). Retrying is safe.` };
      this.complete(job, { ok: false, error: error as { type: 'Timeout' | 'SandboxCrashed'; code: string; message: string }, metrics: { ...emptyMetrics(type), wallMs: now - job.started } });
    }
    if (this.stopped) return;
    if (this.workers[index] === worker) {
      // Respawn at once; only a slot that keeps dying (3 times in 5 s) waits, so a
      // broken worker build cannot fork in a tight loop.
      const recent = (this.recentExits[index] ?? []).filter((t) => now - t < 5_000);
      recent.push(now);
      this.recentExits[index] = recent;
      const replacement = () => {
        if (!this.stopped && this.workers[index] === worker) this.workers[index] = this.spawn(index);
      };
      if (recent.length >= 3) setTimeout(replacement, 500).unref();
      else replacement();
    }
    const byDigest = new Map<string, InFlight[]>();
    for (const job of victims) byDigest.set(job.call.version.digest, [...(byDigest.get(job.call.version.digest) ?? []), job]);
    const base = { at: new Date(), workerId: worker.workerId, pid: worker.pid, exitCode: exit.code, signal: exit.signal, reason };
    const records: CrashRecord[] = [...byDigest].map(([digest, jobs]) => ({
      ...base,
      bundleDigest: digest,
      pluginId: jobs[0]!.call.version.manifest.id ?? null,
      inFlight: victims.length,
      invocations: jobs.map((j) => ({ installationId: j.call.installation.id, kind: j.call.kind, name: j.call.name })),
    }));
    if (records.length === 0) records.push({ ...base, bundleDigest: null, pluginId: null, inFlight: 0, invocations: [] });
    this.emit('crash', records);
    await this.crashLog.record(records).catch((err: unknown) => this.emit('error-recording-crash', err));
  }
}

function emptyMetrics(outcome: InvocationMetrics['outcome']): InvocationMetrics {
  return { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, hostCalls: 0, logBytes: 0, outcome };
}
