/**
 * Revenue as the billing system reports it: payments and refunds, recorded
 * once per external id (a retry returns the stored event). A refund must name
 * a payment of the same workspace and may not refund more than is left of it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { revenueEvents } from '../../db/schema/partners.js';
import { AppError, ERROR_CODES, ValidationError } from '../../errors.js';
import { assertCents } from '../money.js';
import { lockKey } from '../partner-db.js';

export type RevenueEventRow = typeof revenueEvents.$inferSelect;

export interface RevenueInput {
  externalId: string;
  workspaceId: string;
  kind: 'payment' | 'refund';
  amountCents: number;
  refundOf?: string | null;
  occurredAt: Date;
}

export async function recordRevenueEvent(db: Db, input: RevenueInput): Promise<{ event: RevenueEventRow; created: boolean }> {
  assertCents(input.amountCents, 'amountCents');
  if (input.amountCents <= 0) throw new ValidationError('A payment or refund amount must be more than 0 cents (a refund is its own kind).', { path: 'amountCents' });
  if (!input.externalId.trim()) throw new ValidationError('externalId is required.', { path: 'externalId' });
  if (input.kind === 'refund' && !input.refundOf) throw new ValidationError('A refund names the payment it refunds (refundOf).', { path: 'refundOf' });
  if (input.kind === 'payment' && input.refundOf) throw new ValidationError('Only a refund names a payment.', { path: 'refundOf' });
  return db.transaction(async (tx) => {
    await lockKey(tx, `revenue:${input.refundOf ?? input.externalId}`);
    const [existing] = await tx.select().from(revenueEvents).where(eq(revenueEvents.externalId, input.externalId));
    if (existing) {
      const same = existing.workspaceId === input.workspaceId && existing.kind === input.kind && existing.amountCents === input.amountCents && (existing.refundOf ?? null) === (input.refundOf ?? null);
      if (!same) throw new AppError(ERROR_CODES.CONFLICT, `Revenue event ${input.externalId} is already recorded with different values.`, { details: { reason: 'REVENUE_EVENT_MISMATCH' } });
      return { event: existing, created: false };
    }
    if (input.kind === 'refund') {
      const [payment] = await tx.select().from(revenueEvents).where(and(eq(revenueEvents.externalId, input.refundOf!), eq(revenueEvents.kind, 'payment')));
      if (!payment || payment.workspaceId !== input.workspaceId) throw new ValidationError(`Payment ${input.refundOf} of this workspace is not recorded.`, { path: 'refundOf' });
      const [refunded] = await tx
        .select({ total: sql<string>`coalesce(sum(${revenueEvents.amountCents}), 0)` })
        .from(revenueEvents)
        .where(and(eq(revenueEvents.refundOf, input.refundOf!), eq(revenueEvents.kind, 'refund')));
      if (Number(refunded?.total ?? 0) + input.amountCents > payment.amountCents) throw new ValidationError('A refund may not exceed what is left of the payment.', { path: 'amountCents' });
    }
    const [row] = await tx
      .insert(revenueEvents)
      .values({ externalId: input.externalId, workspaceId: input.workspaceId, kind: input.kind, amountCents: input.amountCents, refundOf: input.refundOf ?? null, occurredAt: input.occurredAt })
      .returning();
    return { event: row!, created: true };
  });
}
