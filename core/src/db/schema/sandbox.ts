/** Sandbox worker crashes, kept for the publisher and the reviewers of the plugin version involved. */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sandboxCrashes = pgTable(
  'sandbox_crashes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    workerId: text('worker_id').notNull(),
    pid: integer('pid'),
    exitCode: integer('exit_code'),
    signal: text('signal'),
    reason: text('reason').notNull(),
    bundleDigest: text('bundle_digest'),
    pluginId: text('plugin_id'),
    versionId: uuid('version_id'),
    inFlight: integer('in_flight').notNull().default(0),
    data: jsonb('data'),
  },
  (t) => [index('sandbox_crashes_digest_idx').on(t.bundleDigest, t.at), index('sandbox_crashes_plugin_idx').on(t.pluginId, t.at)],
);
