/** People, tenants and the credentials they authenticate with. */
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const PLATFORM_ROLES = ['reviewer', 'admin'] as const;
export const WORKSPACE_ROLES = ['member', 'admin'] as const;
export const PUBLISHER_ROLES = ['developer', 'owner'] as const;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    platformRole: text('platform_role', { enum: PLATFORM_ROLES }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    plan: text('plan').notNull().default('starter'),
    autoUpdateMinor: boolean('auto_update_minor').notNull().default(true),
    showCommunityPlugins: boolean('show_community_plugins').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workspaces_slug_uq').on(t.slug)],
);

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: WORKSPACE_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'workspace_members_pk', columns: [t.workspaceId, t.userId] }), index('workspace_members_user_idx').on(t.userId)],
);

export const publishers = pgTable(
  'publishers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    verified: boolean('verified').notNull().default(false),
    website: text('website'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('publishers_slug_uq').on(t.slug)],
);

export const publisherMembers = pgTable(
  'publisher_members',
  {
    publisherId: uuid('publisher_id').notNull().references(() => publishers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PUBLISHER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'publisher_members_pk', columns: [t.publisherId, t.userId] }), index('publisher_members_user_idx').on(t.userId)],
);

/** ed25519 public keys a publisher signs bundles with. Private keys never reach the hub. */
export const publisherKeys = pgTable(
  'publisher_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publisherId: uuid('publisher_id').notNull().references(() => publishers.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull(),
    algorithm: text('algorithm', { enum: ['ed25519'] }).notNull().default('ed25519'),
    publicKey: text('public_key').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('publisher_keys_key_id_uq').on(t.keyId), index('publisher_keys_publisher_idx').on(t.publisherId)],
);

/** API tokens: only a SHA-256 hash is stored; the token is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().notNull().default([]),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/** Browser sessions for the UI; the cookie carries the id, the row its hash. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
