/**
 * Test helper: gives each test file its own database. On PGlite that is a fresh
 * in-memory instance; on PostgreSQL a database created for the file and dropped
 * afterwards. Which one comes from NUDGE_TEST_DB, set per vitest project.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from './database.js';

export interface TestDatabase extends Database {
  /** The connection URL on PostgreSQL, undefined on PGlite. */
  url: string | undefined;
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.NUDGE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Creates an empty PostgreSQL database and returns its URL and a drop function. */
export async function createPostgresDatabase(prefix = 'nudge_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/** Opens a fresh, migrated database of the kind this vitest project targets. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testDatabaseKind() === 'pglite') {
    const database = await openDatabase({});
    if (migrate) await database.migrate();
    return { ...database, url: undefined, destroy: () => database.close() };
  }
  const created = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: created.url });
  if (migrate) await database.migrate();
  return {
    ...database,
    url: created.url,
    destroy: async () => {
      await database.close();
      await created.drop();
    },
  };
}
