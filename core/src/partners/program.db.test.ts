import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/audit.js';
import { insertUser, insertWorkspace } from '../db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../db/test-database.js';
import { agencyRole, grantAgencyAccess, revokeAgencyAccess } from './agency/agency-access.js';
import { recordRevenueEvent } from './commissions/revenue-events.js';
import { expirePartnerRecords } from './jobs/partner-jobs.js';
import { partnerKpis } from './kpis/partner-kpis.js';
import { accrueMdf, completeMdfClaim, decideMdfClaim, mdfTotals, reimburseMdfClaim, submitMdfClaim } from './mdf/mdf-service.js';
import { DAY_MS } from './money.js';
import { createPartner, setPartnerNps, setResellerTerms } from './partner-orgs.js';
import { addProspect, advanceProspect, pipelineReport } from './recruitment/prospects.js';
import { computeMonthlyScorecard } from './scorecards/scorecard-runs.js';
import { SEED_PARTNER_SETTINGS as S } from './settings/partner-settings.js';
import { measureTierMetrics } from './tiers/tier-metrics.js';
import { decideTierReview, requestTierReview } from './tiers/tier-reviews.js';
import { createTrainingModule, submitAssessment } from './training/training-service.js';

let database: TestDatabase;
let userId: string;
let memberId: string;
let partnerId: string;
const T0 = new Date('2027-04-01T09:00:00Z'); // a Thursday
const questions = Array.from({ length: 5 }, (_, i) => ({ prompt: `Q${i}`, choices: ['a', 'b', 'c'], answer: 1 }));

beforeAll(async () => {
  database = await createTestDatabase();
  userId = (await insertUser(database.db)).id;
  memberId = (await insertUser(database.db)).id;
  partnerId = (await createPartner(database.db, { name: 'Growth Agency', slug: 'growth', kind: 'agency', ownerId: userId, now: T0 })).id;
});
afterAll(async () => database?.destroy());

