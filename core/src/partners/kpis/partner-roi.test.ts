import { describe, expect, it } from 'vitest';
import { calculatePartnerROI, calculatePartnerValue } from './partner-roi.js';

describe('calculatePartnerROI (the seed’s numbers, by hand)', () => {
  it('revenue $5.5M against costs $1.25M → ROI 3.4, payback 2.73 months', () => {
    // Revenue: 2,000,000 + 3,000,000 + 500,000 = 5,500,000. Costs: 300,000 + 150,000 + 100,000 + 200,000 + 500,000 = 1,250,000.
    // Net 4,250,000; ROI 4,250,000 / 1,250,000 = 3.4; payback 1,250,000 / (5,500,000 / 12) = 15,000,000 / 5,500,000 = 2.7272… months.
    const r = calculatePartnerROI(
      { directCents: 2_000_000_00, influencedCents: 3_000_000_00, retentionCents: 500_000_00 },
      { programManagementCents: 300_000_00, enablementCents: 150_000_00, toolsAndSystemsCents: 100_000_00, marketingFundCents: 200_000_00, commissionsCents: 500_000_00 },
    );
    expect(r).toMatchObject({ grossRevenueCents: 5_500_000_00, programCostsCents: 1_250_000_00, netRevenueCents: 4_250_000_00 });
    expect(r.roi).toBeCloseTo(3.4, 12);
    expect(r.paybackMonths).toBeCloseTo(2.727272727, 8);
  });

  it('has no ROI without costs and no payback without revenue', () => {
    const zero = { programManagementCents: 0, enablementCents: 0, toolsAndSystemsCents: 0, marketingFundCents: 0, commissionsCents: 0 };
    expect(calculatePartnerROI({ directCents: 1, influencedCents: 0, retentionCents: 0 }, zero).roi).toBeNull();
    expect(calculatePartnerROI({ directCents: 0, influencedCents: 0, retentionCents: 0 }, { ...zero, enablementCents: 1 }).paybackMonths).toBeNull();
  });
});

describe('calculatePartnerValue with the intended partnerROI (totalValue of the same call)', () => {
  it('hand-worked: 10 deals × $5,000 + indirect $33,396 = $83,396; invested $20,000 → ROI 3.1698', () => {
    // direct: 10 × $5,000 = $50,000.
    // indirect: market 5,000 × 0.001 × $1,896 = $9,480; reach 39,160 × $0.10 = $3,916; feedback 1 × $10,000; intel 2 × $5,000 = $10,000 → $33,396.
    // total $83,396; ROI (83,396 − 20,000) / 20,000 = 3.1698.
    const v = calculatePartnerValue({ deals: 10, averageDealSizeCents: 5_000_00, reachableMarket: 5_000, marketingReach: 39_160, feedbackQuality: 1, marketIntelligence: 2, investmentCostCents: 20_000_00 });
    expect(v).toEqual({ directRevenueCents: 50_000_00, indirectValueCents: 33_396_00, totalValueCents: 83_396_00, partnerRoi: expect.closeTo(3.1698, 10) });
  });

  it('rounds the market-access share half up to the cent and refuses negative inputs', () => {
    // 1 business × 0.1 % × $1,896 = $1.896 → 190 cents (189.6 rounded).
    expect(calculatePartnerValue({ deals: 0, averageDealSizeCents: 0, reachableMarket: 1, marketingReach: 0, feedbackQuality: 0, marketIntelligence: 0, investmentCostCents: 0 })).toMatchObject({ indirectValueCents: 190, partnerRoi: null });
    expect(() => calculatePartnerValue({ deals: -1, averageDealSizeCents: 0, reachableMarket: 0, marketingReach: 0, feedbackQuality: 0, marketIntelligence: 0, investmentCostCents: 0 })).toThrow(/deals/);
  });
});
