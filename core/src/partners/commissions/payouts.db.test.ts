import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.js';
import { insertUser, insertWorkspace } from '../../db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { grantAgencyAccess } from '../agency/agency-access.js';
import { closePartnerPeriods } from '../jobs/partner-jobs.js';
import { createPartner } from '../partner-orgs.js';
import { attributeSignup, createReferralCode, recordTouch } from '../referrals/referral-codes.js';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { decideTierReview, requestTierReview } from '../tiers/tier-reviews.js';
import { addCommissionAdjustment, computePayoutStatement, statementCsv, type StatementBody } from './payout-statements.js';
import { recordRevenueEvent } from './revenue-events.js';

let database: TestDatabase;
let userId: string;
let agency: string;
let referrer: string;
let managedWs: string;
let referredWs: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  userId = (await insertUser(db)).id;
  const t0 = new Date('2027-01-05T00:00:00Z');
  agency = (await createPartner(db, { name: 'Agency', slug: 'pay-agency', kind: 'agency', ownerId: userId, now: t0 })).id;
  referrer = (await createPartner(db, { name: 'Referrer', slug: 'pay-referrer', kind: 'referrer', ownerId: userId, now: t0 })).id;
  managedWs = (await insertWorkspace(db, userId)).id;
  referredWs = (await insertWorkspace(db, userId)).id;
  await grantAgencyAccess(db, { workspaceId: managedWs, partnerId: agency, role: 'admin', actorUserId: userId, now: t0 });
  // The internal team approves the certified tier (20 %) on 10 January, whatever the evaluation says.
  const review = await requestTierReview(db, S, { partnerId: agency, tier: 'certified', userId, now: t0 });
  expect(review.eligible).toBe(false);
  await decideTierReview(db, S, { reviewId: review.id, approve: true, note: 'pilot', userId, now: new Date('2027-01-10T00:00:00Z') });
  const code = await createReferralCode(db, referrer, t0);
  const { visitorId } = await recordTouch(db, { code: code.code, visitorId: null, now: t0 });
  await attributeSignup(db, { workspaceId: referredWs, visitorId, attributionDays: 90, now: new Date('2027-01-06T00:00:00Z') });
  const pay = (externalId: string, workspaceId: string, amountCents: number, at: string, refundOf?: string) =>
    recordRevenueEvent(db, { externalId, workspaceId, kind: refundOf ? 'refund' : 'payment', amountCents, refundOf: refundOf ?? null, occurredAt: new Date(at) });
  await pay('in_1', managedWs, 500_00, '2027-01-08T00:00:00Z'); // before the tier: no commission
  await pay('in_2', managedWs, 1_234_57, '2027-02-03T00:00:00Z'); // 20 % = 246.914 → 246.91
  await pay('in_3', referredWs, 99_00, '2027-02-04T00:00:00Z'); // first payment: $500 bounty
  await pay('in_4', referredWs, 99_00, '2027-02-20T00:00:00Z'); // second payment: nothing (individual tier)
  await pay('re_2', managedWs, 1_234_57, '2027-03-02T00:00:00Z', 'in_2'); // full refund in March
});
afterAll(async () => database?.destroy());

describe(`payout statements on ${testDatabaseKind()}`, () => {
  it('computes February from recorded revenue events, in integer cents', async () => {
    const { statement } = await computePayoutStatement(database.db, S, { partnerId: agency, period: '2027-02', now: new Date('2027-03-01T01:00:00Z') });
    expect((statement.lines as StatementBody).lines.map((l) => [l.externalId, l.type, l.amountCents])).toEqual([['in_2', 'agency_commission', 246_91]]);
    expect(statement.totalCents).toBe(246_91);
    const ref = await computePayoutStatement(database.db, S, { partnerId: referrer, period: '2027-02', now: new Date('2027-03-01T01:00:00Z') });
    expect(ref.statement.totalCents).toBe(500_00);
  });

  it('a re-run is idempotent: the same statement (id, digest, computedAt), not a second one', async () => {
    const first = await computePayoutStatement(database.db, S, { partnerId: agency, period: '2027-02', now: new Date('2027-03-01T02:00:00Z') });
    const again = await computePayoutStatement(database.db, S, { partnerId: agency, period: '2027-02', now: new Date('2027-03-02T00:00:00Z') });
    expect(again.changed).toBe(false);
    expect(again.statement).toEqual(first.statement);
    // The period-close job does the same for the previous month; twice in one month changes nothing the second time.
    const runOne = await closePartnerPeriods(database.db, new Date('2027-03-05T00:00:00Z'));
    const runTwo = await closePartnerPeriods(database.db, new Date('2027-03-05T01:00:00Z'));
    expect(runOne.partners).toBe(2);
    expect(runTwo.statementsChanged).toBe(0);
  });

  it('a refunded payment is clawed back in the refund’s month as a defined negative line', async () => {
    const { statement } = await computePayoutStatement(database.db, S, { partnerId: agency, period: '2027-03', now: new Date('2027-04-01T00:00:00Z') });
    expect((statement.lines as StatementBody).lines).toEqual([expect.objectContaining({ externalId: 're_2', type: 'refund_clawback', rule: 'agency:certified:refund', basisCents: 1_234_57, rateBps: 2000, amountCents: -246_91 })]);
    expect(statement.totalCents).toBe(-246_91);
    await expect(recordRevenueEvent(database.db, { externalId: 're_x', workspaceId: managedWs, kind: 'refund', amountCents: 1, refundOf: 'in_2', occurredAt: new Date('2027-03-03T00:00:00Z') })).rejects.toThrow(/exceed/);
    // Recording the same billing event again is a no-op; different values under the same id are refused.
    expect((await recordRevenueEvent(database.db, { externalId: 'in_2', workspaceId: managedWs, kind: 'payment', amountCents: 1_234_57, occurredAt: new Date('2027-02-03T00:00:00Z') })).created).toBe(false);
    await expect(recordRevenueEvent(database.db, { externalId: 'in_2', workspaceId: managedWs, kind: 'payment', amountCents: 1, occurredAt: new Date('2027-02-03T00:00:00Z') })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('an audited adjustment changes the statement in place; CSV export carries every line', async () => {
    const before = await computePayoutStatement(database.db, S, { partnerId: agency, period: '2027-02', now: new Date('2027-03-06T00:00:00Z') });
    const { statement, changed } = await addCommissionAdjustment(database.db, S, { partnerId: agency, period: '2027-02', amountCents: -46_91, reason: '=HYPERLINK("x") goodwill', userId, now: new Date('2027-03-07T00:00:00Z') });
    expect(changed).toBe(true);
    expect(statement.id).toBe(before.statement.id);
    expect(statement).toMatchObject({ commissionCents: 246_91, adjustmentCents: -46_91, totalCents: 200_00, runs: before.statement.runs + 1 });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'partner.commission.adjust'));
    expect(audits).toHaveLength(1);
    const csv = statementCsv(statement).trim().split('\n');
    expect(csv[0]).toBe('period,occurred_at,type,rule,external_id,workspace_id,basis_cents,rate_bps,amount_cents,amount_usd');
    expect(csv[1]).toBe(`2027-02,2027-02-03T00:00:00.000Z,agency_commission,agency:certified,in_2,${managedWs},123457,2000,24691,246.91`);
    expect(csv[2]).toMatch(/^2027-02,,adjustment,"'=HYPERLINK\(""x""\) goodwill",[0-9a-f-]{36},,,,-4691,-46.91$/);
    expect(csv[3]).toBe('2027-02,,total,,,,,,20000,200.00');
  });
});
