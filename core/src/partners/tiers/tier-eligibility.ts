/**
 * Agency tier eligibility from measured data, with a reason per requirement:
 * training minutes and tracks with a valid certificate, the best assessment
 * score, managed accounts (active client grants), revenue in the trailing 365
 * days from managed and referred workspaces (payments less refunds), and NPS.
 */
import type { AgencyTier } from '../commissions/commission-rules.js';
import type { AgencyTierRules, PartnerProgramSettings } from '../settings/partner-settings.js';

export interface TierMetrics {
  trainingMinutes: number;
  certifiedTracks: string[];
  bestAssessmentBps: number;
  managedAccounts: number;
  annualRevenueCents: number;
  npsTenths: number | null;
}

export interface TierRequirementResult {
  requirement: 'training_minutes' | 'tracks' | 'assessment' | 'managed_accounts' | 'annual_revenue' | 'nps';
  required: string;
  actual: string;
  met: boolean;
}

export interface TierEvaluation {
  tier: AgencyTier;
  eligible: boolean;
  requirements: TierRequirementResult[];
}

export function evaluateTier(tier: AgencyTier, rules: AgencyTierRules, m: TierMetrics): TierEvaluation {
  const r: TierRequirementResult[] = [];
  if (rules.minTrainingMinutes > 0) r.push({ requirement: 'training_minutes', required: `${rules.minTrainingMinutes} min`, actual: `${m.trainingMinutes} min`, met: m.trainingMinutes >= rules.minTrainingMinutes });
  if (rules.requiredTracks.length) {
    const missing = rules.requiredTracks.filter((t) => !m.certifiedTracks.includes(t));
    r.push({ requirement: 'tracks', required: rules.requiredTracks.join(', '), actual: m.certifiedTracks.join(', ') || 'none', met: missing.length === 0 });
  }
  if (rules.minAssessmentBps > 0) r.push({ requirement: 'assessment', required: `≥ ${rules.minAssessmentBps / 100} %`, actual: `${m.bestAssessmentBps / 100} %`, met: m.bestAssessmentBps >= rules.minAssessmentBps });
  r.push({ requirement: 'managed_accounts', required: `≥ ${rules.minManagedAccounts}`, actual: String(m.managedAccounts), met: m.managedAccounts >= rules.minManagedAccounts });
  r.push({ requirement: 'annual_revenue', required: `≥ ${rules.minAnnualRevenueCents} cents`, actual: `${m.annualRevenueCents} cents`, met: m.annualRevenueCents >= rules.minAnnualRevenueCents });
  if (rules.minNpsTenths !== null) r.push({ requirement: 'nps', required: `≥ ${rules.minNpsTenths / 10}`, actual: m.npsTenths === null ? 'not measured' : String(m.npsTenths / 10), met: m.npsTenths !== null && m.npsTenths >= rules.minNpsTenths });
  return { tier, eligible: r.every((x) => x.met), requirements: r };
}

export function evaluateAllTiers(s: PartnerProgramSettings, m: TierMetrics): TierEvaluation[] {
  return (['certified', 'premier', 'strategic'] as const).map((t) => evaluateTier(t, s.agencyTiers[t], m));
}
