import { describe, expect, it } from 'vitest';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { categoryBudget, mdfAccrual, mdfRateBps, mdfRoi } from './mdf-rules.js';

describe('MDF rules (hand-worked)', () => {
  it('accrues 2 / 3 / 5 % of quarterly revenue by tier, between $1,000 and $50,000', () => {
    expect([mdfRateBps(S, 'certified', false), mdfRateBps(S, 'premier', false), mdfRateBps(S, 'strategic', true), mdfRateBps(S, null, true), mdfRateBps(S, null, false)]).toEqual([200, 300, 500, 300, 0]);
    expect(mdfAccrual(200_000_00, 300, S)).toBe(6_000_00); // $200,000 × 3 % = $6,000
    expect(mdfAccrual(10_000_00, 200, S)).toBe(1_000_00); // $200 → the $1,000 minimum
    expect(mdfAccrual(2_000_000_00, 500, S)).toBe(50_000_00); // $100,000 → the $50,000 maximum
    expect(mdfAccrual(123_456_78, 300, S)).toBe(3_703_70); // 370 370.34 → 370 370
    expect(mdfAccrual(500_000_00, 0, S)).toBe(0); // no tier: nothing
  });

  it('caps each category at its weight of the fund', () => {
    expect(categoryBudget(6_000_00, 'demand_generation', S)).toBe(2_400_00);
    expect(categoryBudget(6_000_00, 'events', S)).toBe(1_800_00);
    expect(categoryBudget(6_000_00, 'enablement', S)).toBe(1_200_00);
    expect(categoryBudget(6_000_00, 'branding', S)).toBe(600_00);
  });

  it('program ROI = (revenue − spend) / spend against 3.0', () => {
    expect(mdfRoi(10_000_00, 45_000_00, S)).toEqual({ spendCents: 10_000_00, revenueCents: 45_000_00, roi: 3.5, target: 3, meetsTarget: true });
    expect(mdfRoi(10_000_00, 30_000_00, S).roi).toBe(2);
    expect(mdfRoi(0, 1, S).roi).toBeNull();
  });
});
