import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { jobs } from '../../db/schema/runtime.js';
import { partnerScorecards, payoutStatements, mdfAccruals } from '../../db/schema/partners-program.js';
import { partnerTierReviews } from '../../db/schema/partners.js';
import { insertUser } from '../../db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { JOB_KINDS } from '../../runtime/job-kinds.js';
import { enqueueJob } from '../../runtime/jobs/job-queue.js';
import { JobWorker } from '../../runtime/jobs/job-worker.js';
import { createPartner } from '../partner-orgs.js';
import { SEED_PARTNER_SETTINGS, writePartnerSettings } from '../settings/partner-settings.js';
import { closePartnerPeriods, PARTNER_RECURRING_JOBS, partnerJobHandlers } from './partner-jobs.js';

let database: TestDatabase;
const clock = new ManualClock('2027-04-01T00:30:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const owner = await insertUser(database.db);
  await createPartner(database.db, { name: 'Job Partner', slug: 'job-partner', kind: 'agency', ownerId: owner.id, now: clock.now() });
});
afterAll(async () => database?.destroy());

describe(`partner recurring jobs on ${testDatabaseKind()}`, () => {
  it('run on the durable queue once per slot and close the previous month and quarter', async () => {
    expect(PARTNER_RECURRING_JOBS.map((r) => r.kind)).toEqual([JOB_KINDS.PARTNER_PERIOD_CLOSE, JOB_KINDS.PARTNER_EXPIRY]);
    // The ticker's idempotency key: a second enqueue in the same slot is a no-op.
    for (const r of PARTNER_RECURRING_JOBS) {
      const slot = Math.floor(clock.now().getTime() / r.everyMs);
      const key = `recurring:${r.kind}:${slot}`;
      expect((await enqueueJob(database.db, { kind: r.kind, maxAttempts: 3, idempotencyKey: key, runAt: new Date(slot * r.everyMs) }, clock.now())).created).toBe(true);
      expect((await enqueueJob(database.db, { kind: r.kind, maxAttempts: 3, idempotencyKey: key, runAt: new Date(slot * r.everyMs) }, clock.now())).created).toBe(false);
    }
    const worker = new JobWorker({ db: database.db, handlers: partnerJobHandlers(database.db, clock), clock });
    expect(await worker.drain()).toBe(2);
    const done = await database.db.select({ kind: jobs.kind, state: jobs.state }).from(jobs);
    expect(done.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
    expect(await database.db.select({ period: payoutStatements.period, total: payoutStatements.totalCents }).from(payoutStatements)).toEqual([{ period: '2027-03', total: 0 }]);
    expect((await database.db.select().from(partnerScorecards)).map((s) => s.period)).toEqual(['2027-03']);
    // No tier, not a reseller: the partner accrues no MDF for Q1.
    expect(await database.db.select({ quarter: mdfAccruals.quarter, amount: mdfAccruals.amountCents }).from(mdfAccruals).where(eq(mdfAccruals.quarter, '2027-Q1'))).toEqual([{ quarter: '2027-Q1', amount: 0 }]);
  });

  it('opens a pending tier review, once, when an agency’s measured data meets a higher tier', async () => {
    const relaxed = structuredClone(SEED_PARTNER_SETTINGS);
    relaxed.agencyTiers.certified = { ...relaxed.agencyTiers.certified, minTrainingMinutes: 0, requiredTracks: [], minAssessmentBps: 0, minManagedAccounts: 0, minAnnualRevenueCents: 0 };
    await writePartnerSettings(database.db, relaxed, clock.now());
    await closePartnerPeriods(database.db, clock.now());
    await closePartnerPeriods(database.db, clock.now());
    const reviews = await database.db.select().from(partnerTierReviews);
    expect(reviews).toMatchObject([{ tier: 'certified', state: 'pending', eligible: true }]);
  });
});
