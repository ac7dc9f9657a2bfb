import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { publishers, users, workspaceMembers, workspaces } from '../db/schema/identity.js';
import { verifyPassword } from '../identity/passwords.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo-seed.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe('seedDemo', () => {
  it('seeds once and is a no-op the second time', async () => {
    expect(await seedDemo(database.db)).toBe(true);
    expect(await seedDemo(database.db)).toBe(false);
    const allUsers = await database.db.select().from(users);
    expect(allUsers.map((u) => u.email).sort()).toEqual(demoLogins().map((l) => l.email).sort());
    expect(await database.db.select().from(workspaces)).toHaveLength(1);
    expect(await database.db.select().from(workspaceMembers)).toHaveLength(1);
    expect(await database.db.select().from(publishers)).toHaveLength(2);
  });

  it('stores verifiable password hashes, never the password', async () => {
    const [user] = await database.db.select().from(users).limit(1);
    expect(user!.passwordHash).not.toContain(DEMO_PASSWORD + '$');
    expect(await verifyPassword(DEMO_PASSWORD, user!.passwordHash!)).toBe(true);
    expect(await verifyPassword('wrong', user!.passwordHash!)).toBe(false);
  });

  it('gives the reviewer and admin their platform roles', async () => {
    const rows = await database.db.select().from(users);
    const roles = Object.fromEntries(rows.map((u) => [u.email.split('@')[0], u.platformRole]));
    expect(roles).toMatchObject({ reviewer: 'reviewer', admin: 'admin', customer: null, developer: null });
  });
});
