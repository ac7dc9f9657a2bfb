/**
 * Per-trigger state the connector runtime keeps: whether a polling trigger has
 * taken its baseline (the first poll fires nothing), and the REST-hook
 * subscription a webhook trigger's `subscribe` returned, kept for `unsubscribe`.
 */
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { installations } from './installations.js';

export const triggerStates = pgTable(
  'trigger_states',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    triggerName: text('trigger_name').notNull(),
    /** Set by the first poll, which records what exists and fires nothing. */
    baselineAt: timestamp('baseline_at', { withTimezone: true }),
    lastPollAt: timestamp('last_poll_at', { withTimezone: true }),
    /** Passed to `poll(ctx, { state })`; the plugin's own progress marker, if any. */
    state: jsonb('state').notNull().default({}),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ name: 'trigger_states_pk', columns: [t.installationId, t.triggerName] })],
);

export const triggerSubscriptions = pgTable(
  'trigger_subscriptions',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    triggerName: text('trigger_name').notNull(),
    webhookUrl: text('webhook_url').notNull(),
    /** What the plugin's `subscribe` returned; handed back to `unsubscribe`. */
    subscription: jsonb('subscription').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'trigger_subscriptions_pk', columns: [t.installationId, t.triggerName] })],
);
