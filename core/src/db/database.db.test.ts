import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrationLevel, rowsOf } from './database.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './test-database.js';
import { users } from './schema/identity.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe(`database on ${testDatabaseKind()}`, () => {
  it('reports its kind and the migration level', async () => {
    expect(database.kind).toBe(testDatabaseKind());
    const level = await migrationLevel(database.db);
    expect(level.applied).toBeGreaterThan(0);
    expect(level.pending).toBe(0);
    expect(level.latest).toMatch(/^\d{4}_/);
  });

  it('migrating again is a no-op', async () => {
    const before = await migrationLevel(database.db);
    await database.migrate();
    expect(await migrationLevel(database.db)).toEqual(before);
  });

  it('enforces unique emails', async () => {
    await database.db.insert(users).values({ email: 'a@example.com', name: 'A' });
    await expect(database.db.insert(users).values({ email: 'a@example.com', name: 'B' })).rejects.toThrow();
    const result = await database.db.execute(sql`select count(*)::int as n from users where email = 'a@example.com'`);
    expect(rowsOf<{ n: number }>(result)[0]?.n).toBe(1);
  });
});
