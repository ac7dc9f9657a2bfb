/**
 * Referral codes and server-side first-touch attribution. A visit through a
 * referral link is recorded against a first-party visitor id the server
 * issues (no third-party cookie). At signup, the workspace is attributed to
 * the EARLIEST touch of that visitor inside the attribution window (90 days by
 * default) before the signup. A touch older than the window attributes
 * nothing (ATTRIBUTION_WINDOW_EXPIRED); a later visit with the same code is a
 * new touch and opens a new window. A workspace is attributed at most once.
 * Each attribution is recorded as a `signup_attributed` usage event (id
 * derived from the workspace, so it is counted once), which feeds the usage
 * and ROI model's attributed signups.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { partnerPublishers, referralAttributions, referralCodes, referralTouches } from '../../db/schema/partners.js';
import { ingestUsage } from '../../usage/usage-ingest.js';
import { DAY_MS } from '../money.js';
import { PARTNER_ERROR_REASONS, PartnerConflictError, PartnerRuleError } from '../partner-errors.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReferralCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function referralLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/?ref=${encodeURIComponent(code)}`;
}

export async function createReferralCode(db: Db, partnerId: string, now: Date) {
  const [row] = await db.insert(referralCodes).values({ partnerId, code: newReferralCode(), createdAt: now }).returning();
  return row!;
}

/** Records a visit through `code`; returns the visitor id to keep (issued when the visitor has none). */
export async function recordTouch(db: Db, input: { code: string; visitorId: string | null; now: Date }) {
  const [code] = await db.select().from(referralCodes).where(and(eq(referralCodes.code, input.code.trim().toUpperCase()), isNull(referralCodes.disabledAt)));
  if (!code) throw new PartnerRuleError(PARTNER_ERROR_REASONS.REFERRAL_CODE_UNKNOWN, 'This referral code does not exist or is no longer active.', 'code');
  const visitorId = input.visitorId && /^[A-Za-z0-9_-]{16,64}$/.test(input.visitorId) ? input.visitorId : randomBytes(18).toString('base64url');
  const [touch] = await db.insert(referralTouches).values({ codeId: code.id, partnerId: code.partnerId, visitorId, touchedAt: input.now }).returning();
  return { visitorId, touch: touch! };
}

/** A stable UUID for the usage event of one workspace's attribution (sending it twice counts once). */
export function attributionEventId(workspaceId: string): string {
  const h = createHash('sha256').update(`signup_attributed:${workspaceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type AttributionRow = typeof referralAttributions.$inferSelect;

/** Attributes a new workspace's signup to the first touch inside the window, or refuses with the reason. */
export async function attributeSignup(db: Db, input: { workspaceId: string; visitorId: string; attributionDays: number; now: Date }): Promise<AttributionRow> {
  const [existing] = await db.select().from(referralAttributions).where(eq(referralAttributions.workspaceId, input.workspaceId));
  if (existing) throw new PartnerConflictError(PARTNER_ERROR_REASONS.ALREADY_ATTRIBUTED, 'This workspace is already attributed to a referral.');
  const windowStart = new Date(input.now.getTime() - input.attributionDays * DAY_MS);
  const [first] = await db
    .select()
    .from(referralTouches)
    .where(and(eq(referralTouches.visitorId, input.visitorId), gte(referralTouches.touchedAt, windowStart), lte(referralTouches.touchedAt, input.now)))
    .orderBy(asc(referralTouches.touchedAt), asc(referralTouches.id))
    .limit(1);
  if (!first) {
    const [any] = await db.select({ id: referralTouches.id }).from(referralTouches).where(eq(referralTouches.visitorId, input.visitorId)).limit(1);
    if (any) throw new PartnerRuleError(PARTNER_ERROR_REASONS.ATTRIBUTION_WINDOW_EXPIRED, `The referral visit is older than the ${input.attributionDays}-day attribution window; the signup is not attributed.`, 'visitorId');
    throw new PartnerRuleError(PARTNER_ERROR_REASONS.REFERRAL_CODE_UNKNOWN, 'No referral visit is recorded for this visitor.', 'visitorId');
  }
  const [row] = await db
    .insert(referralAttributions)
    .values({ workspaceId: input.workspaceId, partnerId: first.partnerId, codeId: first.codeId, touchId: first.id, touchedAt: first.touchedAt, attributedAt: input.now })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new PartnerConflictError(PARTNER_ERROR_REASONS.ALREADY_ATTRIBUTED, 'This workspace is already attributed to a referral.');
  const [publisher] = await db.select({ id: partnerPublishers.publisherId }).from(partnerPublishers).where(eq(partnerPublishers.partnerId, first.partnerId)).limit(1);
  await ingestUsage(db, [
    {
      id: attributionEventId(input.workspaceId),
      type: 'signup_attributed',
      occurredAt: input.now.toISOString(),
      workspaceId: input.workspaceId,
      ...(publisher ? { publisherId: publisher.id } : {}),
      data: { partnerId: first.partnerId, codeId: first.codeId },
    },
  ]);
  return row;
}
