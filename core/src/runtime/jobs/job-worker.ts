/**
 * A queue worker: claims due jobs of the kinds it has handlers for, runs up to
 * `concurrency` at once, keeps their leases alive while they run, and settles
 * each one: done, retried after a backoff (or the upstream's Retry-After),
 * failed for good, or dead-lettered after its last attempt. Several workers,
 * in one process or many, can share one database.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { systemClock } from '../../clock.js';
import type { Db, DbOrTx } from '../../db/database.js';
import type { Logger } from '../../observability/logger.js';
import { redactText } from '../../observability/redact.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff.js';
import { JOB_ERROR_CODES, PermanentJobError, RetryableJobError } from './job-errors.js';
import { claimJobs, completeJob, deadLetterJob, extendLease, failJob, retryJob, type JobRow } from './job-queue.js';

export interface JobContext {
  workerId: string;
  /** Aborted when the worker stops or loses the job's lease. */
  signal: AbortSignal;
  now(): Date;
  /**
   * Renews the lease inside the caller's transaction: false means another worker
   * holds the job now, and the caller must not commit its work.
   */
  confirmLease(tx: DbOrTx): Promise<boolean>;
}

export interface JobHandler {
  kind: string;
  run(job: JobRow, ctx: JobContext): Promise<void>;
  /** Overrides the worker's backoff for this kind. */
  backoff?: BackoffPolicy | ((attempt: number) => number);
}

export interface JobWorkerOptions {
  db: Db;
  handlers: readonly JobHandler[];
  workerId?: string;
  concurrency?: number;
  /** How long a claim holds a job; renewed every third of it while the job runs. */
  leaseMs?: number;
  /** Idle wait between claims when the queue was empty. */
  pollMs?: number;
  backoff?: BackoffPolicy;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return redactText(`${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(err)}`).slice(0, 2000);
}

export class JobWorker {
  readonly workerId: string;
  private readonly handlers: Map<string, JobHandler>;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly clock: Clock;
  private stopping = new AbortController();
  private idle: AbortController | undefined;
  private loop: Promise<void> | undefined;
  /** Counts, read by tests and metrics. */
  readonly stats = { claimed: 0, succeeded: 0, retried: 0, failed: 0, dead: 0, leaseLost: 0, dbErrors: 0 };

