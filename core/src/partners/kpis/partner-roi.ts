/**
 * The seed's partner value and program ROI models, in integer cents.
 *
 * calculatePartnerROI (PartnershipMetrics): gross revenue = direct +
 * influenced + retention; program costs = program management + enablement +
 * tools + marketing fund + commissions; net = revenue − costs;
 * ROI = (revenue − costs) / costs; payback months = costs / (revenue / 12).
 *
 * The seed's bug: its `partnerROI` is computed as
 * `(this.totalValue - partner.investmentCost) / partner.investmentCost`, but
 * `this.totalValue` is never defined (it is undefined, so the ROI is NaN). Our
 * reading: the intended value is the `totalValue` computed in the same call
 * (direct revenue + indirect value), i.e.
 * partnerROI = (totalValue − investmentCost) / investmentCost. The issue calls
 * this "calculatePartnerROI"; in the seed text it sits in calculatePartnerValue
 * (PartnerRelationshipManagement). Both are implemented here.
 */

export interface ProgramRevenue {
  directCents: number;
  influencedCents: number;
  retentionCents: number;
}

export interface ProgramCosts {
  programManagementCents: number;
  enablementCents: number;
  toolsAndSystemsCents: number;
  marketingFundCents: number;
  commissionsCents: number;
}

export interface ProgramRoi {
  grossRevenueCents: number;
  programCostsCents: number;
  netRevenueCents: number;
  roi: number | null;
  paybackMonths: number | null;
}

const sum = (values: number[]) => Number(values.reduce((a, v) => a + BigInt(v), 0n));

export function calculatePartnerROI(revenue: ProgramRevenue, costs: ProgramCosts): ProgramRoi {
  const gross = sum([revenue.directCents, revenue.influencedCents, revenue.retentionCents]);
  const cost = sum([costs.programManagementCents, costs.enablementCents, costs.toolsAndSystemsCents, costs.marketingFundCents, costs.commissionsCents]);
  return {
    grossRevenueCents: gross,
    programCostsCents: cost,
    netRevenueCents: gross - cost,
    roi: cost > 0 ? (gross - cost) / cost : null,
    // costs / (revenue / 12) = 12 × costs / revenue
    paybackMonths: gross > 0 ? (12 * cost) / gross : null,
  };
}

export interface PartnerValueInputs {
  deals: number;
  averageDealSizeCents: number;
  /** Businesses the partner can reach; 0.1 % convert at the LTV. */
  reachableMarket: number;
  /** Impressions, $0.10 each. */
  marketingReach: number;
  /** Feedback quality score, $10,000 per point. */
  feedbackQuality: number;
  /** Market intelligence score, $5,000 per point. */
  marketIntelligence: number;
  investmentCostCents: number;
}

export const PARTNER_VALUE_RATES = { ltvCents: 1_896_00, conversionPerMille: 1, impressionCents: 10, feedbackPointCents: 10_000_00, intelligencePointCents: 5_000_00 };

export interface PartnerValue {
  directRevenueCents: number;
  indirectValueCents: number;
  totalValueCents: number;
  partnerRoi: number | null;
}

export function calculatePartnerValue(p: PartnerValueInputs, r = PARTNER_VALUE_RATES): PartnerValue {
  for (const [k, v] of Object.entries(p)) if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${k} must be a whole number of 0 or more`);
  const direct = BigInt(p.deals) * BigInt(p.averageDealSizeCents);
  // reachableMarket × 0.1 % × LTV, rounded half up to the cent.
  const marketAccess = (BigInt(p.reachableMarket) * BigInt(r.conversionPerMille) * BigInt(r.ltvCents) + 500n) / 1000n;
  const indirect = marketAccess + BigInt(p.marketingReach) * BigInt(r.impressionCents) + BigInt(p.feedbackQuality) * BigInt(r.feedbackPointCents) + BigInt(p.marketIntelligence) * BigInt(r.intelligencePointCents);
  const total = direct + indirect;
  return {
    directRevenueCents: Number(direct),
    indirectValueCents: Number(indirect),
    totalValueCents: Number(total),
    partnerRoi: p.investmentCostCents > 0 ? (Number(total) - p.investmentCostCents) / p.investmentCostCents : null,
  };
}
