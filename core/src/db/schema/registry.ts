/** Plugins, their versions, stored bundles and certification. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { publishers, users } from './identity.js';

export const PLUGIN_KINDS = ['native', 'api', 'connector'] as const;
export const VERSION_STATES = ['draft', 'submitted', 'in_review', 'certified', 'rejected', 'deprecated', 'retired'] as const;
export const TRUST_LEVELS = ['community', 'verified_publisher', 'certified'] as const;
export const CERTIFICATION_GATES = ['manifest', 'sandbox_load', 'plugin_tests', 'security_review', 'performance', 'reliability', 'human_review'] as const;
export const CHECK_STATUSES = ['pending', 'running', 'passed', 'failed', 'skipped'] as const;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const plugins = pgTable(
  'plugins',
  {
    /** The plugin id is its folder name and its manifest id: stable forever. */
    id: text('id').primaryKey(),
    publisherId: uuid('publisher_id').notNull().references(() => publishers.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: PLUGIN_KINDS }).notNull(),
    categories: text('categories').array().notNull().default([]),
    icon: text('icon'),
    authType: text('auth_type').notNull().default('none'),
    installCount: integer('install_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plugins_publisher_idx').on(t.publisherId), index('plugins_kind_idx').on(t.kind)],
);

/** Content-addressed, immutable bundle bytes keyed by their sha256 digest. */
export const bundles = pgTable('bundles', {
  digest: text('digest').primaryKey(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pluginVersions = pgTable(
  'plugin_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pluginId: text('plugin_id').notNull().references(() => plugins.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    major: integer('major').notNull(),
    minor: integer('minor').notNull(),
    patch: integer('patch').notNull(),
    prerelease: text('prerelease'),
    state: text('state', { enum: VERSION_STATES }).notNull().default('draft'),
    trustLevel: text('trust_level', { enum: TRUST_LEVELS }).notNull().default('community'),
    manifest: jsonb('manifest').notNull(),
    bundleDigest: text('bundle_digest').notNull().references(() => bundles.digest),
    signature: text('signature').notNull(),
    signingKeyId: text('signing_key_id').notNull(),
    changelog: text('changelog').notNull(),
    compatibility: jsonb('compatibility'),
    requiresReconsent: boolean('requires_reconsent').notNull().default(false),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    certifiedAt: timestamp('certified_at', { withTimezone: true }),
    deprecatedAt: timestamp('deprecated_at', { withTimezone: true }),
    deprecationMessage: text('deprecation_message'),
    sunsetAt: timestamp('sunset_at', { withTimezone: true }),
    securityCritical: boolean('security_critical').notNull().default(false),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('plugin_versions_plugin_version_uq').on(t.pluginId, t.version),
    index('plugin_versions_plugin_major_idx').on(t.pluginId, t.major),
    index('plugin_versions_state_idx').on(t.state),
    index('plugin_versions_sunset_idx').on(t.sunsetAt).where(sql`${t.sunsetAt} is not null`),
  ],
);

export const certificationRuns = pgTable(
  'certification_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id').notNull().references(() => pluginVersions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'awaiting_review', 'certified', 'rejected', 'failed'] }).notNull().default('running'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    decisionNotes: text('decision_notes'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('certification_runs_version_idx').on(t.versionId)],
);

export const certificationChecks = pgTable(
  'certification_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').notNull().references(() => certificationRuns.id, { onDelete: 'cascade' }),
    gate: text('gate', { enum: CERTIFICATION_GATES }).notNull(),
    status: text('status', { enum: CHECK_STATUSES }).notNull().default('pending'),
    result: jsonb('result'),
    logs: text('logs').notNull().default(''),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('certification_checks_run_gate_uq').on(t.runId, t.gate)],
);

export const pluginReviews = pgTable(
  'plugin_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pluginId: text('plugin_id').notNull().references(() => plugins.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plugin_reviews_plugin_user_uq').on(t.pluginId, t.userId)],
);
