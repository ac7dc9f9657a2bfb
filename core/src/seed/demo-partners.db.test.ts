import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payoutStatements } from '../db/schema/partners-program.js';
import { dealRegistrations, partnerOrgs } from '../db/schema/partners.js';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { seedDemoPartners } from './demo-partners.js';
import { seedDemo } from './demo-seed.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => database?.destroy());

describe('seedDemoPartners', () => {
  it('seeds an agency with a referral, a deal and last month’s statement ($250 × 2 + $500 bounty), once', async () => {
    const now = new Date('2027-03-15T12:00:00Z');
    expect(await seedDemoPartners(database.db, now)).toBe(true);
    expect(await seedDemoPartners(database.db, now)).toBe(false);
    const [partner] = await database.db.select().from(partnerOrgs);
    expect(partner).toMatchObject({ name: 'Northwind Digital', agencyTier: 'certified' });
    const [statement] = await database.db.select().from(payoutStatements).where(eq(payoutStatements.partnerId, partner!.id));
    expect(statement).toMatchObject({ period: '2027-02', commissionCents: 1_000_00, totalCents: 1_000_00 });
    expect(await database.db.select().from(dealRegistrations)).toMatchObject([{ state: 'approved', customerDomain: 'lumen-outfitters.example' }]);
  });
});
