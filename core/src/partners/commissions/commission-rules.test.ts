import { describe, expect, it } from 'vitest';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { referralTierFor, statementLines, type CommissionFacts, type ReferralTier, type RevenueEventFact } from './commission-rules.js';

const pay = (externalId: string, workspaceId: string, amountCents: number, at: string): RevenueEventFact => ({ externalId, workspaceId, kind: 'payment', amountCents, occurredAt: new Date(at), refundOf: null });
const refund = (externalId: string, of: RevenueEventFact, amountCents: number, at: string): RevenueEventFact => ({ externalId, workspaceId: of.workspaceId, kind: 'refund', amountCents, occurredAt: new Date(at), refundOf: of.externalId });

function facts(all: RevenueEventFact[], o: { tier?: 'certified' | 'premier' | 'strategic' | null; managed?: string[]; attributed?: string[]; referralTier?: ReferralTier }): CommissionFacts {
  const payments = all.filter((e) => e.kind === 'payment');
  return {
    agencyTierAt: () => o.tier ?? null,
    managedAt: (w) => (o.managed ?? []).includes(w),
    attributed: (w) => (o.attributed ?? []).includes(w),
    firstPayment: (w) => payments.filter((p) => p.workspaceId === w).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0],
    referralTierAt: () => o.referralTier ?? 'individual',
    payment: (id) => payments.find((p) => p.externalId === id),
  };
}

describe('commission rules (hand-worked)', () => {
  it('agency tiers earn 20 / 25 / 30 % of managed accounts’ payments', () => {
    const events = [pay('p1', 'w1', 1_999_99, '2027-03-02T00:00:00Z'), pay('p2', 'w2', 500_00, '2027-03-03T00:00:00Z')];
    // $1,999.99 × 20 % = $399.998 → $400.00; w2 is not managed → nothing.
    expect(statementLines(events, facts(events, { tier: 'certified', managed: ['w1'] }), S).map((l) => l.amountCents)).toEqual([400_00]);
    // 199 999 × 25 % = 49 999.75 → 50 000 cents.
    expect(statementLines(events, facts(events, { tier: 'premier', managed: ['w1'] }), S)[0]!.amountCents).toBe(500_00);
    // × 30 % = 59 999.7 → 60 000.
    expect(statementLines(events, facts(events, { tier: 'strategic', managed: ['w1', 'w2'] }), S).map((l) => l.amountCents)).toEqual([600_00, 150_00]);
  });

  it('an individual referrer earns $500 once, on the first payment only', () => {
    const events = [pay('p1', 'w1', 99_00, '2027-03-02T00:00:00Z'), pay('p2', 'w1', 99_00, '2027-04-02T00:00:00Z')];
    const lines = statementLines(events, facts(events, { attributed: ['w1'] }), S);
    expect(lines).toEqual([expect.objectContaining({ externalId: 'p1', type: 'referral_bounty', amountCents: 500_00, rateBps: null })]);
  });

  it('a professional referrer earns 20 % for the first 12 months, a strategic one 25 % for life', () => {
    const events = [pay('p1', 'w1', 1_000_00, '2027-01-15T00:00:00Z'), pay('p2', 'w1', 1_000_00, '2028-01-14T00:00:00Z'), pay('p3', 'w1', 1_000_00, '2028-01-15T00:00:00Z')];
    expect(statementLines(events, facts(events, { attributed: ['w1'], referralTier: 'professional' }), S).map((l) => [l.externalId, l.amountCents])).toEqual([
      ['p1', 200_00],
      ['p2', 200_00],
    ]);
    expect(statementLines(events, facts(events, { attributed: ['w1'], referralTier: 'strategic' }), S).map((l) => l.amountCents)).toEqual([250_00, 250_00, 250_00]);
  });

  it('a refunded payment’s commission is clawed back at the same rate (full refund nets to zero)', () => {
    const p1 = pay('p1', 'w1', 1_234_57, '2027-03-02T00:00:00Z');
    const events = [p1, refund('r1', p1, 1_234_57, '2027-03-20T00:00:00Z'), refund('r2', p1, 10, '2027-03-21T00:00:00Z')];
    const lines = statementLines(events, facts(events, { tier: 'premier', managed: ['w1'] }), S);
    // 123 457 × 25 % = 30 864.25 → 30 864; the refund reverses exactly that; a 10-cent refund claws back 2.5 → 3 cents.
    expect(lines.map((l) => [l.type, l.amountCents])).toEqual([
      ['agency_commission', 308_64],
      ['refund_clawback', -308_64],
      ['refund_clawback', -3],
    ]);
  });

  it('a bounty is clawed back only when the first payment is refunded in full', () => {
    const p1 = pay('p1', 'w1', 99_00, '2027-03-02T00:00:00Z');
    const full = [p1, refund('r1', p1, 99_00, '2027-04-01T00:00:00Z')];
    expect(statementLines(full, facts(full, { attributed: ['w1'] }), S).map((l) => l.amountCents)).toEqual([500_00, -500_00]);
    const partial = [p1, refund('r1', p1, 50_00, '2027-04-01T00:00:00Z')];
    expect(statementLines(partial, facts(partial, { attributed: ['w1'] }), S).map((l) => l.amountCents)).toEqual([500_00]);
  });

  it('the referral tier follows closed referrals: 3 in all → professional, 10 in a year → strategic', () => {
    expect(referralTierFor(2, 2, S)).toBe('individual');
    expect(referralTierFor(3, 1, S)).toBe('professional');
    expect(referralTierFor(12, 9, S)).toBe('professional');
    expect(referralTierFor(10, 10, S)).toBe('strategic');
  });
});
