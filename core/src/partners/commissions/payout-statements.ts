/**
 * Monthly payout statements: computed from recorded revenue events and the
 * period's audited adjustments, one row per partner and month. Re-running a
 * period recomputes the same lines from the same facts; when the digest is
 * unchanged the stored statement (id, computedAt) is returned untouched, so a
 * re-run is idempotent. A late event or a new adjustment changes the digest
 * and the statement is replaced in place (same id). Refunds appear as
 * `refund_clawback` lines in the month of the refund.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { commissionAdjustments, payoutStatements } from '../../db/schema/partners-program.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { assertCents, monthRange, sumCents } from '../money.js';
import { lockKey } from '../partner-db.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { loadPartnerFacts } from './commission-facts.js';
import { statementLines, type StatementLine } from './commission-rules.js';

export type PayoutStatementRow = typeof payoutStatements.$inferSelect;

export interface StatementResult {
  statement: PayoutStatementRow;
  /** False when a re-run found the same statement. */
  changed: boolean;
}

export async function computePayoutStatement(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; period: string; now: Date }): Promise<StatementResult> {
  const { start, end } = monthRange(input.period);
  return db.transaction(async (tx) => {
    await lockKey(tx, `payout:${input.partnerId}:${input.period}`);
    const facts = await loadPartnerFacts(tx, input.partnerId, settings);
    const lines = statementLines(await facts.eventsBetween(start, end), facts, settings);
    const adjustments = await tx
      .select({ id: commissionAdjustments.id, amountCents: commissionAdjustments.amountCents, reason: commissionAdjustments.reason })
      .from(commissionAdjustments)
      .where(and(eq(commissionAdjustments.partnerId, input.partnerId), eq(commissionAdjustments.period, input.period)))
      .orderBy(asc(commissionAdjustments.createdAt), asc(commissionAdjustments.id));
    const commissionCents = sumCents(lines.map((l) => l.amountCents));
    const adjustmentCents = sumCents(adjustments.map((a) => a.amountCents));
    const digest = createHash('sha256').update(JSON.stringify({ lines, adjustments })).digest('hex');
    const [existing] = await tx.select().from(payoutStatements).where(and(eq(payoutStatements.partnerId, input.partnerId), eq(payoutStatements.period, input.period)));
    if (existing && existing.digest === digest) return { statement: existing, changed: false };
    const values = { lines: { lines, adjustments }, commissionCents, adjustmentCents, totalCents: commissionCents + adjustmentCents, digest, computedAt: input.now };
    const [row] = existing
      ? await tx.update(payoutStatements).set({ ...values, runs: existing.runs + 1 }).where(eq(payoutStatements.id, existing.id)).returning()
      : await tx.insert(payoutStatements).values({ partnerId: input.partnerId, period: input.period, ...values }).returning();
    return { statement: row!, changed: true };
  });
}

/** An audited manual adjustment (positive or negative cents); the period's statement is recomputed. */
export async function addCommissionAdjustment(
  db: Db,
  settings: PartnerProgramSettings,
  input: { partnerId: string; period: string; amountCents: number; reason: string; userId: string; now: Date },
): Promise<StatementResult> {
  monthRange(input.period);
  assertCents(input.amountCents, 'amountCents');
  if (input.amountCents === 0) throw new ValidationError('An adjustment of 0 cents changes nothing.', { path: 'amountCents' });
  if (!input.reason.trim()) throw new ValidationError('Give the reason for the adjustment.', { path: 'reason' });
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(commissionAdjustments).values({ partnerId: input.partnerId, period: input.period, amountCents: input.amountCents, reason: input.reason.trim(), createdBy: input.userId, createdAt: input.now }).returning();
    await audit(tx, { actorUserId: input.userId, action: 'partner.commission.adjust', targetType: 'partner', targetId: input.partnerId, at: input.now, reason: input.reason.trim(), data: { adjustmentId: row!.id, period: input.period, amountCents: input.amountCents } });
  });
  return computePayoutStatement(db, settings, input);
}

export interface StatementBody {
  lines: StatementLine[];
  adjustments: Array<{ id: string; amountCents: number; reason: string }>;
}

/** "-1234" → "-12.34", without floats. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** Free text a spreadsheet must not run as a formula. */
const text = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function statementCsv(statement: PayoutStatementRow): string {
  const body = statement.lines as StatementBody;
  const rows: Array<Array<string | number | null>> = [['period', 'occurred_at', 'type', 'rule', 'external_id', 'workspace_id', 'basis_cents', 'rate_bps', 'amount_cents', 'amount_usd']];
  for (const l of body.lines) rows.push([statement.period, l.occurredAt, l.type, l.rule, l.externalId, l.workspaceId, l.basisCents, l.rateBps, l.amountCents, formatCents(l.amountCents)]);
  for (const a of body.adjustments) rows.push([statement.period, '', 'adjustment', text(a.reason), a.id, '', '', '', a.amountCents, formatCents(a.amountCents)]);
  rows.push([statement.period, '', 'total', '', '', '', '', '', statement.totalCents, formatCents(statement.totalCents)]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

export async function getStatement(db: Db, partnerId: string, period: string): Promise<PayoutStatementRow> {
  const [row] = await db.select().from(payoutStatements).where(and(eq(payoutStatements.partnerId, partnerId), eq(payoutStatements.period, period)));
  if (!row) throw new NotFoundError(`Payout statement for ${period}`);
  return row;
}
