/** Durable jobs, runs and their logs, automations, synced records and webhooks. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './identity.js';
import { installations } from './installations.js';
import { pluginVersions } from './registry.js';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export const RUN_KINDS = ['action', 'trigger', 'sync', 'automation', 'webhook', 'auth_test', 'certification'] as const;

export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    idempotencyKey: text('idempotency_key'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_uq').on(t.idempotencyKey),
    index('jobs_claim_idx').on(t.state, t.runAt),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.state} = 'running'`),
  ],
);

export const automations = pgTable(
  'automations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    triggerInstallationId: uuid('trigger_installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    triggerName: text('trigger_name').notNull(),
    actionInstallationId: uuid('action_installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    actionName: text('action_name').notNull(),
    mapping: jsonb('mapping').notNull().default({}),
    filters: jsonb('filters').notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    autoReplay: boolean('auto_replay').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('automations_workspace_idx').on(t.workspaceId), index('automations_trigger_idx').on(t.triggerInstallationId, t.triggerName)],
);

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    installationId: uuid('installation_id').references(() => installations.id, { onDelete: 'set null' }),
    versionId: uuid('version_id').references(() => pluginVersions.id),
    automationId: uuid('automation_id').references(() => automations.id, { onDelete: 'set null' }),
    replayOf: uuid('replay_of'),
    kind: text('kind', { enum: RUN_KINDS }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('running'),
    attempt: integer('attempt').notNull().default(1),
    input: jsonb('input'),
    output: jsonb('output'),
    steps: jsonb('steps').notNull().default([]),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    progress: jsonb('progress'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('runs_workspace_started_idx').on(t.workspaceId, t.startedAt),
    index('runs_installation_idx').on(t.installationId),
    index('runs_automation_idx').on(t.automationId),
  ],
);

export const runLogs = pgTable(
  'run_logs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id').notNull().references(() => runs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    level: text('level', { enum: ['debug', 'info', 'warn', 'error'] }).notNull(),
    message: text('message').notNull(),
    data: jsonb('data'),
  },
  (t) => [index('run_logs_run_idx').on(t.runId, t.id)],
);

/** Records a sync has brought in, upserted on (installation, model, external id). */
export const syncedRecords = pgTable(
  'synced_records',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    externalId: text('external_id').notNull(),
    data: jsonb('data').notNull(),
    hash: text('hash').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSyncRunId: uuid('last_sync_run_id'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'synced_records_pk', columns: [t.installationId, t.model, t.externalId] })],
);

/** Cursor and progress of each sync, persisted only after a batch commits. */
export const syncStates = pgTable(
  'sync_states',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    syncName: text('sync_name').notNull(),
    cursor: jsonb('cursor'),
    status: text('status', { enum: ['idle', 'running', 'failed'] }).notNull().default('idle'),
    currentRunId: uuid('current_run_id'),
    recordsSynced: integer('records_synced').notNull().default(0),
    /** Pages, records and deletions of the running (or last) run, visible while it runs. */
    progress: jsonb('progress'),
    /** Full runs (from an empty cursor) mark records they did not see as deleted. */
    detectDeletions: boolean('detect_deletions').notNull().default(false),
    /** Seconds between scheduled runs; null means runs only start by hand. */
    intervalSeconds: integer('interval_seconds'),
    lastError: text('last_error'),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'sync_states_pk', columns: [t.installationId, t.syncName] })],
);

/** Keys a polling trigger has already seen, bounded per trigger. */
export const triggerSeenKeys = pgTable(
  'trigger_seen_keys',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    triggerName: text('trigger_name').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'trigger_seen_keys_pk', columns: [t.installationId, t.triggerName, t.dedupeKey] })],
);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    keyId: text('key_id').notNull(),
    events: text('events').array().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_workspace_idx').on(t.workspaceId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    /** The event's id (webhook-id): one delivery per endpoint and event. */
    eventId: text('event_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'abandoned'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt), uniqueIndex('webhook_deliveries_event_uq').on(t.endpointId, t.eventId)],
);

/** Inbound webhook message ids, so a replayed delivery is refused. */
export const inboundWebhooks = pgTable(
  'inbound_webhooks',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'inbound_webhooks_pk', columns: [t.installationId, t.messageId] })],
);
