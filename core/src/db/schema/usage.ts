/** Usage events (idempotent on their id) and their hourly and daily rollups. */
import { bigint, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ROLLUP_BUCKETS = ['hour', 'day'] as const;
export const ROLLUP_DIMENSIONS = ['installation', 'plugin', 'version', 'publisher', 'workspace', 'platform'] as const;

export const usageEvents = pgTable(
  'usage_events',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    workspaceId: uuid('workspace_id'),
    installationId: uuid('installation_id'),
    pluginId: text('plugin_id'),
    versionId: uuid('version_id'),
    publisherId: uuid('publisher_id'),
    quantity: bigint('quantity', { mode: 'number' }).notNull().default(1),
    valueCents: bigint('value_cents', { mode: 'number' }),
    durationMs: doublePrecision('duration_ms'),
    outcome: text('outcome'),
    data: jsonb('data'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_events_occurred_idx').on(t.occurredAt), index('usage_events_plugin_idx').on(t.pluginId, t.occurredAt)],
);

export const usageRollups = pgTable(
  'usage_rollups',
  {
    bucket: text('bucket', { enum: ROLLUP_BUCKETS }).notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    dimension: text('dimension', { enum: ROLLUP_DIMENSIONS }).notNull(),
    dimensionId: text('dimension_id').notNull(),
    metric: text('metric').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    sum: doublePrecision('sum').notNull().default(0),
    valueCents: bigint('value_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'usage_rollups_pk', columns: [t.bucket, t.bucketStart, t.dimension, t.dimensionId, t.metric] }),
    index('usage_rollups_dimension_idx').on(t.dimension, t.dimensionId, t.bucket, t.bucketStart),
  ],
);
