import { describe, expect, it } from 'vitest';
import { SEED_PARTNER_SETTINGS as S } from '../settings/partner-settings.js';
import { evaluateAllTiers, evaluateTier } from './tier-eligibility.js';

const base = { trainingMinutes: 480, certifiedTracks: ['technical'], bestAssessmentBps: 8000, managedAccounts: 5, annualRevenueCents: 10_000_00, npsTenths: null };

describe('agency tier eligibility', () => {
  it('certified: 8 h of training, 5 accounts, $10K, assessment ≥ 80 % — exactly at each bound is eligible', () => {
    expect(evaluateTier('certified', S.agencyTiers.certified, base).eligible).toBe(true);
  });

  it('names each unmet requirement with the measured value', () => {
    const e = evaluateTier('certified', S.agencyTiers.certified, { ...base, managedAccounts: 4, bestAssessmentBps: 7999 });
    expect(e.eligible).toBe(false);
    expect(e.requirements.filter((r) => !r.met)).toEqual([
      { requirement: 'assessment', required: '≥ 80 %', actual: '79.99 %', met: false },
      { requirement: 'managed_accounts', required: '≥ 5', actual: '4', met: false },
    ]);
  });

  it('premier needs every track, 20 accounts, $50K and NPS above 8; strategic 50 accounts and $150K', () => {
    const strong = { trainingMinutes: 1080, certifiedTracks: ['foundation', 'technical', 'sales'], bestAssessmentBps: 9000, managedAccounts: 20, annualRevenueCents: 50_000_00, npsTenths: 81 };
    expect(evaluateAllTiers(S, strong).map((e) => [e.tier, e.eligible])).toEqual([
      ['certified', true],
      ['premier', true],
      ['strategic', false],
    ]);
    expect(evaluateTier('premier', S.agencyTiers.premier, { ...strong, npsTenths: 80 }).eligible).toBe(false); // NPS 8 is not > 8
    expect(evaluateTier('strategic', S.agencyTiers.strategic, { ...base, managedAccounts: 50, annualRevenueCents: 150_000_00 }).eligible).toBe(true);
  });
});
