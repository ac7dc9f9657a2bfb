/**
 * The durable job queue: rows in `jobs`, on PostgreSQL and PGlite alike.
 * Workers claim due jobs with `SELECT … FOR UPDATE SKIP LOCKED` and hold them
 * under a lease (`locked_until`, `locked_by`); a lease that runs out (the
 * worker crashed or hung) makes the job claimable again. Every state change is
 * conditional on the caller still holding the lease, so a worker that lost its
 * lease cannot overwrite the new holder's outcome.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { jobs } from '../../db/schema/runtime.js';
import { assertTransition, type JobState } from './job-states.js';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before; default now. */
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is ignored (Stripe-style idempotency). */
  idempotencyKey?: string;
}

export interface EnqueueOutcome {
  id: number;
  /** False when a job with the idempotency key already existed. */
  created: boolean;
}

/** Adds a job; inside a transaction it commits (or not) with the caller's writes. */
export async function enqueueJob(db: DbOrTx, input: EnqueueInput, now: Date = new Date()): Promise<EnqueueOutcome> {
  const inserted = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      runAt: input.runAt ?? now,
      ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, input.idempotencyKey ?? ''));
  return { id: existing?.id ?? -1, created: false };
}

interface RawJob {
  id: number | string;
  kind: string;
  payload: unknown;
  state: JobState;
  run_at: string | Date;
  attempts: number;
  max_attempts: number;
  locked_until: string | Date | null;
  locked_by: string | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  finished_at: string | Date | null;
}

const date = (v: string | Date | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

function fromRaw(r: RawJob): JobRow {
  return {
    id: Number(r.id),
    kind: r.kind,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    state: r.state,
    runAt: date(r.run_at)!,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lockedUntil: date(r.locked_until),
    lockedBy: r.locked_by,
    idempotencyKey: r.idempotency_key,
    lastError: r.last_error,
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
    finishedAt: date(r.finished_at),
  };
}

export interface ClaimOptions {
  workerId: string;
  kinds: readonly string[];
  limit: number;
  leaseMs: number;
  now: Date;
}

/**
 * Claims up to `limit` due jobs of `kinds`: queued jobs whose `run_at` has come,
 * and running jobs whose lease has expired. Each claim counts as an attempt.
 * Rows another worker is claiming right now are skipped, never waited for.
 */
export async function claimJobs(db: DbOrTx, options: ClaimOptions): Promise<JobRow[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const now = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const kinds = sql.join(options.kinds.map((k) => sql`${k}`), sql`, `);
  const result = await db.execute(sql`
    with due as (
      select id from jobs
      where kind in (${kinds})
        and ((state = 'queued' and run_at <= ${now}::timestamptz) or (state = 'running' and locked_until < ${now}::timestamptz))
      order by run_at, id
      limit ${options.limit}
      for update skip locked
    )
    update jobs set state = 'running', attempts = jobs.attempts + 1, locked_until = ${until}::timestamptz,
      locked_by = ${options.workerId}, updated_at = ${now}::timestamptz
    from due where jobs.id = due.id
    returning jobs.*`);
  return rowsOf<RawJob>(result).map(fromRaw).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** Extends a held lease; false means the lease is no longer this worker's. */
export async function extendLease(db: DbOrTx, id: number, workerId: string, until: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

async function settle(db: DbOrTx, id: number, workerId: string, to: JobState, set: Partial<typeof jobs.$inferInsert>, now: Date): Promise<boolean> {
  assertTransition('running', to);
  const final = to === 'succeeded' || to === 'failed' || to === 'dead';
  const rows = await db
    .update(jobs)
    .set({ ...set, state: to, lockedUntil: null, lockedBy: null, updatedAt: now, ...(final ? { finishedAt: now } : {}) })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export const completeJob = (db: DbOrTx, id: number, workerId: string, now: Date) => settle(db, id, workerId, 'succeeded', { lastError: null }, now);

/** Queues the job again at `runAt`; `resetAttempts` restarts its attempt count (it made durable progress). */
export const retryJob = (db: DbOrTx, id: number, workerId: string, runAt: Date, error: string, now: Date, resetAttempts = false) =>
  settle(db, id, workerId, 'queued', { runAt, lastError: error, ...(resetAttempts ? { attempts: 0 } : {}) }, now);

export const failJob = (db: DbOrTx, id: number, workerId: string, error: string, now: Date) => settle(db, id, workerId, 'failed', { lastError: error }, now);

/** Dead-letters the job: it stays in `jobs` with state `dead` and its reason, until requeued by hand. */
export const deadLetterJob = (db: DbOrTx, id: number, workerId: string, reason: string, now: Date) => settle(db, id, workerId, 'dead', { lastError: reason }, now);

/** Puts a dead or failed job back in the queue with fresh attempts. */
export async function requeueJob(db: DbOrTx, id: number, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id));
  if (!row) return false;
  assertTransition(row.state, 'queued');
  const rows = await db
    .update(jobs)
    .set({ state: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
    .where(and(eq(jobs.id, id), inArray(jobs.state, ['dead', 'failed'])))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function listDeadLetters(db: DbOrTx, limit = 100): Promise<JobRow[]> {
  return db.select().from(jobs).where(eq(jobs.state, 'dead')).orderBy(jobs.finishedAt).limit(limit);
}

/** Deletes finished (succeeded) jobs older than `before`; dead and failed jobs are kept for inspection. */
export async function pruneJobs(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.state, 'succeeded'), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}
