/**
 * Deal registration: a partner submits an opportunity for a customer
 * (identified by its domain). Under the auto-approval limit ($10K by default;
 * exactly $10K goes to review) it is approved at once; larger ones wait for the
 * internal team. An approved registration protects the customer for 90 days.
 * While one partner's registration is approved (and protected) or under
 * review, any other registration for that customer — by anyone — is refused
 * with the reason; the partial unique index backs this up under concurrency.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { dealRegistrations } from '../../db/schema/partners.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { assertCents, DAY_MS } from '../money.js';
import { isUniqueViolation, lockKey } from '../partner-db.js';
import { PARTNER_ERROR_REASONS, PartnerConflictError } from '../partner-errors.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';

export type DealRow = typeof dealRegistrations.$inferSelect;

export interface DealInput {
  customerDomain: string;
  customerName: string;
  amountCents: number;
}

/** "https://www.Example.com/x" → "example.com". */
export function normaliseDomain(raw: string): string {
  const host = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0]!.replace(/^www\./, '');
  if (!/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(host)) throw new ValidationError(`"${raw}" is not a customer domain (for example example.com).`, { path: 'customerDomain' });
  return host;
}

/** Approved registrations whose protection has ended become expired (idempotent). */
export async function expireDeals(db: DbOrTx, now: Date, customerDomain?: string): Promise<number> {
  const rows = await db
    .update(dealRegistrations)
    .set({ state: 'expired' })
    .where(and(eq(dealRegistrations.state, 'approved'), lte(dealRegistrations.protectedUntil, now), customerDomain ? eq(dealRegistrations.customerDomain, customerDomain) : sql`true`))
    .returning({ id: dealRegistrations.id });
  return rows.length;
}

function conflict(existing: DealRow, partnerId: string): PartnerConflictError {
  const own = existing.partnerId === partnerId ? 'You already registered' : 'Another partner registered';
  if (existing.state === 'pending_review') {
    return new PartnerConflictError(PARTNER_ERROR_REASONS.DEAL_UNDER_REVIEW, `${own} a deal for ${existing.customerDomain} that is under review; a second registration is refused until it is decided.`);
  }
  return new PartnerConflictError(
    PARTNER_ERROR_REASONS.DEAL_ALREADY_REGISTERED,
    `${own} a deal for ${existing.customerDomain}; it is protected until ${existing.protectedUntil!.toISOString()}.`,
  );
}

export async function registerDeal(db: Db, settings: PartnerProgramSettings, input: DealInput & { partnerId: string; userId: string | null; now: Date }): Promise<DealRow> {
  const customerDomain = normaliseDomain(input.customerDomain);
  const customerName = input.customerName.trim();
  if (!customerName) throw new ValidationError('Name the customer.', { path: 'customerName' });
  assertCents(input.amountCents, 'amountCents');
  if (input.amountCents <= 0) throw new ValidationError('The deal amount must be more than 0 cents.', { path: 'amountCents' });
  const auto = input.amountCents < settings.deals.autoApproveBelowCents;
  try {
    return await db.transaction(async (tx) => {
      await lockKey(tx, `deal:${customerDomain}`);
      await expireDeals(tx, input.now, customerDomain);
      const [live] = await tx
        .select()
        .from(dealRegistrations)
        .where(and(eq(dealRegistrations.customerDomain, customerDomain), sql`${dealRegistrations.state} in ('approved', 'pending_review')`));
      if (live) throw conflict(live, input.partnerId);
      const [row] = await tx
        .insert(dealRegistrations)
        .values({
          partnerId: input.partnerId,
          customerDomain,
          customerName,
          amountCents: input.amountCents,
          state: auto ? 'approved' : 'pending_review',
          submittedAt: input.now,
          submittedBy: input.userId,
          ...(auto ? { decidedAt: input.now, protectedUntil: new Date(input.now.getTime() + settings.deals.protectionDays * DAY_MS), note: 'Approved automatically (under the auto-approval limit).' } : {}),
        })
        .returning();
      await audit(tx, { actorUserId: input.userId, action: 'partner.deal.register', targetType: 'deal_registration', targetId: row!.id, at: input.now, data: { partnerId: input.partnerId, customerDomain, amountCents: input.amountCents, state: row!.state } });
      return row!;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const [live] = await db.select().from(dealRegistrations).where(and(eq(dealRegistrations.customerDomain, customerDomain), sql`${dealRegistrations.state} in ('approved', 'pending_review')`));
    throw live ? conflict(live, input.partnerId) : err;
  }
}

/** The internal team approves (starting the protection period) or rejects a registration under review. */
export async function decideDeal(db: Db, settings: PartnerProgramSettings, input: { id: string; approve: boolean; note: string | null; userId: string; now: Date }): Promise<DealRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(dealRegistrations).where(eq(dealRegistrations.id, input.id)).for('update');
    if (!row) throw new NotFoundError('Deal registration');
    if (row.state !== 'pending_review') throw new PartnerConflictError(PARTNER_ERROR_REASONS.DEAL_NOT_PENDING, `This registration is ${row.state}, not under review.`);
    const [updated] = await tx
      .update(dealRegistrations)
      .set({
        state: input.approve ? 'approved' : 'rejected',
        decidedAt: input.now,
        decidedBy: input.userId,
        note: input.note,
        protectedUntil: input.approve ? new Date(input.now.getTime() + settings.deals.protectionDays * DAY_MS) : null,
      })
      .where(eq(dealRegistrations.id, input.id))
      .returning();
    await audit(tx, { actorUserId: input.userId, action: input.approve ? 'partner.deal.approve' : 'partner.deal.reject', targetType: 'deal_registration', targetId: input.id, at: input.now, reason: input.note, data: { partnerId: row.partnerId } });
    return updated!;
  });
}
