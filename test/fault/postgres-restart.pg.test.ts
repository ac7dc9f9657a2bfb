/**
 * PostgreSQL goes away in the middle of a 5,000-record sync (a TCP relay on
 * loopback in front of the real server is cut for two seconds, dropping every
 * connection, then restored — the real server keeps running for other tests).
 * The worker keeps retrying its claims and outcomes, the job resumes from the
 * last committed cursor, and the sync ends with exactly the upstream's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../core/src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../core/src/db/test-database.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { JobWorker } from '../../core/src/runtime/jobs/job-worker.js';
import { requestSync, syncJobHandler, syncStatus } from '../../core/src/runtime/syncs/sync-runner.js';
import { shopifyOverride, startShopifyFixture, type ShopifyFixture } from '../../core/src/runtime/testing/shopify-fixture.js';
import { SandboxSupervisor } from '../../core/src/sandbox/sandbox-supervisor.js';
import { expectedRecords, installShopifySync, postgresRelay, storedRecords, waitFor } from './support/fault-harness.js';

let database: TestDatabase;
let fixture: ShopifyFixture;
let sandbox: SandboxSupervisor;
beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startShopifyFixture({ total: 5000, delayMs: 30 });
  sandbox = await SandboxSupervisor.start({ workers: 1, egress: { hostOverrides: shopifyOverride(fixture.port) } });
});
afterAll(async () => {
  await sandbox?.stop();
  await fixture?.close();
  await database?.destroy();
});

describe('PostgreSQL restarting mid-run', () => {
  it('resumes the sync once the database is back and ends with the exact record set', async () => {
    const installationId = await installShopifySync(database.db);
    const url = new URL(database.url!);
    const relay = postgresRelay({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${await relay.restore()}`;
    const viaRelay: Database = await openDatabase({ databaseUrl: url.toString() });
    const deps = { db: viaRelay.db, sandbox, clock: { now: () => new Date() }, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1' };
    const worker = new JobWorker({ db: viaRelay.db, leaseMs: 1500, pollMs: 50, backoff: { baseMs: 200, maxMs: 2000 }, handlers: [syncJobHandler(deps)] });
    try {
      await requestSync(database.db, { installationId, syncName: 'customers', now: new Date() });
      worker.start();
      await waitFor(async () => ((await syncStatus(database.db, installationId, 'customers'))?.progress as { pages?: number } | null)?.pages! >= 4, 60_000, 'four committed pages');
      await relay.cut();
      const during = (await syncStatus(database.db, installationId, 'customers'))!;
      expect(during.status).toBe('running');
      await new Promise((r) => setTimeout(r, 2000));
      await relay.restore();
      await waitFor(async () => (await syncStatus(database.db, installationId, 'customers'))?.status === 'idle', 90_000, 'the sync to finish');
      expect(worker.stats.dbErrors).toBeGreaterThan(0);
      const final = await syncStatus(database.db, installationId, 'customers');
      expect(final).toMatchObject({ status: 'idle', cursor: { sinceId: 5000 }, progress: { records: 5000, pages: 20 } });
      expect(await storedRecords(database.db, installationId)).toEqual(expectedRecords(fixture));
    } finally {
      await worker.stop();
      await viaRelay.close().catch(() => {});
      await relay.cut().catch(() => {});
    }
  }, 180_000);
});
