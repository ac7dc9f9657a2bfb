import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { jobs, runs, syncedRecords } from '../../db/schema/runtime.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { createLogger } from '../../observability/logger.js';
import { SandboxSupervisor } from '../../sandbox/sandbox-supervisor.js';
import { JOB_KINDS } from '../job-kinds.js';
import { JobWorker } from '../jobs/job-worker.js';
import type { RuntimeDeps } from '../runtime-deps.js';
import { insertActiveInstallation, insertRunnablePlugin } from '../testing/plugin-fixtures.js';
import { expectedRecord, SHOPIFY_MANIFEST, SHOPIFY_SYNC_CODE, shopifyOverride, startShopifyFixture, type ShopifyFixture } from '../testing/shopify-fixture.js';
import { configureSync, requestSync, syncJobHandler, syncStatus } from './sync-runner.js';

let database: TestDatabase;
let sandbox: SandboxSupervisor;
let fixture: ShopifyFixture;
let deps: RuntimeDeps;
let installationId: string;
const clock = new ManualClock();

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startShopifyFixture({ total: 1000 });
  sandbox = await SandboxSupervisor.start({ workers: 1, db: database.db, egress: { hostOverrides: shopifyOverride(fixture.port) } });
  deps = { db: database.db, sandbox, clock, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1' };
  const plugin = await insertRunnablePlugin(database.db, { manifest: SHOPIFY_MANIFEST, code: SHOPIFY_SYNC_CODE });
  installationId = (await insertActiveInstallation(database.db, plugin)).id;
});
afterAll(async () => {
  await sandbox?.stop();
  await fixture?.close();
  await database?.destroy();
});

async function liveRecords() {
  const rows = await database.db
    .select({ id: syncedRecords.externalId, data: syncedRecords.data })
    .from(syncedRecords)
    .where(and(eq(syncedRecords.installationId, installationId), isNull(syncedRecords.deletedAt)));
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

function expectedSet() {
  return fixture.ids().map((id) => ({ id: String(id), data: expectedRecord(fixture.customer(id)!) }));
}

const worker = () => new JobWorker({ db: database.db, clock, handlers: [syncJobHandler(deps)] });

describe(`syncs on ${testDatabaseKind()}`, () => {
  it('brings in 1,000 Shopify customers over 250-per-page cursor paging, transformed in the sandbox', async () => {
    await requestSync(database.db, { installationId, syncName: 'customers', now: clock.now() });
    expect(await worker().drain()).toBe(1);
    expect(await liveRecords()).toEqual(expectedSet());
    const state = await syncStatus(database.db, installationId, 'customers');
    expect(state).toMatchObject({ status: 'idle', currentRunId: null, recordsSynced: 1000, cursor: { sinceId: 1000 } });
    expect(state!.progress).toMatchObject({ pages: 4, records: 1000, full: true });
    const [run] = await database.db.select().from(runs).where(eq(runs.kind, 'sync'));
    expect(run).toMatchObject({ status: 'succeeded', output: { pages: 4, records: 1000, deleted: 0 } });
  });

  it('continues incrementally from the persisted cursor and updates changed records in place', async () => {
    fixture.setTotal(1010);
    fixture.update(5, { first_name: 'Renamed' });
    const before = fixture.requests.length;
    await requestSync(database.db, { installationId, syncName: 'customers', now: clock.advance(1000) });
    await worker().drain();
    expect(fixture.requests.slice(before)).toEqual(['?limit=250&since_id=1000']);
    expect((await liveRecords()).length).toBe(1010);
    // id 5 changed upstream but was not re-read by an incremental run; a full run picks it up.
    await requestSync(database.db, { installationId, syncName: 'customers', full: true, now: clock.advance(1000) });
    await worker().drain();
    expect(await liveRecords()).toEqual(expectedSet());
    const [five] = await database.db.select().from(syncedRecords).where(eq(syncedRecords.externalId, '5'));
    expect(five!.data).toMatchObject({ name: 'Renamed Last5' });
  });

  it('marks records a full run did not see as deleted, when deletion detection is on', async () => {
    await configureSync(database.db, { installationId, syncName: 'customers', detectDeletions: true, now: clock.now() });
    for (const id of [3, 300, 1010]) fixture.remove(id);
    await requestSync(database.db, { installationId, syncName: 'customers', full: true, now: clock.advance(1000) });
    await worker().drain();
    expect(await liveRecords()).toEqual(expectedSet());
    const deleted = await database.db.select({ id: syncedRecords.externalId }).from(syncedRecords).where(and(eq(syncedRecords.installationId, installationId)));
    expect(deleted.length).toBe(1010);
    expect((await syncStatus(database.db, installationId, 'customers'))!.progress).toMatchObject({ deleted: 3 });
  });

  it('resumes a run from its last committed page after the worker stopped mid-sync', async () => {
    fixture.setTotal(1500);
    const stopAfter = 2;
    let pages = 0;
    const abort = new AbortController();
    const interrupting: RuntimeDeps = {
      ...deps,
      sandbox: {
        invoke: async (call) => {
          const result = await sandbox.invoke(call);
          if (++pages === stopAfter) abort.abort();
          return result;
        },
      },
    };
    await requestSync(database.db, { installationId, syncName: 'customers', full: true, now: clock.advance(1000) });
    const [job] = await database.db.select().from(jobs).where(and(eq(jobs.kind, JOB_KINDS.SYNC_RUN), eq(jobs.state, 'queued')));
    const first = new JobWorker({ db: database.db, clock, handlers: [{ ...syncJobHandler(interrupting), run: (j, ctx) => syncJobHandler(interrupting).run(j, { ...ctx, signal: abort.signal }) }] });
    const before = fixture.requests.length;
    await first.drain();
    const mid = await syncStatus(database.db, installationId, 'customers');
    // The first page committed; the second was fetched but the worker stopped before committing it.
    expect(mid).toMatchObject({ status: 'running', progress: { pages: 1, records: 250 } });
    expect((await database.db.select().from(jobs).where(eq(jobs.id, job!.id)))[0]).toMatchObject({ state: 'queued', attempts: 0 }); // it committed a page: the attempt count restarts
    clock.advance(60_000);
    await worker().drain();
    const after = fixture.requests.slice(before);
    // Page 2 is read again (it never committed); page 1 is not.
    expect(after.filter((q) => q === '?limit=250&since_id=0')).toHaveLength(1);
    expect(after).toHaveLength(7);
    expect(await liveRecords()).toEqual(expectedSet());
    const state = await syncStatus(database.db, installationId, 'customers');
    expect(state).toMatchObject({ status: 'idle', progress: { pages: 6, records: 1497, deleted: 0 } });
  });
});
