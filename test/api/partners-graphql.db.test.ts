/**
 * The partner program over real HTTP GraphQL: partners, agency access (audited),
 * referrals with server-side attribution, deal registration conflicts, revenue,
 * idempotent payout statements with a refund clawback and CSV, the partner's
 * dashboard and eligibility, the calculators, and settings validation (both databases).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/src/db/schema/audit.js';
import { insertUser, insertWorkspace } from '../../core/src/db/test-fixtures.js';
import { createApiToken } from '../../core/src/identity/actor.js';
import { ManualClock, platformUser, startHarness, type Harness } from './graphql-harness.js';

let h: Harness;
let clock: ManualClock;
let admin: string;
let agencyOwner: { id: string; token: string };
let client: { id: string; token: string; workspaceId: string };
let partnerId: string;

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;
const reasonOf = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.reason;

async function user() {
  const u = await insertUser(h.database.db);
  return { id: u.id, token: (await createApiToken(h.database.db, u.id, 't')).token };
}

beforeAll(async () => {
  clock = new ManualClock('2027-02-01T10:00:00Z');
  h = await startHarness({ clock });
  admin = (await platformUser(h, 'admin')).token;
  agencyOwner = await user();
  const c = await user();
  client = { ...c, workspaceId: (await insertWorkspace(h.database.db, c.id)).id };
});
afterAll(() => h?.close());

describe('partner program over GraphQL', () => {
  it('a partner is created by its owner; a client grants the agency access, which is audited per act and revocable', async () => {
    const created = await h.gql<{ createPartner: { id: string; kind: string; members: Array<{ role: string }> } }>(
      'mutation { createPartner(input: { name: "Growth Co", slug: "growth-co", kind: AGENCY }) { id kind members { role } } }',
      { token: agencyOwner.token },
    );
    expect(created.body.errors).toBeUndefined();
    partnerId = created.body.data!.createPartner.id;
    expect(created.body.data!.createPartner).toMatchObject({ kind: 'AGENCY', members: [{ role: 'OWNER' }] });
    const ws = `query($id: ID!) { workspace(id: $id) { id } }`;
    expect((await h.gql(ws, { token: agencyOwner.token, variables: { id: client.workspaceId } })).body.data).toEqual({ workspace: null });
    const grant = await h.gql('mutation($w: ID!, $p: ID!) { grantAgencyAccess(workspaceId: $w, partnerId: $p, role: MEMBER) { partnerName role } }', { token: client.token, variables: { w: client.workspaceId, p: partnerId } });
    expect(grant.body.data).toEqual({ grantAgencyAccess: { partnerName: 'Growth Co', role: 'MEMBER' } });
    expect((await h.gql<{ workspace: { id: string } }>(ws, { token: agencyOwner.token, variables: { id: client.workspaceId } })).body.data!.workspace.id).toBe(client.workspaceId);
    // A member role is not an admin role: changing the client's workspace is refused.
    const adminOnly = await h.gql('mutation($w: ID!, $p: ID!) { revokeAgencyAccess(workspaceId: $w, partnerId: $p) }', { token: agencyOwner.token, variables: { w: client.workspaceId, p: partnerId } });
    expect(codeOf(adminOnly)).toBe('FORBIDDEN');
    const acts = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.act'), eq(auditLog.targetId, client.workspaceId)));
    expect(acts.length).toBeGreaterThanOrEqual(1);
    expect(acts[0]).toMatchObject({ actorUserId: agencyOwner.id, workspaceId: client.workspaceId, data: expect.objectContaining({ partnerId, role: 'member' }) });
    const revoked = await h.gql('mutation($w: ID!, $p: ID!) { revokeAgencyAccess(workspaceId: $w, partnerId: $p) }', { token: client.token, variables: { w: client.workspaceId, p: partnerId } });
    expect(revoked.body.data).toEqual({ revokeAgencyAccess: true });
    expect((await h.gql(ws, { token: agencyOwner.token, variables: { id: client.workspaceId } })).body.data).toEqual({ workspace: null });
    await h.gql('mutation($w: ID!, $p: ID!) { grantAgencyAccess(workspaceId: $w, partnerId: $p, role: ADMIN) { id } }', { token: client.token, variables: { w: client.workspaceId, p: partnerId } });
    // Even with the admin role, the agency cannot change its own access: only the client's own admins can.
    const selfRevoke = await h.gql('mutation($w: ID!, $p: ID!) { revokeAgencyAccess(workspaceId: $w, partnerId: $p) }', { token: agencyOwner.token, variables: { w: client.workspaceId, p: partnerId } });
    expect(codeOf(selfRevoke)).toBe('FORBIDDEN');
    const grants = await h.gql<{ workspaceAgencyGrants: Array<{ role: string; revokedAt: string | null }> }>('query($w: ID!) { workspaceAgencyGrants(workspaceId: $w) { role revokedAt } }', { token: agencyOwner.token, variables: { w: client.workspaceId } });
    expect(grants.body.data!.workspaceAgencyGrants.filter((g) => !g.revokedAt)).toEqual([{ role: 'ADMIN', revokedAt: null }]);
  });

  it('referral link → anonymous visit → attributed signup; outside 90 days it is refused with the reason', async () => {
    const code = await h.gql<{ createReferralCode: { code: string; link: string } }>('mutation($p: ID!) { createReferralCode(partnerId: $p) { code link } }', { token: agencyOwner.token, variables: { p: partnerId } });
    const { code: referral, link } = code.body.data!.createReferralCode;
    expect(link).toBe(`http://127.0.0.1:1/?ref=${referral}`);
    const visit = await h.gql<{ recordReferralVisit: { visitorId: string; expiresAt: string } }>('mutation($c: String!) { recordReferralVisit(code: $c) { visitorId expiresAt } }', { variables: { c: referral } });
    expect(visit.body.data!.recordReferralVisit.expiresAt).toBe('2027-05-02T10:00:00.000Z');
    const signup = await user();
    const signupWs = (await insertWorkspace(h.database.db, signup.id)).id;
    const late = await user();
    const lateWs = (await insertWorkspace(h.database.db, late.id)).id;
    const attribute = 'mutation($w: ID!, $v: String!) { attributeSignup(workspaceId: $w, visitorId: $v) { partnerId touchedAt } }';
    clock.advanceDays(10);
    const ok = await h.gql(attribute, { token: signup.token, variables: { w: signupWs, v: visit.body.data!.recordReferralVisit.visitorId } });
    expect(ok.body.data).toEqual({ attributeSignup: { partnerId, touchedAt: '2027-02-01T10:00:00.000Z' } });
    // An agency with the admin role in a client workspace cannot claim that workspace for its own referral.
    const selfDealing = await h.gql(attribute, { token: agencyOwner.token, variables: { w: client.workspaceId, v: visit.body.data!.recordReferralVisit.visitorId } });
    expect(codeOf(selfDealing)).toBe('FORBIDDEN');
    clock.advanceDays(81); // 91 days after the visit
    const expired = await h.gql(attribute, { token: late.token, variables: { w: lateWs, v: visit.body.data!.recordReferralVisit.visitorId } });
    expect([codeOf(expired), reasonOf(expired)]).toEqual(['VALIDATION_FAILED', 'ATTRIBUTION_WINDOW_EXPIRED']);
  });

  it('deal registration: small deals approved at once, an overlapping one refused with the reason', async () => {
    const register = 'mutation($p: ID!, $d: String!, $a: Float!) { registerDeal(partnerId: $p, input: { customerDomain: $d, customerName: "Acme", amountCents: $a }) { id state protectedUntil } }';
    const small = await h.gql<{ registerDeal: { state: string } }>(register, { token: agencyOwner.token, variables: { p: partnerId, d: 'acme.example', a: 500000 } });
    expect(small.body.data!.registerDeal.state).toBe('APPROVED');
    const other = await user();
    const otherPartner = await h.gql<{ createPartner: { id: string } }>('mutation { createPartner(input: { name: "Rival", slug: "rival", kind: RESELLER }) { id } }', { token: other.token });
    const clash = await h.gql(register, { token: other.token, variables: { p: otherPartner.body.data!.createPartner.id, d: 'www.ACME.example', a: 100 } });
    expect([codeOf(clash), reasonOf(clash)]).toEqual(['CONFLICT', 'DEAL_ALREADY_REGISTERED']);
    const big = await h.gql<{ registerDeal: { id: string; state: string } }>(register, { token: other.token, variables: { p: otherPartner.body.data!.createPartner.id, d: 'big.example', a: 2_000_000 } });
    expect(big.body.data!.registerDeal.state).toBe('PENDING_REVIEW');
    const queue = await h.gql<{ dealReviewQueue: Array<{ id: string }> }>('{ dealReviewQueue { id } }', { token: admin });
    expect(queue.body.data!.dealReviewQueue.map((d) => d.id)).toEqual([big.body.data!.registerDeal.id]);
    expect(codeOf(await h.gql('{ dealReviewQueue { id } }', { token: other.token }))).toBe('FORBIDDEN');
  });

  it('payout statements from recorded revenue: a re-run is the same statement; a refund is clawed back; CSV', async () => {
    const pay = 'mutation($i: RevenueEventInput!) { recordRevenueEvent(input: $i) { id } }';
    const approve = await h.gql<{ requestTierReview: { id: string; eligible: boolean } }>('mutation($p: ID!) { requestTierReview(partnerId: $p, tier: CERTIFIED) { id eligible } }', { token: agencyOwner.token, variables: { p: partnerId } });
    expect(approve.body.data!.requestTierReview.eligible).toBe(false);
    await h.gql('mutation($r: ID!) { decideTierReview(reviewId: $r, approve: true, note: "pilot") { state } }', { token: admin, variables: { r: approve.body.data!.requestTierReview.id } });
    clock.set('2027-06-01T00:00:00Z');
    expect(codeOf(await h.gql(pay, { token: agencyOwner.token, variables: { i: { externalId: 'ch_1', workspaceId: client.workspaceId, kind: 'PAYMENT', amountCents: 100000, occurredAt: '2027-05-10T00:00:00Z' } } }))).toBe('FORBIDDEN');
    await h.gql(pay, { token: admin, variables: { i: { externalId: 'ch_1', workspaceId: client.workspaceId, kind: 'PAYMENT', amountCents: 100000, occurredAt: '2027-05-10T00:00:00Z' } } });
    await h.gql(pay, { token: admin, variables: { i: { externalId: 'rf_1', workspaceId: client.workspaceId, kind: 'REFUND', amountCents: 40000, refundOf: 'ch_1', occurredAt: '2027-06-02T00:00:00Z' } } });
    const compute = 'mutation($p: ID!, $m: String!) { computePayoutStatement(partnerId: $p, period: $m) { id digest computedAt totalCents lines { type amountCents rateBps } csv } }';
    type S = { computePayoutStatement: { id: string; digest: string; computedAt: string; totalCents: number; lines: Array<{ type: string; amountCents: number }>; csv: string } };
    const may = await h.gql<S>(compute, { token: admin, variables: { p: partnerId, m: '2027-05' } });
    expect(may.body.errors).toBeUndefined();
    expect(may.body.data!.computePayoutStatement).toMatchObject({ totalCents: 20000, lines: [{ type: 'agency_commission', amountCents: 20000, rateBps: 2000 }] });
    clock.advanceDays(1);
    const again = await h.gql<S>(compute, { token: admin, variables: { p: partnerId, m: '2027-05' } });
    expect(again.body.data).toEqual(may.body.data);
    clock.set('2027-07-01T00:00:00Z');
    const june = await h.gql<S>(compute, { token: admin, variables: { p: partnerId, m: '2027-06' } });
    expect(june.body.data!.computePayoutStatement).toMatchObject({ totalCents: -8000, lines: [{ type: 'refund_clawback', amountCents: -8000 }] });
    expect(june.body.data!.computePayoutStatement.csv.trim().split('\n').at(-1)).toBe('2027-06,,total,,,,,,-8000,-80.00');
    expect(codeOf(await h.gql(compute, { token: agencyOwner.token, variables: { p: partnerId, m: '2027-06' } }))).toBe('FORBIDDEN');
  });

  it('the partner reads its dashboard, eligibility with reasons, statements and referral tier; strangers get NOT_FOUND', async () => {
    const q = `query($id: ID!) { partner(id: $id) { name agencyTier referralTier tierEligibility { tier eligible requirements { requirement met actual } }
      statements { period totalCents } dashboard { customersManaged customersReferred commissionEarnedCents revenueGeneratedCents revenueTrend { period amountCents } leaderboardRank } } }`;
    const r = await h.gql<{ partner: Record<string, unknown> & { dashboard: Record<string, unknown> } }>(q, { token: agencyOwner.token, variables: { id: partnerId } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.partner).toMatchObject({ agencyTier: 'CERTIFIED', referralTier: 'INDIVIDUAL', statements: [{ period: '2027-06', totalCents: -8000 }, { period: '2027-05', totalCents: 20000 }] });
    expect(r.body.data!.partner.dashboard).toMatchObject({ customersManaged: 1, customersReferred: 1, commissionEarnedCents: 12000, revenueGeneratedCents: 60000, leaderboardRank: null });
    expect((r.body.data!.partner.dashboard.revenueTrend as Array<{ period: string; amountCents: number }>).filter((m) => m.amountCents !== 0)).toEqual([
      { period: '2027-05', amountCents: 100000 },
      { period: '2027-06', amountCents: -40000 },
    ]);
    const stranger = await user();
    expect(codeOf(await h.gql(q, { token: stranger.token, variables: { id: partnerId } }))).toBe('NOT_FOUND');
    expect((await h.gql<{ partner: { name: string } }>(q, { token: admin, variables: { id: partnerId } })).body.data!.partner.name).toBe('Growth Co');
  });

  it('calculators, KPIs and settings validation', async () => {
    const value = await h.gql<{ partnerValue: Record<string, number> }>(
      '{ partnerValue(input: { deals: 10, averageDealSizeCents: 500000, reachableMarket: 5000, marketingReach: 39160, feedbackQuality: 1, marketIntelligence: 2, investmentCostCents: 2000000 }) { totalValueCents partnerRoi } }',
    );
    expect(value.body.data!.partnerValue.totalValueCents).toBe(8_339_600);
    expect(value.body.data!.partnerValue.partnerRoi).toBeCloseTo(3.1698, 10);
    const kpis = await h.gql<{ partnerKpis: { partners: number; roi: { roi: number } } }>('{ partnerKpis(programManagementCents: 1000) { partners partnerInfluencedRevenueCents roi { roi grossRevenueCents programCostsCents } mdfRoi { roi target meetsTarget } } }', { token: admin });
    expect(kpis.body.errors).toBeUndefined();
    expect(kpis.body.data!.partnerKpis.partners).toBe(2); // Growth Co and Rival
    expect(kpis.body.data!.partnerKpis).toMatchObject({ mdfRoi: { roi: null, target: 3, meetsTarget: false } });
    const list = await h.gql<{ partners: Array<{ id: string; name: string }> }>('{ partners { id name } }', { token: admin });
    const rival = list.body.data!.partners.find((p) => p.name === 'Rival')!.id;
    const terms = 'mutation($p: ID!, $d: Int!) { setResellerTerms(partnerId: $p, discountBps: $d, annualCommitCents: 5000000) { resellerCommitment { discountBps annualCommitCents trailingYearRevenueCents shortfallCents met } } }';
    const outOfRange = await h.gql(terms, { token: admin, variables: { p: rival, d: 4500 } });
    expect([codeOf(outOfRange), reasonOf(outOfRange)]).toEqual(['VALIDATION_FAILED', 'RESELLER_TERMS_OUT_OF_RANGE']);
    const set = await h.gql(terms, { token: admin, variables: { p: rival, d: 3500 } });
    expect(set.body.data).toEqual({ setResellerTerms: { resellerCommitment: { discountBps: 3500, annualCommitCents: 5_000_000, trailingYearRevenueCents: 0, shortfallCents: 5_000_000, met: false } } });
    const bad = await h.gql('mutation { setPartnerProgramSettings(settings: { agencyTiers: {} }) }', { token: admin });
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    const settings = await h.gql<{ partnerProgramSettings: { deals: { autoApproveBelowCents: number } } }>('{ partnerProgramSettings }', { token: admin });
    const next = { ...settings.body.data!.partnerProgramSettings, deals: { autoApproveBelowCents: 100, protectionDays: 30 } };
    expect((await h.gql('mutation($s: JSON!) { setPartnerProgramSettings(settings: $s) }', { token: admin, variables: { s: next } })).body.errors).toBeUndefined();
    const after = await h.gql<{ registerDeal: { state: string; protectedUntil: string | null } }>('mutation($p: ID!) { registerDeal(partnerId: $p, input: { customerDomain: "tiny.example", customerName: "Tiny", amountCents: 500 }) { state protectedUntil } }', { token: agencyOwner.token, variables: { p: partnerId } });
    expect(after.body.data!.registerDeal).toEqual({ state: 'PENDING_REVIEW', protectedUntil: null });
  });
});
