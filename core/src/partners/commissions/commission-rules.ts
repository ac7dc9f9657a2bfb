/**
 * Which commission a recorded payment or refund earns a partner. Pure: the
 * payout statement (payout-statements.ts) gathers the facts from the database.
 *
 * For a payment by workspace W at time t, at most one rule applies per partner:
 * 1. W was managed by the partner at t (an active client grant) and the
 *    partner held an approved agency tier at t: the tier's recurring rate
 *    (certified 20 %, premier 25 %, strategic 30 %);
 * 2. otherwise W's signup is attributed to the partner's referral, and by the
 *    partner's referral tier at t:
 *    - individual: a fixed bounty ($500) on W's FIRST payment only ("paid
 *      after the customer's first payment");
 *    - professional: 20 % of payments within 12 months of W's first payment;
 *    - strategic: 25 % of every payment (lifetime).
 * A refund reverses the commission of the payment it refunds, in the period
 * of the refund, as a `refund_clawback` line: the refunded amount at the
 * payment's rate (so a full refund nets the commission to exactly zero), or,
 * for a bounty, the whole bounty when the first payment is refunded in full
 * (a partial refund keeps the bounty). Rates round half away from zero (money.ts).
 */
import { addMonths, applyBps } from '../money.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';

export type AgencyTier = 'certified' | 'premier' | 'strategic';
export type ReferralTier = 'individual' | 'professional' | 'strategic';
export type LineType = 'agency_commission' | 'referral_bounty' | 'referral_commission' | 'refund_clawback';

export interface RevenueEventFact {
  externalId: string;
  workspaceId: string;
  kind: 'payment' | 'refund';
  amountCents: number;
  occurredAt: Date;
  refundOf: string | null;
}

export interface CommissionFacts {
  agencyTierAt(at: Date): AgencyTier | null;
  managedAt(workspaceId: string, at: Date): boolean;
  attributed(workspaceId: string): boolean;
  /** W's first payment ever (external id and time). */
  firstPayment(workspaceId: string): { externalId: string; occurredAt: Date } | undefined;
  referralTierAt(at: Date): ReferralTier;
  payment(externalId: string): RevenueEventFact | undefined;
}

export interface StatementLine {
  externalId: string;
  workspaceId: string;
  occurredAt: string;
  type: LineType;
  basisCents: number;
  rateBps: number | null;
  amountCents: number;
  rule: string;
}

type Rule = { type: 'agency_commission' | 'referral_commission'; bps: number; rule: string } | { type: 'referral_bounty'; cents: number; rule: string };

/** The rule a payment earns under, or null. */
export function ruleForPayment(p: RevenueEventFact, facts: CommissionFacts, s: PartnerProgramSettings): Rule | null {
  const tier = facts.agencyTierAt(p.occurredAt);
  if (tier && facts.managedAt(p.workspaceId, p.occurredAt)) return { type: 'agency_commission', bps: s.agencyTiers[tier].commissionBps, rule: `agency:${tier}` };
  if (!facts.attributed(p.workspaceId)) return null;
  const first = facts.firstPayment(p.workspaceId);
  const referralTier = facts.referralTierAt(p.occurredAt);
  if (referralTier === 'strategic') return { type: 'referral_commission', bps: s.referral.strategicCommissionBps, rule: 'referral:strategic' };
  if (referralTier === 'professional') {
    const inFirstYear = first !== undefined && p.occurredAt.getTime() < addMonths(first.occurredAt, s.referral.professionalMonths).getTime();
    return inFirstYear ? { type: 'referral_commission', bps: s.referral.professionalCommissionBps, rule: 'referral:professional' } : null;
  }
  return first?.externalId === p.externalId ? { type: 'referral_bounty', cents: s.referral.individualBountyCents, rule: 'referral:individual' } : null;
}

function line(e: RevenueEventFact, type: LineType, rateBps: number | null, amountCents: number, rule: string): StatementLine {
  return { externalId: e.externalId, workspaceId: e.workspaceId, occurredAt: e.occurredAt.toISOString(), type, basisCents: e.amountCents, rateBps, amountCents, rule };
}

export function lineForEvent(e: RevenueEventFact, facts: CommissionFacts, s: PartnerProgramSettings): StatementLine | null {
  if (e.kind === 'payment') {
    const rule = ruleForPayment(e, facts, s);
    if (!rule) return null;
    return rule.type === 'referral_bounty' ? line(e, rule.type, null, rule.cents, rule.rule) : line(e, rule.type, rule.bps, applyBps(e.amountCents, rule.bps), rule.rule);
  }
  const original = e.refundOf ? facts.payment(e.refundOf) : undefined;
  if (!original) return null;
  const rule = ruleForPayment(original, facts, s);
  if (!rule) return null;
  if (rule.type === 'referral_bounty') {
    return e.amountCents >= original.amountCents ? line(e, 'refund_clawback', null, -rule.cents, `${rule.rule}:full-refund`) : null;
  }
  return line(e, 'refund_clawback', rule.bps, -applyBps(e.amountCents, rule.bps), `${rule.rule}:refund`);
}

/** The statement lines for a period's events, in a stable order (time, then external id). */
export function statementLines(events: readonly RevenueEventFact[], facts: CommissionFacts, s: PartnerProgramSettings): StatementLine[] {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  return sorted.map((e) => lineForEvent(e, facts, s)).filter((l): l is StatementLine => l !== null);
}

/**
 * The referral tier from closed referrals (attributed workspaces that have
 * paid): strategic from 10 in the trailing year, professional from 3 in all,
 * individual otherwise.
 */
export function referralTierFor(closedTotal: number, closedTrailingYear: number, s: PartnerProgramSettings): ReferralTier {
  if (closedTrailingYear >= s.referral.strategicMinAnnualReferrals) return 'strategic';
  if (closedTotal >= s.referral.professionalMinReferrals) return 'professional';
  return 'individual';
}
