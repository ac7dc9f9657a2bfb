/**
 * bench:usage — batched usage ingestion (validation + idempotent insert +
 * hourly/daily rollups by six dimensions) on PostgreSQL, against a baseline
 * measured in the same run: a plain multi-row insert of the same events with
 * no validation and no rollups. `--json` prints one object. Bounded: a fixed
 * event count, in batches.
 */
import { randomUUID } from 'node:crypto';
import { createPostgresDatabase } from '../../core/src/db/test-database.js';
import { openDatabase } from '../../core/src/db/database.js';
import { usageEvents } from '../../core/src/db/schema/usage.js';
import { ingestUsage, type UsageEvent } from '../../core/src/usage/usage-ingest.js';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = 5_000;
const json = process.argv.includes('--json');

function makeEvents(n: number): UsageEvent[] {
  const workspaces = Array.from({ length: 50 }, () => randomUUID());
  const installs = Array.from({ length: 500 }, () => randomUUID());
  const versions = Array.from({ length: 20 }, () => randomUUID());
  const start = Date.now() - 6 * 3_600_000;
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    type: i % 10 === 0 ? 'records_synced' : 'invocation',
    occurredAt: new Date(start + (i % 21_600) * 1000).toISOString(),
    workspaceId: workspaces[i % 50]!,
    installationId: installs[i % 500]!,
    pluginId: `plugin-${i % 20}`,
    versionId: versions[i % 20]!,
    durationMs: (i % 97) / 10,
    outcome: i % 250 === 0 ? 'Timeout' : 'ok',
  }));
}

async function timed(label: string, run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  if (!json) process.stdout.write(`${label.padEnd(34)} ${ms.toFixed(0)} ms\n`);
  return ms;
}

async function main(): Promise<void> {
  const created = await createPostgresDatabase('nudge_bench');
  const database = await openDatabase({ databaseUrl: created.url });
  try {
    await database.migrate();
    const events = makeEvents(TOTAL);
    const baseline = makeEvents(TOTAL);
    const baselineMs = await timed(`baseline raw insert (${TOTAL})`, async () => {
      for (let i = 0; i < baseline.length; i += 1000) {
        await database.db.insert(usageEvents).values(baseline.slice(i, i + 1000).map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })));
      }
    });
    const ingestMs = await timed(`ingestUsage (${TOTAL}, batches of ${BATCH})`, async () => {
      for (let i = 0; i < events.length; i += BATCH) await ingestUsage(database.db, events.slice(i, i + BATCH));
    });
    const replayMs = await timed('re-ingest the same events (no-op)', async () => {
      for (let i = 0; i < events.length; i += BATCH) await ingestUsage(database.db, events.slice(i, i + BATCH));
    });
    const result = {
      events: TOTAL,
      events_per_s: Math.round(TOTAL / (ingestMs / 1000)),
      baseline_raw_insert_per_s: Math.round(TOTAL / (baselineMs / 1000)),
      ratio_vs_raw_insert: Number((ingestMs / baselineMs).toFixed(2)),
      replay_events_per_s: Math.round(TOTAL / (replayMs / 1000)),
    };
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await database.close();
    await created.drop();
  }
}

void main();
