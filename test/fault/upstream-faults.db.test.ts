/**
 * The upstream answers 429 (with Retry-After) or 500 to 20 % of requests while
 * a 10,000-record sync runs. The plugin turns them into RateLimitError and
 * RetryableError; the queue retries after the Retry-After or a backoff, the
 * sync resumes from its last committed page each time, and it ends with
 * exactly the upstream's record set.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/src/clock.js';
import { jobs } from '../../core/src/db/schema/runtime.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../core/src/db/test-database.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { JOB_KINDS } from '../../core/src/runtime/job-kinds.js';
import { JobWorker } from '../../core/src/runtime/jobs/job-worker.js';
import { requestSync, syncJobHandler, syncStatus } from '../../core/src/runtime/syncs/sync-runner.js';
import { shopifyOverride, startShopifyFixture, type ShopifyFixture } from '../../core/src/runtime/testing/shopify-fixture.js';
import { SandboxSupervisor } from '../../core/src/sandbox/sandbox-supervisor.js';
import { expectedRecords, installShopifySync, storedRecords } from './support/fault-harness.js';

let database: TestDatabase;
let fixture: ShopifyFixture;
let sandbox: SandboxSupervisor;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startShopifyFixture({ total: 10_000, faultRate: 0.2, seed: 7, retryAfterSeconds: 30 });
  sandbox = await SandboxSupervisor.start({ workers: 1, db: database.db, egress: { hostOverrides: shopifyOverride(fixture.port) } });
});
afterAll(async () => {
  await sandbox?.stop();
  await fixture?.close();
  await database?.destroy();
});

describe(`upstream 429/500 on 20 % of requests (${testDatabaseKind()})`, () => {
  it('retries with retry-after or backoff and ends with the exact record set', async () => {
    const clock = new ManualClock();
    const installationId = await installShopifySync(database.db);
    const deps = { db: database.db, sandbox, clock, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1' };
    const worker = new JobWorker({ db: database.db, clock, backoff: { baseMs: 1000, maxMs: 20_000 }, handlers: [syncJobHandler(deps)] });
    const { jobId } = await requestSync(database.db, { installationId, syncName: 'customers', now: clock.now() });
    // The job has 10 attempts; each failed attempt must wait at least its Retry-After (30 s) after a 429.
    const waits: Array<{ status: string; waitMs: number; error: string | null }> = [];
    for (let round = 0; round < 50; round++) {
      await worker.drain();
      const [job] = await database.db.select().from(jobs).where(eq(jobs.id, jobId));
      if (job!.state !== 'queued') break;
      waits.push({ status: job!.state, waitMs: job!.runAt.getTime() - clock.now().getTime(), error: job!.lastError });
      clock.set(job!.runAt);
    }
    expect(fixture.faults[429]).toBeGreaterThan(0);
    expect(fixture.faults[500]).toBeGreaterThan(0);
    for (const w of waits) {
      if (w.error?.includes('RATE_LIMITED')) expect(w.waitMs).toBeGreaterThanOrEqual(30_000);
      else expect(w.waitMs).toBeLessThanOrEqual(20_000);
    }
    expect(waits.length).toBe(fixture.faults[429] + fixture.faults[500]);
    const [job] = await database.db.select().from(jobs).where(and(eq(jobs.kind, JOB_KINDS.SYNC_RUN), eq(jobs.id, jobId)));
    expect(job!.state).toBe('succeeded');
    expect(await syncStatus(database.db, installationId, 'customers')).toMatchObject({ status: 'idle', recordsSynced: 10_000 });
    expect(await storedRecords(database.db, installationId)).toEqual(expectedRecords(fixture));
  }, 120_000);
});
