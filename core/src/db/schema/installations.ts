/** What a workspace has installed, how it is connected, and the plugin's own key-value store. */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './identity.js';
import { pluginVersions, plugins } from './registry.js';

export const INSTALLATION_STATES = ['pending', 'active', 'disabled', 'paused', 'needs_reauth', 'uninstalled'] as const;
export const CONNECTION_STATES = ['active', 'needs_reauth', 'revoked'] as const;
export const AUTH_TYPES = ['oauth2', 'api_key', 'basic', 'none'] as const;

export const installations = pgTable(
  'installations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    pluginId: text('plugin_id').notNull().references(() => plugins.id),
    pinnedMajor: integer('pinned_major').notNull(),
    versionId: uuid('version_id').notNull().references(() => pluginVersions.id),
    previousVersionId: uuid('previous_version_id').references(() => pluginVersions.id),
    state: text('state', { enum: INSTALLATION_STATES }).notNull().default('pending'),
    stateReason: text('state_reason'),
    autoUpdate: boolean('auto_update').notNull().default(true),
    settings: jsonb('settings').notNull().default({}),
    previousSettings: jsonb('previous_settings'),
    consentedScopes: text('consented_scopes').array().notNull().default([]),
    consentedHosts: text('consented_hosts').array().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('installations_workspace_idx').on(t.workspaceId),
    index('installations_plugin_idx').on(t.pluginId),
    index('installations_version_idx').on(t.versionId),
  ],
);

/** Credentials are only ever stored as AES-256-GCM ciphertext tagged with the key id. */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    authType: text('auth_type', { enum: AUTH_TYPES }).notNull(),
    state: text('state', { enum: CONNECTION_STATES }).notNull().default('active'),
    credentials: text('credentials').notNull(),
    keyId: text('key_id').notNull(),
    grantedScopes: text('granted_scopes').array().notNull().default([]),
    /** Non-secret facts about the account (shop domain, instance_url, realmId) shown to the plugin as ctx.connection. */
    metadata: jsonb('metadata').notNull().default({}),
    hasRefreshToken: boolean('has_refresh_token').notNull().default(false),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('connections_installation_uq').on(t.installationId),
    index('connections_expiry_idx').on(t.accessTokenExpiresAt),
  ],
);

/** Per-installation key-value store exposed to plugins as `ctx.store`. */
export const pluginStore = pgTable(
  'plugin_store',
  {
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    size: integer('size').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'plugin_store_pk', columns: [t.installationId, t.key] })],
);
