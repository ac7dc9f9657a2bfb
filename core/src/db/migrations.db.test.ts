import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrationLevel, openDatabase, rowsOf, type Db } from './database.js';
import { createPostgresDatabase, testDatabaseKind } from './test-database.js';

/** A copy of the real migrations plus one that fails half-way through. */
function brokenMigrationsFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nudge-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  const tag = `${String(journal.entries.length).padStart(4, '0')}_broken`;
  journal.entries.push({ ...last, idx: journal.entries.length, when: last.when + 1000, tag });
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  fs.writeFileSync(
    path.join(dir, `${tag}.sql`),
    'CREATE TABLE "half_done" ("id" integer);\n--> statement-breakpoint\nINSERT INTO "users" ("email") VALUES (NULL);\n',
  );
  return dir;
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function fresh(migrationsFolder?: string) {
  if (testDatabaseKind() === 'pglite') {
    const database = await openDatabase(migrationsFolder ? { migrationsFolder } : {});
    cleanups.push(() => database.close());
    return database;
  }
  const created = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: created.url, ...(migrationsFolder ? { migrationsFolder } : {}) });
  cleanups.push(async () => {
    await database.close();
    await created.drop();
  });
  return { database, url: created.url };
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const result = await db.execute(sql`select to_regclass(${name})::text as t`);
  return rowsOf<{ t: string | null }>(result)[0]?.t != null;
}

describe(`transactional migrations on ${testDatabaseKind()}`, () => {
  it('a failing migration leaves the database on the previous level', async () => {
    const broken = brokenMigrationsFolder();
    const opened = await fresh();
    const database = 'database' in opened ? opened.database : opened;
    await database.migrate();
    const before = await migrationLevel(database.db);

    const again =
      'url' in opened ? await openDatabase({ databaseUrl: opened.url, migrationsFolder: broken }) : { ...database, migrate: undefined };
    if ('url' in opened) {
      cleanups.push(() => again.close());
      await expect(again.migrate!()).rejects.toThrow();
    } else {
      // PGlite is one in-process instance: rebind the migrator to the broken folder.
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await expect(migrate(database.db as never, { migrationsFolder: broken })).rejects.toThrow();
    }
    expect(await migrationLevel(database.db)).toEqual(before);
    expect(await tableExists(database.db, 'half_done')).toBe(false);
  });

  it('from empty, a failing batch applies nothing', async () => {
    const opened = await fresh(brokenMigrationsFolder());
    const database = 'database' in opened ? opened.database : opened;
    await expect(database.migrate()).rejects.toThrow();
    expect(await tableExists(database.db, 'users')).toBe(false);
    expect(await tableExists(database.db, 'half_done')).toBe(false);
  });
});
