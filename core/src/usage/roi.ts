/**
 * The seed's calculateIntegrationROI, with the formula it intended (its code
 * reads `costs.total` and `revenue.total`, which it never defines): costs are
 * development + yearly maintenance + support + infrastructure, revenue is new
 * customers' LTV + retention impact + upsells. Arithmetic is exact: money is
 * kept in integer ten-thousandths of a dollar (so $0.0001 per API call is 1),
 * and reported in integer cents.
 */

export interface RoiRates {
  hourlyRateCents: number;
  supportTicketCents: number;
  /** Per upstream API call, in ten-thousandths of a dollar ($0.0001 = 1). */
  apiCallMicroDollars: number;
  ltvCents: number;
  churnReductionCents: number;
  featureUpsellCents: number;
}

/** The seed's rates. */
export const SEED_RATES: RoiRates = {
  hourlyRateCents: 150_00,
  supportTicketCents: 50_00,
  apiCallMicroDollars: 1,
  ltvCents: 1_896_00,
  churnReductionCents: 50_000_00,
  featureUpsellCents: 1_200_00,
};

export interface RoiInputs {
  /** Manual, entered by the internal team. */
  developmentHours: number;
  monthlyMaintenanceHours: number;
  supportTickets: number;
  churnReduction: number;
  featureUpsells: number;
  /** Measured from usage. */
  apiCalls: number;
  attributedSignups: number;
}

export interface RoiResult {
  costs: { development: number; maintenance: number; support: number; infrastructure: number; total: number };
  revenue: { newCustomers: number; retentionImpact: number; upsellOpportunity: number; total: number };
  /** (revenue − cost) / cost; null when there is no cost. */
  roi: number | null;
  /** cost / (revenue / 12); null when there is no revenue. */
  paybackMonths: number | null;
}

const UNITS_PER_CENT = 100;
const toUnits = (cents: number, qty: number) => Math.round(cents * UNITS_PER_CENT * qty);
const toCents = (units: number) => Math.round(units / UNITS_PER_CENT);

export function calculateIntegrationROI(inputs: RoiInputs, rates: RoiRates = SEED_RATES): RoiResult {
  const development = toUnits(rates.hourlyRateCents, inputs.developmentHours);
  const maintenance = toUnits(rates.hourlyRateCents, inputs.monthlyMaintenanceHours * 12);
  const support = toUnits(rates.supportTicketCents, inputs.supportTickets);
  const infrastructure = Math.round(rates.apiCallMicroDollars * inputs.apiCalls);
  const costUnits = development + maintenance + support + infrastructure;
  const newCustomers = toUnits(rates.ltvCents, inputs.attributedSignups);
  const retentionImpact = toUnits(rates.churnReductionCents, inputs.churnReduction);
  const upsellOpportunity = toUnits(rates.featureUpsellCents, inputs.featureUpsells);
  const revenueUnits = newCustomers + retentionImpact + upsellOpportunity;
  return {
    costs: { development: toCents(development), maintenance: toCents(maintenance), support: toCents(support), infrastructure: toCents(infrastructure), total: toCents(costUnits) },
    revenue: { newCustomers: toCents(newCustomers), retentionImpact: toCents(retentionImpact), upsellOpportunity: toCents(upsellOpportunity), total: toCents(revenueUnits) },
    roi: costUnits === 0 ? null : (revenueUnits - costUnits) / costUnits,
    paybackMonths: revenueUnits === 0 ? null : costUnits / (revenueUnits / 12),
  };
}
