/**
 * The calculator's tiers from the program's configured rates (GraphQL
 * `Partner.programTerms`), so the portal never carries numbers that could
 * drift from the server's settings.
 */
import { formatBps, formatCents } from '../partner-money';

export interface CommissionRates {
  agencyTiers: readonly { tier: 'CERTIFIED' | 'PREMIER' | 'STRATEGIC'; commissionBps: number }[];
  referralBountyCents: number;
  referralProfessionalBps: number;
  referralProfessionalMonths: number;
  referralStrategicBps: number;
}

export type CalculatorTier = { id: string; label: string; kind: 'rate'; bps: number } | { id: string; label: string; kind: 'bounty'; cents: number };

const AGENCY_NAMES = { CERTIFIED: 'Certified', PREMIER: 'Premier', STRATEGIC: 'Strategic' } as const;

export function calculatorTiers(r: CommissionRates): CalculatorTier[] {
  return [
    ...r.agencyTiers.map((t) => ({ id: `agency-${t.tier.toLowerCase()}`, label: `${AGENCY_NAMES[t.tier]} agency — ${formatBps(t.commissionBps)} recurring`, kind: 'rate' as const, bps: t.commissionBps })),
    { id: 'referral-individual', label: `Individual referral — ${formatCents(r.referralBountyCents)} per closed deal`, kind: 'bounty', cents: r.referralBountyCents },
    { id: 'referral-professional', label: `Professional referral — ${formatBps(r.referralProfessionalBps)} of the first ${r.referralProfessionalMonths} months' revenue`, kind: 'rate', bps: r.referralProfessionalBps },
    { id: 'referral-strategic', label: `Strategic referral — ${formatBps(r.referralStrategicBps)} lifetime`, kind: 'rate', bps: r.referralStrategicBps },
  ];
}
