/** OAuth client registrations per provider and the one-time authorization states of flows in progress. */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { installations } from './installations.js';

/** The platform's client registration at each provider; the secret is vault ciphertext. */
export const oauthApps = pgTable('oauth_apps', {
  provider: text('provider').primaryKey(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret'),
  keyId: text('key_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A started authorization: one-time, bound to the browser that started it, short-lived. */
export const oauthStates = pgTable(
  'oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    browserHash: text('browser_hash').notNull(),
    installationId: uuid('installation_id').notNull().references(() => installations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    requestedScopes: text('requested_scopes').array().notNull().default([]),
    params: jsonb('params').notNull().default({}),
    returnTo: text('return_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
);
