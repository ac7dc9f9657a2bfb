/**
 * `npm run bench:sync [-- --json]`: syncs 1,000 and then 100,000 Shopify-style
 * customers (250 per page, cursor paging through Link headers) from a loopback
 * fixture server; every page is fetched and every record transformed by the
 * plugin in the sandbox, then upserted into PostgreSQL through the job queue.
 * Prints sync_1k_ms, sync_100k_ms, records_per_s (100k run) and rss_growth_mb
 * (peak RSS of this process during the 100k run, over its RSS before it).
 * Bounded: one run each, a 10-minute cap; the record counts are checked, no
 * timing is asserted.
 */
import { count, eq } from 'drizzle-orm';
import { ManualClock } from '@nudgecampaign/core/clock';
import { openDatabase } from '@nudgecampaign/core/db/database';
import { syncedRecords } from '@nudgecampaign/core/db/schema/runtime';
import { createPostgresDatabase } from '@nudgecampaign/core/db/test-database';
import { createLogger } from '@nudgecampaign/core/observability/logger';
import { JobWorker } from '@nudgecampaign/core/runtime/jobs/job-worker';
import { configureSync, requestSync, syncJobHandler } from '@nudgecampaign/core/runtime/syncs/sync-runner';
import { insertActiveInstallation, insertRunnablePlugin } from '@nudgecampaign/core/runtime/testing/plugin-fixtures';
import { SHOPIFY_MANIFEST, SHOPIFY_SYNC_CODE, shopifyOverride, startShopifyFixture } from '@nudgecampaign/core/runtime/testing/shopify-fixture';
import { SandboxSupervisor } from '@nudgecampaign/core/sandbox/sandbox-supervisor';

const json = process.argv.includes('--json');
const CAP_MS = 600_000;
const log = (line: string) => !json && process.stdout.write(`${line}\n`);

const cap = setTimeout(() => {
  process.stderr.write(`bench:sync exceeded ${CAP_MS / 1000} s; aborting.\n`);
  process.exit(2);
}, CAP_MS);
cap.unref();

const created = await createPostgresDatabase('nudge_bench');
const database = await openDatabase({ databaseUrl: created.url });
const fixture = await startShopifyFixture({ total: 1000 });
const sandbox = await SandboxSupervisor.start({ workers: 1, db: database.db, egress: { hostOverrides: shopifyOverride(fixture.port) } });
try {
  await database.migrate();
  const clock = new ManualClock(new Date());
  const deps = { db: database.db, sandbox, clock, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1' };
  const worker = new JobWorker({ db: database.db, clock, handlers: [syncJobHandler(deps)] });
  const plugin = await insertRunnablePlugin(database.db, { manifest: SHOPIFY_MANIFEST, code: SHOPIFY_SYNC_CODE });

  const syncOnce = async (total: number, sample?: () => void) => {
    fixture.setTotal(total);
    const inst = await insertActiveInstallation(database.db, plugin);
    await configureSync(database.db, { installationId: inst.id, syncName: 'customers', now: clock.now() });
    await requestSync(database.db, { installationId: inst.id, syncName: 'customers', now: clock.now() });
    const timer = sample ? setInterval(sample, 50) : undefined;
    const started = performance.now();
    await worker.drain();
    const ms = performance.now() - started;
    if (timer) clearInterval(timer);
    const [row] = await database.db.select({ n: count() }).from(syncedRecords).where(eq(syncedRecords.installationId, inst.id));
    if (row!.n !== total) throw new Error(`expected ${total} records, found ${row!.n}`);
    return ms;
  };

  // Warm the sandbox worker's isolate for the bundle, as a running platform has it.
  await syncOnce(10);
  log('warm-up: 10 records');
  const sync1k = await syncOnce(1000);
  log(`1,000 records: ${sync1k.toFixed(0)} ms`);

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sync100k = await syncOnce(100_000, () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = {
    sync_1k_ms: Math.round(sync1k),
    sync_100k_ms: Math.round(sync100k),
    records_per_s: Math.round(100_000 / (sync100k / 1000)),
    rss_growth_mb: Number(((peak - before) / 1024 / 1024).toFixed(1)),
    page_size: 250,
    sandbox_workers: 1,
    database: 'postgres',
  };
  log(`100,000 records: ${sync100k.toFixed(0)} ms (${result.records_per_s} records/s), RSS growth ${result.rss_growth_mb} MB`);
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await sandbox.stop();
  await fixture.close();
  await database.close();
  await created.drop();
}
