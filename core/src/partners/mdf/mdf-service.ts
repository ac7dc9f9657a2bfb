/**
 * MDF accruals and claims. The quarterly accrual is stored once per partner
 * and quarter (a re-run recomputes it in place). Claims move
 * submitted → approved | rejected (the internal team; review due in 5 business
 * days) → completed (the partner reports results; reimbursement due net 30
 * days later) → reimbursed. Every transition is audited.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { mdfAccruals, mdfClaims } from '../../db/schema/partners-program.js';
import { partnerOrgs } from '../../db/schema/partners.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { addBusinessDays, assertCents, DAY_MS, quarterRange, sumCents } from '../money.js';
import { lockKey } from '../partner-db.js';
import { PARTNER_ERROR_REASONS, PartnerConflictError, PartnerRuleError } from '../partner-errors.js';
import { mdfCategoryOf, type MdfCategory, type PartnerProgramSettings } from '../settings/partner-settings.js';
import { partnerRevenueCents } from '../tiers/tier-metrics.js';
import { categoryBudget, mdfAccrual, mdfRateBps } from './mdf-rules.js';

export type MdfAccrualRow = typeof mdfAccruals.$inferSelect;
export type MdfClaimRow = typeof mdfClaims.$inferSelect;

export async function accrueMdf(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; quarter: string; now: Date }): Promise<MdfAccrualRow> {
  const { start, end } = quarterRange(input.quarter);
  const [partner] = await db.select().from(partnerOrgs).where(eq(partnerOrgs.id, input.partnerId));
  if (!partner) throw new NotFoundError('Partner');
  const revenueCents = await partnerRevenueCents(db, input.partnerId, start, end);
  const rateBps = mdfRateBps(settings, partner.agencyTier, partner.resellerDiscountBps !== null);
  const values = { revenueCents, rateBps, amountCents: mdfAccrual(revenueCents, rateBps, settings), computedAt: input.now };
  const [row] = await db
    .insert(mdfAccruals)
    .values({ partnerId: input.partnerId, quarter: input.quarter, ...values })
    .onConflictDoUpdate({ target: [mdfAccruals.partnerId, mdfAccruals.quarter], set: values })
    .returning();
  return row!;
}

const COMMITTED = ['submitted', 'approved', 'completed', 'reimbursed'] as const;

export async function submitMdfClaim(
  db: Db,
  settings: PartnerProgramSettings,
  input: { partnerId: string; quarter: string; activity: string; description: string; amountCents: number; userId: string; now: Date },
): Promise<MdfClaimRow> {
  quarterRange(input.quarter);
  assertCents(input.amountCents, 'amountCents');
  if (input.amountCents <= 0) throw new ValidationError('A claim is for more than 0 cents.', { path: 'amountCents' });
  const category = mdfCategoryOf(settings, input.activity);
  if (!category) throw new PartnerRuleError(PARTNER_ERROR_REASONS.MDF_ACTIVITY_NOT_ELIGIBLE, `"${input.activity}" is not an eligible MDF activity.`, 'activity');
  return db.transaction(async (tx) => {
    await lockKey(tx, `mdf:${input.partnerId}:${input.quarter}`);
    const [accrual] = await tx.select().from(mdfAccruals).where(and(eq(mdfAccruals.partnerId, input.partnerId), eq(mdfAccruals.quarter, input.quarter)));
    const budget = categoryBudget(accrual?.amountCents ?? 0, category, settings);
    const used = await tx
      .select({ amount: mdfClaims.amountCents })
      .from(mdfClaims)
      .where(and(eq(mdfClaims.partnerId, input.partnerId), eq(mdfClaims.quarter, input.quarter), eq(mdfClaims.category, category), inArray(mdfClaims.state, [...COMMITTED])));
    const left = budget - sumCents(used.map((u) => u.amount));
    if (input.amountCents > left) throw new PartnerRuleError(PARTNER_ERROR_REASONS.MDF_BUDGET_EXCEEDED, `The ${category} budget for ${input.quarter} has ${left} cents left; the claim asks for ${input.amountCents}.`, 'amountCents');
    const [row] = await tx
      .insert(mdfClaims)
      .values({ partnerId: input.partnerId, quarter: input.quarter, category, activity: input.activity, description: input.description.trim(), amountCents: input.amountCents, submittedAt: input.now, submittedBy: input.userId, reviewDueAt: addBusinessDays(input.now, settings.mdf.reviewBusinessDays) })
      .returning();
    await audit(tx, { actorUserId: input.userId, action: 'partner.mdf.submit', targetType: 'mdf_claim', targetId: row!.id, at: input.now, data: { partnerId: input.partnerId, category, amountCents: input.amountCents } });
    return row!;
  });
}

async function transition(db: Db, id: string, from: MdfClaimRow['state'], action: string, userId: string, now: Date, set: (row: MdfClaimRow) => Partial<MdfClaimRow>, reason?: string | null): Promise<MdfClaimRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mdfClaims).where(eq(mdfClaims.id, id)).for('update');
    if (!row) throw new NotFoundError('MDF claim');
    if (row.state !== from) throw new PartnerConflictError(PARTNER_ERROR_REASONS.MDF_CLAIM_STATE, `This claim is ${row.state}; it must be ${from} to do this.`);
    const [updated] = await tx.update(mdfClaims).set(set(row)).where(eq(mdfClaims.id, id)).returning();
    await audit(tx, { actorUserId: userId, action, targetType: 'mdf_claim', targetId: id, at: now, reason: reason ?? null, data: { partnerId: row.partnerId, state: updated!.state } });
    return updated!;
  });
}

export function decideMdfClaim(db: Db, input: { id: string; approve: boolean; note: string | null; userId: string; now: Date }) {
  return transition(db, input.id, 'submitted', input.approve ? 'partner.mdf.approve' : 'partner.mdf.reject', input.userId, input.now, () => ({ state: input.approve ? 'approved' : 'rejected', decidedAt: input.now, decidedBy: input.userId }), input.note);
}

export interface MdfResults {
  leads: number;
  opportunities: number;
  pipelineCents: number;
  customersAcquired: number;
  attributedRevenueCents: number;
}

export function completeMdfClaim(db: Db, settings: PartnerProgramSettings, input: { id: string; results: MdfResults; userId: string; now: Date }) {
  for (const [k, v] of Object.entries(input.results)) if (!Number.isSafeInteger(v) || v < 0) throw new ValidationError(`${k} must be a whole number of 0 or more.`, { path: k });
  return transition(db, input.id, 'approved', 'partner.mdf.complete', input.userId, input.now, () => ({
    state: 'completed',
    completedAt: input.now,
    reimbursementDueAt: new Date(input.now.getTime() + settings.mdf.reimbursementDays * DAY_MS),
    ...input.results,
  }));
}

export function reimburseMdfClaim(db: Db, input: { id: string; userId: string; now: Date }) {
  return transition(db, input.id, 'completed', 'partner.mdf.reimburse', input.userId, input.now, () => ({ state: 'reimbursed', reimbursedAt: input.now }));
}

/** Spend (reimbursed claims) and the revenue they report, for the program or one partner. */
export async function mdfTotals(db: Db, partnerId?: string): Promise<{ spendCents: number; revenueCents: number }> {
  const [row] = await db
    .select({ spend: sql<string>`coalesce(sum(${mdfClaims.amountCents}), 0)`, revenue: sql<string>`coalesce(sum(${mdfClaims.attributedRevenueCents}), 0)` })
    .from(mdfClaims)
    .where(and(eq(mdfClaims.state, 'reimbursed'), partnerId ? eq(mdfClaims.partnerId, partnerId) : sql`true`));
  return { spendCents: Number(row?.spend ?? 0), revenueCents: Number(row?.revenue ?? 0) };
}

export type { MdfCategory };
