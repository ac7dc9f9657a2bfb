/**
 * Two worker processes share one PostgreSQL database and drain 300 jobs; one
 * of them is killed with SIGKILL halfway. Every job still succeeds, the
 * survivor resumes the dead worker's leased jobs once their leases expire, and
 * no job ever runs in two places at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/src/db/database.js';
import { jobs } from '../../core/src/db/schema/runtime.js';
import { createTestDatabase, type TestDatabase } from '../../core/src/db/test-database.js';
import { enqueueJob } from '../../core/src/runtime/jobs/job-queue.js';

const CHILD = path.join(import.meta.dirname, 'support/job-worker-child.mjs');
const JOBS = 300;

function startWorker(url: string, id: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD], { env: { ...process.env, DATABASE_URL: url, WORKER_ID: id, LEASE_MS: '1500' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => line === 'ready' && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker ${id} exited early (${code})`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let database: TestDatabase;
const children: ChildProcess[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await database?.destroy();
});

// Two processes need a database server; the embedded one lives in a single process.
describe('two worker processes on one PostgreSQL', () => {
  it('lose no job and never run one twice at once, even when one is killed -9', async () => {
    await database.db.execute(sql`create table job_probe (id serial primary key, job_id bigint not null, worker text not null, attempt int not null, started_at timestamptz not null, finished_at timestamptz)`);
    for (let n = 0; n < JOBS; n++) await enqueueJob(database.db, { kind: 'probe.work', payload: { n, ms: 5 + (n % 4) * 10 } });

    const a = await startWorker(database.url!, 'A');
    const b = await startWorker(database.url!, 'B');
    children.push(a, b);
    const succeeded = async () => Number(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from jobs where state = 'succeeded'`))[0]!.n);
    await waitFor(async () => (await succeeded()) >= JOBS / 3, 30_000, 'a third of the jobs');
    // Kill A while it holds leases (its in-flight jobs must be resumed by B).
    a.kill('SIGKILL');
    await new Promise((r) => a.once('exit', r));
    const killedAt = Date.now();
    await waitFor(async () => (await succeeded()) === JOBS, 60_000, 'every job to succeed');
    b.kill('SIGTERM');
    await new Promise((r) => b.once('exit', r));

    const states = await database.db.select({ state: jobs.state, lockedBy: jobs.lockedBy }).from(jobs);
    expect(states).toHaveLength(JOBS);
    expect(states.every((s) => s.state === 'succeeded' && s.lockedBy === null)).toBe(true);

    const probes = rowsOf<{ job_id: string; worker: string; started_at: Date | string; finished_at: Date | string | null }>(
      await database.db.execute(sql`select job_id, worker, started_at, finished_at from job_probe order by job_id, started_at`),
    );
    const byJob = new Map<string, typeof probes>();
    for (const p of probes) byJob.set(String(p.job_id), [...(byJob.get(String(p.job_id)) ?? []), p]);
    expect(byJob.size).toBe(JOBS);
    const workers = new Set(probes.map((p) => p.worker));
    expect(workers).toEqual(new Set(['A', 'B']));
    let resumed = 0;
    for (const [jobId, runs] of byJob) {
      // Each job finished exactly once by a live worker, or once more after A died mid-job.
      expect(runs.filter((r) => r.finished_at !== null && r.worker === 'B').length, `job ${jobId}`).toBeLessThanOrEqual(1);
      for (let i = 1; i < runs.length; i++) {
        const previous = runs[i - 1]!;
        const end = previous.finished_at ? new Date(previous.finished_at).getTime() : killedAt;
        expect(new Date(runs[i]!.started_at).getTime(), `job ${jobId} overlapped`).toBeGreaterThanOrEqual(end - 5);
        if (!previous.finished_at) {
          expect(previous.worker).toBe('A');
          resumed += 1;
        }
      }
      expect(runs.at(-1)!.finished_at, `job ${jobId} never finished`).not.toBeNull();
    }
    // A held leases when it died (concurrency 4 with jobs in flight), and B took them over.
    expect(resumed).toBeGreaterThan(0);
    const [one] = await database.db.select().from(jobs).where(eq(jobs.kind, 'probe.work')).limit(1);
    expect(one?.finishedAt).not.toBeNull();
  }, 120_000);
});
