import { describe, expect, it } from 'vitest';
import { calculateIntegrationROI, SEED_RATES } from './roi.js';

describe('calculateIntegrationROI', () => {
  it('matches a hand-worked example', () => {
    // Costs: 200 h × $150 = $30,000; 10 h/month × $150 × 12 = $18,000; 40 tickets × $50 = $2,000;
    //        2,500,000 calls × $0.0001 = $250 → $50,250.
    // Revenue: 100 signups × $1,896 = $189,600; 0.5 × $50,000 = $25,000; 10 × $1,200 = $12,000 → $226,600.
    // ROI = (226,600 − 50,250) / 50,250 = 3.50945…; payback = 50,250 / (226,600 / 12) = 2.6611… months.
    const result = calculateIntegrationROI({ developmentHours: 200, monthlyMaintenanceHours: 10, supportTickets: 40, apiCalls: 2_500_000, attributedSignups: 100, churnReduction: 0.5, featureUpsells: 10 });
    expect(result.costs).toEqual({ development: 3_000_000, maintenance: 1_800_000, support: 200_000, infrastructure: 25_000, total: 5_025_000 });
    expect(result.revenue).toEqual({ newCustomers: 18_960_000, retentionImpact: 2_500_000, upsellOpportunity: 1_200_000, total: 22_660_000 });
    expect(result.roi).toBeCloseTo(176_350 / 50_250, 12);
    expect(result.paybackMonths).toBeCloseTo(50_250 / (226_600 / 12), 12);
  });

  it('keeps sub-cent API costs exact instead of summing floats', () => {
    const result = calculateIntegrationROI({ developmentHours: 0, monthlyMaintenanceHours: 0, supportTickets: 0, apiCalls: 3, attributedSignups: 1, churnReduction: 0, featureUpsells: 0 });
    // 3 calls × $0.0001 = $0.0003: below a cent, but still in the ratio.
    expect(result.costs.total).toBe(0);
    expect(result.roi).toBeCloseTo((1_896 - 0.0003) / 0.0003, 6);
  });

  it('reports no ROI without cost and no payback without revenue', () => {
    const zero = { developmentHours: 0, monthlyMaintenanceHours: 0, supportTickets: 0, apiCalls: 0, attributedSignups: 0, churnReduction: 0, featureUpsells: 0 };
    expect(calculateIntegrationROI(zero)).toMatchObject({ roi: null, paybackMonths: null });
    expect(calculateIntegrationROI({ ...zero, developmentHours: 1 })).toMatchObject({ roi: -1, paybackMonths: null });
  });

  it('uses the rates it is given (rates are settings)', () => {
    const result = calculateIntegrationROI({ developmentHours: 10, monthlyMaintenanceHours: 0, supportTickets: 0, apiCalls: 0, attributedSignups: 1, churnReduction: 0, featureUpsells: 0 }, { ...SEED_RATES, hourlyRateCents: 100_00, ltvCents: 2_000_00 });
    expect(result.costs.total).toBe(100_000);
    expect(result.revenue.total).toBe(200_000);
    expect(result.roi).toBe(1);
  });
});
