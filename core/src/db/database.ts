/**
 * Opens the one database the platform uses: embedded PGlite persisted in
 * DATA_DIR when no DATABASE_URL is set, otherwise a postgres.js pool. Both are
 * driven through the same drizzle schema and the same migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { DatabaseUnavailableError } from '../errors.js';
import { schema } from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';
/** A database handle or an open transaction on it. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies pending migrations in one transaction, serialised across processes. */
  migrate(): Promise<void>;
  /** Throws DatabaseUnavailableError when the database does not answer within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../drizzle');

/** Advisory lock key that serialises migrations between processes sharing one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_301_915_001;

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`${what} did not answer within ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: Array<{ message?: string }> };
  // AggregateError from a dual-stack connect hides its reasons in `errors`.
  const inner = e?.errors?.[0]?.message;
  return [e?.code, inner ?? e?.message].filter(Boolean).join(': ') || String(err);
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; omitted means in-memory (tests). */
  dataDir?: string | undefined;
  migrationsFolder?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(db as never, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER }),
    ping: async (timeoutMs = 2000) => {
      await withTimeout(client.query('select 1'), timeoutMs, 'The embedded database');
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 10, connect_timeout: 5, idle_timeout: 30, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  const ping = async (timeoutMs = 2000) => {
    try {
      await withTimeout(client`select 1`.execute(), timeoutMs, 'PostgreSQL');
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) throw err;
      throw new DatabaseUnavailableError(`PostgreSQL is unreachable (${describe(err)}).`, err);
    }
  };
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // A one-connection client keeps the session advisory lock and the
      // migrator's transaction on the same backend.
      const single = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migrate(drizzle({ client: single, schema }), { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    ping,
    close: () => client.end({ timeout: 5 }),
  };
}

/** postgres.js returns rows as an array, PGlite as `{ rows }`: one accessor for both. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface MigrationLevel {
  applied: number;
  latest: string | null;
  pending: number;
}

/** Reads how many migrations are applied, compared with the journal shipped with the code. */
export async function migrationLevel(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationLevel> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  const result = await db.execute<{ n: number | string }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const applied = Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
  return {
    applied,
    latest: applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null,
    pending: Math.max(0, journal.entries.length - applied),
  };
}
