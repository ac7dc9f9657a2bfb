/**
 * Partner support tickets. A partner member opens one (open); the internal
 * team answers it (answered; a later answer replaces the earlier one); the
 * partner or the internal team closes it (closed). A closed ticket is final:
 * answering or closing it again is a conflict (SUPPORT_TICKET_CLOSED). Every
 * change is audited. Who may do what is the caller's (GraphQL layer's) check.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { partnerSupportTickets, SUPPORT_BODY_MAX, SUPPORT_SUBJECT_MAX, SUPPORT_TICKET_STATUSES } from '../../db/schema/partners-support.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { PARTNER_ERROR_REASONS, PartnerConflictError, PartnerRuleError } from '../partner-errors.js';

export type SupportTicketRow = typeof partnerSupportTickets.$inferSelect;
export type SupportTicketStatus = (typeof SUPPORT_TICKET_STATUSES)[number];

function text(value: string, path: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError(`${path} must not be empty.`, { path });
  if (trimmed.length > max) throw new PartnerRuleError(PARTNER_ERROR_REASONS.SUPPORT_TICKET_TOO_LONG, `${path} is ${trimmed.length} characters; the limit is ${max}.`, path);
  return trimmed;
}

export async function openSupportTicket(db: Db, input: { partnerId: string; subject: string; body: string; userId: string; now: Date }): Promise<SupportTicketRow> {
  const subject = text(input.subject, 'subject', SUPPORT_SUBJECT_MAX);
  const body = text(input.body, 'body', SUPPORT_BODY_MAX);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerSupportTickets)
      .values({ partnerId: input.partnerId, openedBy: input.userId, subject, body, status: 'open', createdAt: input.now, updatedAt: input.now })
      .returning();
    await audit(tx, { actorUserId: input.userId, action: 'partner.support.open', targetType: 'partner_support_ticket', targetId: row!.id, at: input.now, data: { partnerId: input.partnerId } });
    return row!;
  });
}

async function change(db: Db, id: string, action: string, userId: string, now: Date, set: Partial<SupportTicketRow>): Promise<SupportTicketRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(partnerSupportTickets).where(eq(partnerSupportTickets.id, id)).for('update');
    if (!row) throw new NotFoundError('Support ticket');
    if (row.status === 'closed') throw new PartnerConflictError(PARTNER_ERROR_REASONS.SUPPORT_TICKET_CLOSED, 'This ticket is closed.');
    const [updated] = await tx.update(partnerSupportTickets).set({ ...set, updatedAt: now }).where(eq(partnerSupportTickets.id, id)).returning();
    await audit(tx, { actorUserId: userId, action, targetType: 'partner_support_ticket', targetId: id, at: now, data: { partnerId: row.partnerId, status: updated!.status } });
    return updated!;
  });
}

/** The internal team's answer. */
export function answerSupportTicket(db: Db, input: { id: string; answer: string; userId: string; now: Date }): Promise<SupportTicketRow> {
  const answer = text(input.answer, 'answer', SUPPORT_BODY_MAX);
  return change(db, input.id, 'partner.support.answer', input.userId, input.now, { status: 'answered', answer, answeredBy: input.userId });
}

export function closeSupportTicket(db: Db, input: { id: string; userId: string; now: Date }): Promise<SupportTicketRow> {
  return change(db, input.id, 'partner.support.close', input.userId, input.now, { status: 'closed', closedAt: input.now });
}

export async function getSupportTicket(db: Db, id: string): Promise<SupportTicketRow | undefined> {
  const [row] = await db.select().from(partnerSupportTickets).where(eq(partnerSupportTickets.id, id));
  return row;
}

/** A partner's tickets, newest first, optionally of one status. */
export function listSupportTickets(db: Db, partnerId: string, status?: SupportTicketStatus | null): Promise<SupportTicketRow[]> {
  const where = status ? and(eq(partnerSupportTickets.partnerId, partnerId), eq(partnerSupportTickets.status, status)) : eq(partnerSupportTickets.partnerId, partnerId);
  return db.select().from(partnerSupportTickets).where(where).orderBy(desc(partnerSupportTickets.createdAt), desc(partnerSupportTickets.id));
}

/** A partner's tickets waiting for an answer (status open) and all its tickets, for its dashboard. */
export async function supportTicketCounts(db: Db, partnerId: string): Promise<{ open: number; total: number }> {
  const rows = await db.select({ status: partnerSupportTickets.status, n: count() }).from(partnerSupportTickets).where(eq(partnerSupportTickets.partnerId, partnerId)).groupBy(partnerSupportTickets.status);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return { open: Number(rows.find((r) => r.status === 'open')?.n ?? 0), total };
}
