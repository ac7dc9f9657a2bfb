import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { jobs } from '../../db/schema/runtime.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { PermanentJobError, RetryableJobError } from './job-errors.js';
import { claimJobs, enqueueJob, listDeadLetters, pruneJobs, requeueJob } from './job-queue.js';
import { JobWorker, type JobHandler } from './job-worker.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());
beforeEach(async () => {
  await database.db.delete(jobs);
});

const jobRow = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

describe(`job queue on ${testDatabaseKind()}`, () => {
  it('ignores a second enqueue with the same idempotency key', async () => {
    const a = await enqueueJob(database.db, { kind: 'k', payload: { n: 1 }, idempotencyKey: 'order-42' });
    const b = await enqueueJob(database.db, { kind: 'k', payload: { n: 2 }, idempotencyKey: 'order-42' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await database.db.select().from(jobs)).toHaveLength(1);
  });

  it('claims only due jobs of the asked kinds, each once, and counts the attempt', async () => {
    const clock = new ManualClock();
    await enqueueJob(database.db, { kind: 'a', runAt: clock.now() }, clock.now());
    await enqueueJob(database.db, { kind: 'a', runAt: new Date(clock.now().getTime() + 60_000) }, clock.now());
    await enqueueJob(database.db, { kind: 'b', runAt: clock.now() }, clock.now());
    const first = await claimJobs(database.db, { workerId: 'w1', kinds: ['a'], limit: 10, leaseMs: 1000, now: clock.now() });
    expect(first.map((j) => [j.kind, j.attempts, j.lockedBy, j.state])).toEqual([['a', 1, 'w1', 'running']]);
    expect(await claimJobs(database.db, { workerId: 'w2', kinds: ['a'], limit: 10, leaseMs: 1000, now: clock.now() })).toEqual([]);
  });

  it('lets another worker resume a job whose lease expired, and ignores the old holder afterwards', async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'a' }, clock.now());
    await claimJobs(database.db, { workerId: 'crashed', kinds: ['a'], limit: 1, leaseMs: 30_000, now: clock.now() });
    clock.advance(29_000);
    expect(await claimJobs(database.db, { workerId: 'w2', kinds: ['a'], limit: 1, leaseMs: 30_000, now: clock.now() })).toEqual([]);
    clock.advance(2_000);
    const [resumed] = await claimJobs(database.db, { workerId: 'w2', kinds: ['a'], limit: 1, leaseMs: 30_000, now: clock.now() });
    expect(resumed).toMatchObject({ id, attempts: 2, lockedBy: 'w2' });
  });

  it('runs a job once across two concurrent workers (SKIP LOCKED) and none is lost', async () => {
    const seen: number[] = [];
    let running = 0;
    let overlap = false;
    const handler: JobHandler = {
      kind: 'count',
      run: async (job) => {
        running += 1;
        if (running > 8) overlap = true;
        seen.push((job.payload as { n: number }).n);
        await new Promise((r) => setTimeout(r, 2));
        running -= 1;
      },
    };
    for (let n = 0; n < 60; n++) await enqueueJob(database.db, { kind: 'count', payload: { n } });
    const w1 = new JobWorker({ db: database.db, handlers: [handler], concurrency: 4, pollMs: 10 });
    const w2 = new JobWorker({ db: database.db, handlers: [handler], concurrency: 4, pollMs: 10 });
    await Promise.all([w1.drain(), w2.drain()]);
    expect(overlap).toBe(false);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const states = await database.db.select({ state: jobs.state }).from(jobs);
    expect(states.every((s) => s.state === 'succeeded')).toBe(true);
  });

  it('retries with exponential backoff and jitter, then dead-letters with the reason', async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'flaky', maxAttempts: 3 }, clock.now());
    const worker = new JobWorker({ db: database.db, clock, backoff: { baseMs: 1000, maxMs: 60_000 }, random: () => 0, handlers: [{ kind: 'flaky', run: async () => { throw new Error('upstream 502'); } }] });
    expect(await worker.drain()).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: 'upstream 502' });
    expect(row.runAt.getTime() - clock.now().getTime()).toBe(500);
    expect(await worker.drain()).toBe(0); // not due yet
    clock.advance(500);
    await worker.drain();
    row = await jobRow(id);
    expect(row.runAt.getTime() - clock.now().getTime()).toBe(1000);
    clock.advance(1000);
    await worker.drain();
    row = await jobRow(id);
    expect(row.state).toBe('dead');
    expect(row.lastError).toBe('JOB_ATTEMPTS_EXHAUSTED after 3 attempts: upstream 502');
    expect((await listDeadLetters(database.db)).map((j) => j.id)).toEqual([id]);
    expect(await requeueJob(database.db, id, clock.now())).toBe(true);
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it("honours the upstream's retry-after instead of the backoff", async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'limited' }, clock.now());
    const worker = new JobWorker({ db: database.db, clock, random: () => 0, handlers: [{ kind: 'limited', run: async () => { throw new RetryableJobError('429', { retryAfterMs: 42_000 }); } }] });
    await worker.drain();
    const row = await jobRow(id);
    expect(row.runAt.getTime() - clock.now().getTime()).toBe(42_000);
  });

  it('fails a job for good on a permanent error, without retrying', async () => {
    const { id } = await enqueueJob(database.db, { kind: 'bad' });
    let calls = 0;
    const worker = new JobWorker({ db: database.db, handlers: [{ kind: 'bad', run: async () => { calls += 1; throw new PermanentJobError('INVALID_INPUT', 'no email'); } }] });
    await worker.drain();
    await worker.drain();
    expect(calls).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: 'failed', lastError: 'INVALID_INPUT: no email' });
  });

  it('dead-letters a job whose holders keep vanishing (crash loop) without running it again', async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'crashy', maxAttempts: 2 }, clock.now());
    for (let i = 0; i < 2; i++) {
      await claimJobs(database.db, { workerId: `dying-${i}`, kinds: ['crashy'], limit: 1, leaseMs: 1000, now: clock.now() });
      clock.advance(1001);
    }
    let ran = false;
    const worker = new JobWorker({ db: database.db, clock, handlers: [{ kind: 'crashy', run: async () => { ran = true; } }] });
    await worker.drain();
    expect(ran).toBe(false);
    expect((await jobRow(id)).state).toBe('dead');
    expect((await jobRow(id)).lastError).toMatch(/^JOB_LEASE_EXPIRED/);
  });

  it('a worker that lost its lease cannot overwrite the new holder', async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'slow' }, clock.now());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new JobWorker({ db: database.db, clock, leaseMs: 1000, workerId: 'slow', handlers: [{ kind: 'slow', run: () => gate }] });
    const draining = slow.drain();
    await new Promise((r) => setTimeout(r, 50));
    clock.advance(1001);
    const [taken] = await claimJobs(database.db, { workerId: 'fast', kinds: ['slow'], limit: 1, leaseMs: 60_000, now: clock.now() });
    expect(taken?.lockedBy).toBe('fast');
    release();
    await draining;
    expect(slow.stats.leaseLost).toBeGreaterThanOrEqual(1);
    expect(await jobRow(id)).toMatchObject({ state: 'running', lockedBy: 'fast' });
  });

  it('prunes old succeeded jobs and keeps dead letters', async () => {
    const clock = new ManualClock();
    const ok = await enqueueJob(database.db, { kind: 'x' }, clock.now());
    const bad = await enqueueJob(database.db, { kind: 'y', maxAttempts: 1 }, clock.now());
    const worker = new JobWorker({ db: database.db, clock, handlers: [{ kind: 'x', run: async () => {} }, { kind: 'y', run: async () => { throw new Error('nope'); } }] });
    await worker.drain();
    clock.advanceDays(8);
    expect(await pruneJobs(database.db, new Date(clock.now().getTime() - 7 * 86_400_000))).toBe(1);
    expect((await database.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id)).toEqual([bad.id]);
    void ok;
  });
});

describe(`job queue progress on ${testDatabaseKind()}`, () => {
  it('restarts the attempt count when a failed attempt made durable progress, so it is not dead-lettered', async () => {
    const clock = new ManualClock();
    const { id } = await enqueueJob(database.db, { kind: 'long', maxAttempts: 2 }, clock.now());
    let calls = 0;
    const worker = new JobWorker({ db: database.db, clock, random: () => 0, handlers: [{ kind: 'long', run: async () => { calls += 1; if (calls < 5) throw new RetryableJobError('page 429', { madeProgress: true }); } }] });
    for (let i = 0; i < 5; i++) {
      await worker.drain();
      clock.advance(60_000);
    }
    expect(calls).toBe(5);
    expect(await jobRow(id)).toMatchObject({ state: 'succeeded' });
  });
});