  constructor(private readonly options: JobWorkerOptions) {
    this.workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.handlers = new Map(options.handlers.map((h) => [h.kind, h]));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 500;
    this.clock = options.clock ?? systemClock;
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  start(): void {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  /** Stops claiming, aborts the running handlers' signals and waits for them to settle. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.idle?.abort();
    await this.loop;
    this.loop = undefined;
    await Promise.allSettled(this.inFlight.values());
  }

  /** Ends the idle wait: call after enqueueing work this worker should see now. */
  wake(): void {
    this.idle?.abort();
  }

  /** Claims and runs due jobs until none is left (tests and benchmarks). Returns how many ran. */
  async drain(options: { maxJobs?: number } = {}): Promise<number> {
    let ran = 0;
    const max = options.maxJobs ?? Infinity;
    while (ran < max) {
      const claimed = await claimJobs(this.options.db, { workerId: this.workerId, kinds: this.kinds, limit: Math.min(this.concurrency, max - ran), leaseMs: this.leaseMs, now: this.clock.now() });
      if (claimed.length === 0) break;
      this.stats.claimed += claimed.length;
      await Promise.all(claimed.map((job) => this.execute(job)));
      ran += claimed.length;
    }
    return ran;
  }

  private async run(): Promise<void> {
    let dbFailures = 0;
    while (!this.stopping.signal.aborted) {
      const free = this.concurrency - this.inFlight.size;
      let claimed: JobRow[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(this.options.db, { workerId: this.workerId, kinds: this.kinds, limit: free, leaseMs: this.leaseMs, now: this.clock.now() });
          dbFailures = 0;
        } catch (err) {
          // The database is away (restart, network): back off and keep trying; leases protect the jobs.
          this.stats.dbErrors += 1;
          dbFailures += 1;
          this.options.logger?.warn({ err: describe(err), workerId: this.workerId }, 'job claim failed; retrying');
          await sleep(Math.min(5_000, 200 * 2 ** Math.min(dbFailures, 5)), this.stopping.signal);
          continue;
        }
      }
      this.stats.claimed += claimed.length;
      for (const job of claimed) {
        const running = this.execute(job).finally(() => {
          this.inFlight.delete(job.id);
          this.idle?.abort();
        });
        this.inFlight.set(job.id, running);
      }
      if (claimed.length === 0 || this.inFlight.size >= this.concurrency) {
        this.idle = new AbortController();
        const stop = () => this.idle?.abort();
        this.stopping.signal.addEventListener('abort', stop, { once: true });
        await sleep(claimed.length === 0 ? this.pollMs : this.leaseMs, this.idle.signal);
        this.stopping.signal.removeEventListener('abort', stop);
      }
    }
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const db = this.options.db;
    if (!handler) {
      await this.settle(() => failJob(db, job.id, this.workerId, `${JOB_ERROR_CODES.UNKNOWN_KIND}: no handler for ${job.kind}`, this.clock.now()), job, 'failed');
      return;
    }
    if (job.attempts > job.maxAttempts) {
      // Every earlier holder vanished without settling (e.g. the job crashes its worker).
      await this.settle(() => deadLetterJob(db, job.id, this.workerId, `${JOB_ERROR_CODES.LEASE_EXPIRED}: ${job.attempts - 1} attempts ended without an outcome; last error: ${job.lastError ?? 'none'}`, this.clock.now()), job, 'dead');
      return;
    }
    const abort = new AbortController();
    const onStop = () => abort.abort();
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    const beat = setInterval(() => {
      extendLease(db, job.id, this.workerId, new Date(this.clock.now().getTime() + this.leaseMs))
        .then((held) => {
          if (!held) {
            this.stats.leaseLost += 1;
            abort.abort();
          }
        })
        .catch(() => {
          /* the database is away; the lease may lapse and another worker resume the job */
        });
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      const confirmLease = (tx: DbOrTx) => extendLease(tx, job.id, this.workerId, new Date(this.clock.now().getTime() + this.leaseMs));
      await handler.run(job, { workerId: this.workerId, signal: abort.signal, now: () => this.clock.now(), confirmLease });
      await this.settle(() => completeJob(db, job.id, this.workerId, this.clock.now()), job, 'succeeded');
    } catch (err) {
      await this.onError(handler, job, err);
    } finally {
      clearInterval(beat);
      this.stopping.signal.removeEventListener('abort', onStop);
    }
  }

  private async onError(handler: JobHandler, job: JobRow, err: unknown): Promise<void> {
    const db = this.options.db;
    const now = this.clock.now();
    const message = describe(err);
    if (err instanceof PermanentJobError) {
      await this.settle(() => failJob(db, job.id, this.workerId, message, now), job, 'failed');
      return;
    }
    const progressed = err instanceof RetryableJobError && err.madeProgress;
    if (job.attempts >= job.maxAttempts && !progressed) {
      await this.settle(() => deadLetterJob(db, job.id, this.workerId, `${JOB_ERROR_CODES.ATTEMPTS_EXHAUSTED} after ${job.attempts} attempts: ${message}`, now), job, 'dead');
      return;
    }
    const retryAfterMs = err instanceof RetryableJobError ? err.retryAfterMs : undefined;
    const policy = handler.backoff;
    const delay =
      typeof policy === 'function' && retryAfterMs === undefined
        ? policy(job.attempts)
        : retryDelay(progressed ? 1 : job.attempts, retryAfterMs, typeof policy === 'object' ? policy : (this.options.backoff ?? DEFAULT_BACKOFF), this.options.random);
    await this.settle(() => retryJob(db, job.id, this.workerId, new Date(now.getTime() + delay), message, now, progressed), job, 'retried');
  }

  /** Writes the outcome, retrying briefly if the database is away; a lost lease means another worker owns the job now. */
  private async settle(write: () => Promise<boolean>, job: JobRow, outcome: 'succeeded' | 'retried' | 'failed' | 'dead'): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      try {
        if (await write()) this.stats[outcome] += 1;
        else this.stats.leaseLost += 1;
        return;
      } catch (err) {
        this.stats.dbErrors += 1;
        this.options.logger?.warn({ err: describe(err), jobId: job.id }, 'recording a job outcome failed; retrying');
        await sleep(250 * 2 ** attempt);
      }
    }
    // Give up: the lease will lapse and the job run again (handlers are idempotent).
  }
}
