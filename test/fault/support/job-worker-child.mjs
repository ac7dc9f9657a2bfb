// A queue worker in its own OS process, for the fault tests: runs the compiled
// core's JobWorker against DATABASE_URL with a handler that records when each
// job's work starts and ends (table job_probe), so the test can prove no job
// ran twice at once. Prints "ready" once it is claiming.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../core/dist/db/database.js';
import { JobWorker } from '../../../core/dist/runtime/jobs/job-worker.js';

const { DATABASE_URL, WORKER_ID, LEASE_MS = '1500' } = process.env;
const database = await openDatabase({ databaseUrl: DATABASE_URL });
await database.ping(5000);

const worker = new JobWorker({
  db: database.db,
  workerId: WORKER_ID,
  concurrency: 4,
  leaseMs: Number(LEASE_MS),
  pollMs: 20,
  handlers: [
    {
      kind: 'probe.work',
      run: async (job) => {
        const inserted = await database.db.execute(
          sql`insert into job_probe (job_id, worker, attempt, started_at) values (${job.id}, ${WORKER_ID}, ${job.attempts}, clock_timestamp()) returning id`,
        );
        const probeId = (Array.isArray(inserted) ? inserted : inserted.rows)[0].id;
        await new Promise((r) => setTimeout(r, job.payload.ms));
        await database.db.execute(sql`update job_probe set finished_at = clock_timestamp() where id = ${probeId}`);
      },
    },
  ],
});
worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await worker.stop();
  await database.close();
  process.exit(0);
});