describe(`partner program on ${testDatabaseKind()}`, () => {
  it('agency access: a client grants a role, agency members act with it (audited by the Authorizer), the client revokes it', async () => {
    const { partnerMembers } = await import('../db/schema/partners.js');
    await database.db.insert(partnerMembers).values({ partnerId, userId: memberId, role: 'member' });
    const ws = await insertWorkspace(database.db);
    await grantAgencyAccess(database.db, { workspaceId: ws.id, partnerId, role: 'member', actorUserId: userId, now: T0 });
    expect(await agencyRole(database.db, memberId, ws.id)).toMatchObject({ role: 'member', partnerId });
    expect(await revokeAgencyAccess(database.db, { workspaceId: ws.id, partnerId, actorUserId: userId, now: T0 })).toBe(true);
    expect(await agencyRole(database.db, memberId, ws.id)).toBeUndefined();
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.targetId, ws.id))).map((a) => a.action);
    expect(actions).toEqual(['agency.grant', 'agency.revoke']);
  });

  it('tier eligibility is measured from data: training, assessment, accounts, revenue', async () => {
    const mod = await createTrainingModule(database.db, { slug: 'technical', title: 'Technical certification', track: 'technical', durationMinutes: 480, questions, userId, now: T0 });
    const fail = await submitAssessment(database.db, S, { moduleId: mod.id, partnerId, userId, answers: [1, 1, 1, 0, 0], now: T0 });
    expect(fail).toMatchObject({ scoreBps: 6000, passed: false, certificate: null });
    const pass = await submitAssessment(database.db, S, { moduleId: mod.id, partnerId, userId, answers: [1, 1, 1, 1, 0], now: T0 });
    expect(pass.certificate!.expiresAt.toISOString()).toBe(new Date(T0.getTime() + 365 * DAY_MS).toISOString());
    for (let i = 0; i < 5; i += 1) {
      const ws = await insertWorkspace(database.db);
      await grantAgencyAccess(database.db, { workspaceId: ws.id, partnerId, role: 'admin', actorUserId: userId, now: T0 });
      await recordRevenueEvent(database.db, { externalId: `tier-${i}`, workspaceId: ws.id, kind: 'payment', amountCents: 2_000_00, occurredAt: new Date(T0.getTime() + DAY_MS) });
    }
    const metrics = await measureTierMetrics(database.db, partnerId, new Date(T0.getTime() + 2 * DAY_MS));
    expect(metrics).toEqual({ trainingMinutes: 480, certifiedTracks: ['technical'], bestAssessmentBps: 8000, managedAccounts: 5, annualRevenueCents: 10_000_00, npsTenths: null });
    const review = await requestTierReview(database.db, S, { partnerId, tier: 'certified', userId, now: new Date(T0.getTime() + 2 * DAY_MS) });
    expect(review.eligible).toBe(true);
    const premier = await requestTierReview(database.db, S, { partnerId, tier: 'premier', userId, now: new Date(T0.getTime() + 2 * DAY_MS) });
    expect((premier.evaluation as { requirements: Array<{ requirement: string; met: boolean }> }).requirements.filter((r) => !r.met).map((r) => r.requirement)).toEqual(['tracks', 'managed_accounts', 'annual_revenue', 'nps']);
    await decideTierReview(database.db, S, { reviewId: review.id, approve: true, note: null, userId, now: new Date(T0.getTime() + 2 * DAY_MS) });
    await decideTierReview(database.db, S, { reviewId: premier.id, approve: false, note: 'not yet', userId, now: new Date(T0.getTime() + 2 * DAY_MS) });
  });

  it('scorecard for April from the month’s data, kept per month', async () => {
    await setPartnerNps(database.db, { partnerId, npsTenths: 90, actorUserId: userId, now: T0 });
    const card = await computeMonthlyScorecard(database.db, S, { partnerId, period: '2027-04', now: new Date('2027-05-01T00:00:00Z') });
    // revenue $10,000 of $4,166.67 → 100; activity 0 → 0; enablement 1 of 1 module → 100; NPS 9 → 90.
    // (100×40 + 0 + 100×20 + 90×20) / 100 = 78 → gold.
    expect(card).toMatchObject({ revenue: 100, activity: 0, enablement: 100, relationship: 90, total: 78, level: 'gold' });
  });

  it('MDF: quarterly accrual by tier, claims by eligible activity within the category weight, 5 business days, net 30, ROI', async () => {
    const accrual = await accrueMdf(database.db, S, { partnerId, quarter: '2027-Q2', now: T0 });
    // Certified 2 % of $10,000 = $200 → the $1,000 minimum.
    expect(accrual).toMatchObject({ revenueCents: 10_000_00, rateBps: 200, amountCents: 1_000_00 });
    await expect(submitMdfClaim(database.db, S, { partnerId, quarter: '2027-Q2', activity: 'Team offsite', description: 'x', amountCents: 100_00, userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'MDF_ACTIVITY_NOT_ELIGIBLE' } });
    // Demand generation may use 40 % of $1,000 = $400.
    await expect(submitMdfClaim(database.db, S, { partnerId, quarter: '2027-Q2', activity: 'Webinars', description: 'x', amountCents: 400_01, userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'MDF_BUDGET_EXCEEDED' } });
    const claim = await submitMdfClaim(database.db, S, { partnerId, quarter: '2027-Q2', activity: 'Webinars', description: 'Spring webinar', amountCents: 400_00, userId, now: T0 });
    expect(claim.reviewDueAt.toISOString()).toBe('2027-04-08T09:00:00.000Z'); // Thursday + 5 business days
    await decideMdfClaim(database.db, { id: claim.id, approve: true, note: null, userId, now: T0 });
    const done = await completeMdfClaim(database.db, S, { id: claim.id, results: { leads: 40, opportunities: 6, pipelineCents: 30_000_00, customersAcquired: 2, attributedRevenueCents: 1_600_00 }, userId, now: new Date('2027-05-01T00:00:00Z') });
    expect(done.reimbursementDueAt!.toISOString()).toBe('2027-05-31T00:00:00.000Z');
    await expect(decideMdfClaim(database.db, { id: claim.id, approve: true, note: null, userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'MDF_CLAIM_STATE' } });
    await reimburseMdfClaim(database.db, { id: claim.id, userId, now: new Date('2027-05-20T00:00:00Z') });
    expect(await mdfTotals(database.db, partnerId)).toEqual({ spendCents: 400_00, revenueCents: 1_600_00 });
  });

  it('reseller terms stay within 30–40 % and $50K a year', async () => {
    await expect(setResellerTerms(database.db, S, { partnerId, discountBps: 4100, annualCommitCents: 50_000_00, actorUserId: userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'RESELLER_TERMS_OUT_OF_RANGE' } });
    await expect(setResellerTerms(database.db, S, { partnerId, discountBps: 3500, annualCommitCents: 49_999_99, actorUserId: userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'RESELLER_TERMS_OUT_OF_RANGE' } });
    expect(await setResellerTerms(database.db, S, { partnerId, discountBps: 3500, annualCommitCents: 60_000_00, actorUserId: userId, now: T0 })).toMatchObject({ resellerDiscountBps: 3500 });
  });

  it('recruitment pipeline stages and conversion, and program KPIs', async () => {
    const a = await addProspect(database.db, { name: 'A', kind: 'agency', userId, now: T0 });
    await addProspect(database.db, { name: 'B', kind: 'agency', userId, now: T0 });
    await advanceProspect(database.db, { id: a.id, stage: 'qualified', userId, now: T0 });
    await expect(advanceProspect(database.db, { id: a.id, stage: 'signed', userId, now: T0 })).rejects.toMatchObject({ details: { reason: 'PROSPECT_STAGE_ORDER' } });
    const report = await pipelineReport(database.db, S);
    expect(report.reached).toMatchObject({ identified: 2, qualified: 1, pitched: 0 });
    expect(report.stages[0]).toMatchObject({ rateBps: 5000, benchmarkBps: 3000, meetsBenchmark: true });
    const kpis = await partnerKpis(database.db, S, new Date('2027-06-01T00:00:00Z'), { programManagementCents: 600_00, enablementCents: 0, toolsAndSystemsCents: 0 });
    // Influenced revenue $10,000; costs = $600 + MDF $400 = $1,000 → ROI 9.
    expect(kpis).toMatchObject({ partners: 1, partnerInfluencedRevenueCents: 10_000_00, partnerSourcedRevenueCents: 0, activationRateBps: 10_000, revenuePerPartnerCents: 10_000_00 });
    expect(kpis.roi).toMatchObject({ grossRevenueCents: 10_000_00, programCostsCents: 1_000_00, roi: 9 });
    // MDF: $400 reimbursed, $1,600 reported → (1600 − 400) / 400 = 3 → meets the 3.0 target.
    expect(kpis.mdfRoi).toEqual({ spendCents: 400_00, revenueCents: 1_600_00, roi: 3, target: 3, meetsTarget: true });
  });

  it('a year after the assessment the certificate lapses; the expiry job marks it and training no longer counts', async () => {
    // A year later the certificate lapses; the expiry job marks it.
    expect((await expirePartnerRecords(database.db, new Date(T0.getTime() + 366 * DAY_MS))).certificates).toBe(1);
    expect((await measureTierMetrics(database.db, partnerId, new Date(T0.getTime() + 366 * DAY_MS))).trainingMinutes).toBe(0);
  });
});
