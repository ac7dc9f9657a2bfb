import { describe, expect, it } from 'vitest';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { computeScorecard, levelFor } from './scorecard.js';

describe('partner scorecard (hand-worked)', () => {
  it('weights revenue 40, activity 20, enablement 20, relationship 20', () => {
    // revenue $2,083.34 of $4,166.67 → 50; activity 3+3 of 10 → 60; enablement 2 of 3 → 66; NPS 9.0 → 90.
    // (50×40 + 60×20 + 66×20 + 90×20) / 100 = (2000 + 1200 + 1320 + 1800) / 100 = 63.2 → 63 → silver.
    expect(computeScorecard({ revenueCents: 2_083_34, leads: 3, opportunities: 3, certifiedModules: 2, totalModules: 3, npsTenths: 90 }, S)).toEqual({
      revenue: 50,
      activity: 60,
      enablement: 66,
      relationship: 90,
      total: 63,
      level: 'silver',
    });
  });

  it('caps each dimension at 100 and rounds the total half up', () => {
    // revenue 100, activity 100, enablement 100, relationship 85 → 9700/100 = 97.
    expect(computeScorecard({ revenueCents: 99_999_99, leads: 50, opportunities: 0, certifiedModules: 3, totalModules: 3, npsTenths: 85 }, S)).toMatchObject({ revenue: 100, activity: 100, total: 97, level: 'platinum' });
    // Rounded to the nearest point: NPS 1.2 → 12 × 20 = 240 → 2.4 → 2; NPS 1.3 → 260 → 2.6 → 3.
    expect(computeScorecard({ revenueCents: 0, leads: 0, opportunities: 0, certifiedModules: 0, totalModules: 0, npsTenths: 12 }, S).total).toBe(2);
    expect(computeScorecard({ revenueCents: 0, leads: 0, opportunities: 0, certifiedModules: 0, totalModules: 0, npsTenths: 13 }, S).total).toBe(3);
    expect(computeScorecard({ revenueCents: 0, leads: 0, opportunities: 0, certifiedModules: 0, totalModules: 0, npsTenths: null }, S).total).toBe(0);
  });

  it('maps totals to levels at the seed thresholds', () => {
    expect([90, 89, 75, 74, 50, 49, 25, 24].map((t) => levelFor(t, S))).toEqual(['platinum', 'gold', 'gold', 'silver', 'silver', 'bronze', 'bronze', 'none']);
  });
});
