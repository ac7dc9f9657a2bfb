/**
 * Batched, idempotent ingestion of usage events: each event is validated
 * against schemas/usage-event.schema.json, stored once (its id is the primary
 * key), and only newly stored events are added to the hourly and daily
 * rollups — by installation, plugin, version, publisher, workspace and the
 * platform as a whole — in the same transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { describeAjvErrors } from '@nudgecampaign/plugin-sdk/manifest/describe-errors';
import type { UsageEvent } from '../contracts/usage-event.generated.js';
import type { Db } from '../db/database.js';
import { usageEvents, usageRollups } from '../db/schema/usage.js';
import { ValidationError } from '../errors.js';

export type { UsageEvent };

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../schemas/usage-event.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile<UsageEvent>(SCHEMA);

const CHUNK = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

type RollupRow = typeof usageRollups.$inferInsert;

/** Throws a ValidationError naming each bad event by index and JSON path; returns the events typed. */
export function validateUsageEvents(events: unknown[]): UsageEvent[] {
  const problems: Array<{ index: number; path: string; message: string }> = [];
  events.forEach((event, index) => {
    if (!validate(event)) for (const p of describeAjvErrors(validate.errors ?? [], SCHEMA)) problems.push({ index, path: p.path, message: p.message });
  });
  if (problems.length) {
    throw new ValidationError(`${problems.length} usage event problem(s): ${problems.slice(0, 5).map((p) => `#${p.index} ${p.message}`).join(' ')}`, { problems });
  }
  return events as UsageEvent[];
}

/** The rollup rows (before summing) one event contributes to. */
export function rollupRowsFor(event: UsageEvent): RollupRow[] {
  const at = new Date(event.occurredAt).getTime();
  const dimensions: Array<[RollupRow['dimension'], string | undefined]> = [
    ['installation', event.installationId],
    ['plugin', event.pluginId],
    ['version', event.versionId],
    ['publisher', event.publisherId],
    ['workspace', event.workspaceId],
    ['platform', 'all'],
  ];
  const rows: RollupRow[] = [];
  for (const [bucket, size] of [['hour', HOUR], ['day', DAY]] as const) {
    const bucketStart = new Date(Math.floor(at / size) * size);
    for (const [dimension, dimensionId] of dimensions) {
      if (!dimensionId) continue;
      const base = { bucket, bucketStart, dimension, dimensionId, count: event.quantity ?? 1, sum: event.durationMs ?? 0, valueCents: event.valueCents ?? 0 };
      rows.push({ ...base, metric: event.type });
      // Failed invocations and runs also count under `<type>:error`, so error rates are one lookup.
      if (event.outcome && event.outcome !== 'ok') rows.push({ ...base, metric: `${event.type}:error` });
    }
  }
  return rows;
}

function sumRollups(events: UsageEvent[]): RollupRow[] {
  const byKey = new Map<string, RollupRow>();
  for (const event of events) {
    for (const row of rollupRowsFor(event)) {
      const key = `${row.bucket}|${(row.bucketStart as Date).getTime()}|${row.dimension}|${row.dimensionId}|${row.metric}`;
      const existing = byKey.get(key);
      if (existing) {
        existing.count = (existing.count ?? 0) + (row.count ?? 0);
        existing.sum = (existing.sum ?? 0) + (row.sum ?? 0);
        existing.valueCents = (existing.valueCents ?? 0) + (row.valueCents ?? 0);
      } else byKey.set(key, { ...row });
    }
  }
  return [...byKey.values()];
}

/** Stores the events once each and rolls up the new ones. Returns how many were new. */
export async function ingestUsage(db: Db, raw: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const valid = validateUsageEvents(raw);
  // The same id twice in one batch counts once, like a retry across batches.
  const events = [...new Map(valid.map((e) => [e.id, e])).values()];
  let accepted = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    accepted += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(usageEvents)
        .values(
          chunk.map((e) => ({
            id: e.id,
            type: e.type,
            occurredAt: new Date(e.occurredAt),
            workspaceId: e.workspaceId ?? null,
            installationId: e.installationId ?? null,
            pluginId: e.pluginId ?? null,
            versionId: e.versionId ?? null,
            publisherId: e.publisherId ?? null,
            quantity: e.quantity ?? 1,
            valueCents: e.valueCents ?? null,
            durationMs: e.durationMs ?? null,
            outcome: e.outcome ?? null,
            data: e.data ?? null,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: usageEvents.id });
      const fresh = new Set(inserted.map((r) => r.id));
      const rows = sumRollups(chunk.filter((e) => fresh.has(e.id)));
      for (let j = 0; j < rows.length; j += CHUNK) {
        await tx
          .insert(usageRollups)
          .values(rows.slice(j, j + CHUNK))
          .onConflictDoUpdate({
            target: [usageRollups.bucket, usageRollups.bucketStart, usageRollups.dimension, usageRollups.dimensionId, usageRollups.metric],
            set: {
              count: sql`${usageRollups.count} + excluded.count`,
              sum: sql`${usageRollups.sum} + excluded.sum`,
              valueCents: sql`${usageRollups.valueCents} + excluded.value_cents`,
            },
          });
      }
      return fresh.size;
    });
  }
  return { accepted, duplicates: valid.length - accepted };
}
