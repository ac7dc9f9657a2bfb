import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.js';
import { usageEvents, usageRollups } from '../../db/schema/usage.js';
import { insertUser, insertWorkspace } from '../../db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../db/test-database.js';
import { DAY_MS } from '../money.js';
import { createPartner } from '../partner-orgs.js';
import { attributeSignup, attributionEventId, createReferralCode, recordTouch } from '../referrals/referral-codes.js';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { decideDeal, expireDeals, registerDeal } from './deal-registration.js';

let database: TestDatabase;
let userId: string;
let p1: string;
let p2: string;
const T0 = new Date('2027-03-01T12:00:00Z');
const later = (days: number) => new Date(T0.getTime() + days * DAY_MS);

beforeAll(async () => {
  database = await createTestDatabase();
  userId = (await insertUser(database.db)).id;
  p1 = (await createPartner(database.db, { name: 'Agency One', slug: 'agency-one', kind: 'agency', ownerId: userId, now: T0 })).id;
  p2 = (await createPartner(database.db, { name: 'Agency Two', slug: 'agency-two', kind: 'agency', ownerId: userId, now: T0 })).id;
});
afterAll(async () => database?.destroy());

describe(`deal registration on ${testDatabaseKind()}`, () => {
  it('approves under $10K at once with 90 days of protection; $10K and over waits for review', async () => {
    const small = await registerDeal(database.db, S, { partnerId: p1, customerDomain: 'https://www.Small.example/', customerName: 'Small Co', amountCents: 9_999_99, userId, now: T0 });
    expect(small).toMatchObject({ state: 'approved', customerDomain: 'small.example' });
    expect(small.protectedUntil!.toISOString()).toBe(later(90).toISOString());
    const big = await registerDeal(database.db, S, { partnerId: p1, customerDomain: 'big.example', customerName: 'Big Co', amountCents: 10_000_00, userId, now: T0 });
    expect(big.state).toBe('pending_review');
    const approved = await decideDeal(database.db, S, { id: big.id, approve: true, note: 'ok', userId, now: later(2) });
    expect(approved.protectedUntil!.toISOString()).toBe(later(92).toISOString());
    await expect(decideDeal(database.db, S, { id: big.id, approve: false, note: null, userId, now: later(3) })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'DEAL_NOT_PENDING' } });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.targetId, big.id))).toHaveLength(2);
  });

  it('refuses an overlapping registration with the reason, and accepts it once protection has ended', async () => {
    const clash = registerDeal(database.db, S, { partnerId: p2, customerDomain: 'small.example', customerName: 'Small Co', amountCents: 100_00, userId, now: later(10) });
    await expect(clash).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'DEAL_ALREADY_REGISTERED' } });
    await expect(clash).rejects.toThrow(/Another partner registered a deal for small.example; it is protected until 2027-05-30/);
    const under = await registerDeal(database.db, S, { partnerId: p1, customerDomain: 'review.example', customerName: 'R', amountCents: 50_000_00, userId, now: T0 });
    expect(under.state).toBe('pending_review');
    await expect(registerDeal(database.db, S, { partnerId: p2, customerDomain: 'review.example', customerName: 'R', amountCents: 100_00, userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'DEAL_UNDER_REVIEW' } });
    // Two registrations racing for one customer: exactly one wins.
    const race = await Promise.allSettled([p1, p2].map((partnerId) => registerDeal(database.db, S, { partnerId, customerDomain: 'race.example', customerName: 'Race', amountCents: 500_00, userId, now: T0 })));
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    // After 90 days the protection lapses: the job expires it and another partner may register.
    expect(await expireDeals(database.db, later(90))).toBeGreaterThanOrEqual(2);
    const after = await registerDeal(database.db, S, { partnerId: p2, customerDomain: 'small.example', customerName: 'Small Co', amountCents: 100_00, userId, now: later(91) });
    expect(after).toMatchObject({ state: 'approved', partnerId: p2 });
  });
});

describe(`referral attribution on ${testDatabaseKind()}`, () => {
  it('attributes a signup to the first touch inside 90 days and feeds signup_attributed usage once', async () => {
    const code = await createReferralCode(database.db, p1, T0);
    expect(code.code).toMatch(/^[A-Z2-9]{10}$/);
    const first = await recordTouch(database.db, { code: code.code.toLowerCase(), visitorId: null, now: T0 });
    const code2 = await createReferralCode(database.db, p2, T0);
    await recordTouch(database.db, { code: code2.code, visitorId: first.visitorId, now: later(5) }); // a later touch by another partner
    const ws = await insertWorkspace(database.db, userId);
    const row = await attributeSignup(database.db, { workspaceId: ws.id, visitorId: first.visitorId, attributionDays: 90, now: later(89) });
    expect(row).toMatchObject({ partnerId: p1, codeId: code.id });
    await expect(attributeSignup(database.db, { workspaceId: ws.id, visitorId: first.visitorId, attributionDays: 90, now: later(89) })).rejects.toMatchObject({ details: { reason: 'ALREADY_ATTRIBUTED' } });
    const events = await database.db.select().from(usageEvents).where(eq(usageEvents.id, attributionEventId(ws.id)));
    expect(events).toMatchObject([{ type: 'signup_attributed', workspaceId: ws.id }]);
    // The usage model's rollups count it once (what `attributed_signups` reads).
    const [rollup] = await database.db
      .select()
      .from(usageRollups)
      .where(and(eq(usageRollups.dimension, 'workspace'), eq(usageRollups.dimensionId, ws.id), eq(usageRollups.metric, 'signup_attributed'), eq(usageRollups.bucket, 'day')));
    expect(rollup!.count).toBe(1);
  });

  it('a code reused outside its window: the old touch attributes nothing; a new visit opens a new window', async () => {
    const code = await createReferralCode(database.db, p2, T0);
    const { visitorId } = await recordTouch(database.db, { code: code.code, visitorId: null, now: T0 });
    const ws = await insertWorkspace(database.db, userId);
    await expect(attributeSignup(database.db, { workspaceId: ws.id, visitorId, attributionDays: 90, now: later(91) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'ATTRIBUTION_WINDOW_EXPIRED' } });
    await recordTouch(database.db, { code: code.code, visitorId, now: later(100) });
    const row = await attributeSignup(database.db, { workspaceId: ws.id, visitorId, attributionDays: 90, now: later(101) });
    expect(row.touchedAt.toISOString()).toBe(later(100).toISOString());
    await expect(recordTouch(database.db, { code: 'NOPE', visitorId: null, now: T0 })).rejects.toMatchObject({ details: { reason: 'REFERRAL_CODE_UNKNOWN' } });
  });
});
