/**
 * Writes one batch of synced records: a single multi-row upsert on
 * (installation, model, external id), keyed by a hash of the record so an
 * unchanged record keeps its `updated_at`. Every record seen is stamped with
 * the run, which is what deletion detection compares against.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { syncedRecords } from '../../db/schema/runtime.js';

/** JSON with object keys sorted, so equal records hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function recordHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('base64url');
}

export interface UpsertBatch {
  installationId: string;
  model: string;
  runId: string;
  records: ReadonlyArray<{ externalId: string; data: unknown }>;
  now: Date;
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

export async function upsertRecords(db: DbOrTx, batch: UpsertBatch): Promise<void> {
  // The last occurrence of an id within a batch wins; ON CONFLICT cannot touch a row twice per statement.
  const unique = new Map<string, unknown>();
  for (const r of batch.records) unique.set(r.externalId, r.data);
  const rows = [...unique].map(([externalId, data]) => ({
    installationId: batch.installationId,
    model: batch.model,
    externalId,
    data,
    hash: recordHash(data),
    firstSeenAt: batch.now,
    updatedAt: batch.now,
    lastSyncRunId: batch.runId,
    deletedAt: null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(syncedRecords)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [syncedRecords.installationId, syncedRecords.model, syncedRecords.externalId],
        set: {
          data: sql`excluded.data`,
          hash: sql`excluded.hash`,
          updatedAt: sql`case when ${syncedRecords.hash} <> excluded.hash or ${syncedRecords.deletedAt} is not null then excluded.updated_at else ${syncedRecords.updatedAt} end`,
          lastSyncRunId: sql`excluded.last_sync_run_id`,
          deletedAt: sql`null`,
        },
      });
  }
}

/** Marks the model's live records that run `runId` did not see as deleted; returns how many. */
export async function markUnseenDeleted(db: DbOrTx, input: { installationId: string; model: string; runId: string; now: Date }): Promise<number> {
  const rows = await db
    .update(syncedRecords)
    .set({ deletedAt: input.now, updatedAt: input.now })
    .where(
      and(
        eq(syncedRecords.installationId, input.installationId),
        eq(syncedRecords.model, input.model),
        isNull(syncedRecords.deletedAt),
        or(isNull(syncedRecords.lastSyncRunId), ne(syncedRecords.lastSyncRunId, input.runId)),
      ),
    )
    .returning({ id: syncedRecords.externalId });
  return rows.length;
}
