// A connector-runtime worker in its own OS process (compiled core): a sandbox
// supervisor pointed at the loopback fixture, and a JobWorker running sync
// jobs against DATABASE_URL. Prints "ready" once it is claiming. The fault test
// kills it with SIGKILL mid-sync.
import { openDatabase } from '../../../core/dist/db/database.js';
import { createLogger } from '../../../core/dist/observability/logger.js';
import { JobWorker } from '../../../core/dist/runtime/jobs/job-worker.js';
import { syncJobHandler } from '../../../core/dist/runtime/syncs/sync-runner.js';
import { shopifyOverride } from '../../../core/dist/runtime/testing/shopify-fixture.js';
import { SandboxSupervisor } from '../../../core/dist/sandbox/sandbox-supervisor.js';

const { DATABASE_URL, WORKER_ID, FIXTURE_PORT } = process.env;
const database = await openDatabase({ databaseUrl: DATABASE_URL });
await database.ping(5000);
const sandbox = await SandboxSupervisor.start({ workers: 1, db: database.db, egress: { hostOverrides: shopifyOverride(Number(FIXTURE_PORT)) } });
const deps = { db: database.db, sandbox, clock: { now: () => new Date() }, logger: createLogger('silent'), publicUrl: 'http://127.0.0.1' };
const worker = new JobWorker({ db: database.db, workerId: WORKER_ID, leaseMs: 1500, pollMs: 50, handlers: [syncJobHandler(deps)] });
worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await worker.stop();
  await sandbox.stop();
  await database.close();
  process.exit(0);
});
