/**
 * The partner scorecard (seed: partnerScorecardModel). Each dimension scores
 * 0–100 in whole points (rounded down):
 * - revenue: the month's net revenue against the monthly revenue target;
 * - activity: leads (attributed signups) plus opportunities (deal
 *   registrations) in the month against the monthly activity target;
 * - enablement: training modules with a valid certificate, of all modules;
 * - relationship: NPS (0–10) × 10.
 * The total is the weighted sum (40/20/20/20) divided by 100, rounded half up,
 * and maps to platinum ≥ 90, gold ≥ 75, silver ≥ 50, bronze ≥ 25, else none.
 */
import type { PartnerProgramSettings } from '../settings/partner-settings.js';

export interface ScorecardInputs {
  revenueCents: number;
  leads: number;
  opportunities: number;
  certifiedModules: number;
  totalModules: number;
  npsTenths: number | null;
}

export type ScorecardLevel = 'platinum' | 'gold' | 'silver' | 'bronze' | 'none';

export interface Scorecard {
  revenue: number;
  activity: number;
  enablement: number;
  relationship: number;
  total: number;
  level: ScorecardLevel;
}

const pct = (value: number, target: number) => (target <= 0 ? 0 : Math.min(100, Math.max(0, Math.floor((value * 100) / target))));

export function levelFor(total: number, s: PartnerProgramSettings): ScorecardLevel {
  const l = s.scorecard.levels;
  if (total >= l.platinum) return 'platinum';
  if (total >= l.gold) return 'gold';
  if (total >= l.silver) return 'silver';
  if (total >= l.bronze) return 'bronze';
  return 'none';
}

export function computeScorecard(i: ScorecardInputs, s: PartnerProgramSettings): Scorecard {
  const w = s.scorecard.weights;
  const revenue = pct(i.revenueCents, s.scorecard.monthlyRevenueTargetCents);
  const activity = pct(i.leads + i.opportunities, s.scorecard.monthlyActivityTarget);
  const enablement = pct(i.certifiedModules, i.totalModules);
  const relationship = Math.min(100, Math.max(0, i.npsTenths ?? 0));
  const weighted = revenue * w.revenue + activity * w.activity + enablement * w.enablement + relationship * w.relationship;
  const total = Math.floor((weighted + 50) / 100);
  return { revenue, activity, enablement, relationship, total, level: levelFor(total, s) };
}
