/**
 * kill -9 of the worker process in the middle of a 5,000-record sync: a second
 * worker process takes the job over once the dead one's lease expires, resumes
 * from the last committed cursor (no committed page is fetched again; at most
 * the in-flight one is), and the sync ends with exactly the upstream's records.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../core/src/db/test-database.js';
import { requestSync, syncStatus } from '../../core/src/runtime/syncs/sync-runner.js';
import { startShopifyFixture, type ShopifyFixture } from '../../core/src/runtime/testing/shopify-fixture.js';
import { expectedRecords, installShopifySync, storedRecords, waitFor } from './support/fault-harness.js';

const CHILD = path.join(import.meta.dirname, 'support/sync-worker-child.mjs');

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-node-snapshot', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve(child));
    child.once('exit', (code) => reject(new Error(`sync worker exited early (${code})`)));
  });
}

let database: TestDatabase;
let fixture: ShopifyFixture;
const children: ChildProcess[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startShopifyFixture({ total: 5000, delayMs: 40 });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fixture?.close();
  await database?.destroy();
});

describe('kill -9 of a worker mid-sync', () => {
  it('resumes from the last committed page in another process and ends with the exact record set', async () => {
    const installationId = await installShopifySync(database.db);
    const env = { DATABASE_URL: database.url!, FIXTURE_PORT: String(fixture.port) };
    const first = await startWorker({ ...env, WORKER_ID: 'first' });
    children.push(first);
    await requestSync(database.db, { installationId, syncName: 'customers', now: new Date() });
    await waitFor(async () => ((await syncStatus(database.db, installationId, 'customers'))?.progress as { pages?: number } | null)?.pages! >= 6, 60_000, 'six committed pages');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await syncStatus(database.db, installationId, 'customers');
    expect(atKill!.status).toBe('running');
    const committed = (atKill!.progress as { pages: number }).pages;
    expect(committed).toBeLessThan(20);

    const second = await startWorker({ ...env, WORKER_ID: 'second' });
    children.push(second);
    await waitFor(async () => (await syncStatus(database.db, installationId, 'customers'))?.status === 'idle', 90_000, 'the sync to finish');
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));

    const final = await syncStatus(database.db, installationId, 'customers');
    expect(final).toMatchObject({ status: 'idle', currentRunId: null, cursor: { sinceId: 5000 }, progress: { pages: 20, records: 5000 } });
    expect(await storedRecords(database.db, installationId)).toEqual(expectedRecords(fixture));
    // Every page was read once, except at most the one in flight when the worker died.
    const repeats = fixture.requests.length - new Set(fixture.requests).size;
    expect(repeats).toBeLessThanOrEqual(1);
    expect(new Set(fixture.requests).size).toBe(20);
  }, 180_000);
});
