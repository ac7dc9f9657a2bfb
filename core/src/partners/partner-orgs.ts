/**
 * Partner organisations: created by a signed-in user (who becomes the owner),
 * with members, linked publishers (technology partners) and reseller terms
 * (set by the internal team within the program's range).
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { publisherMembers, users } from '../db/schema/identity.js';
import { PARTNER_KINDS, partnerMembers, partnerOrgs, partnerPublishers } from '../db/schema/partners.js';
import { AppError, ERROR_CODES, NotFoundError, ValidationError } from '../errors.js';
import { assertCents } from './money.js';
import { isUniqueViolation } from './partner-db.js';
import { PARTNER_ERROR_REASONS, PartnerRuleError } from './partner-errors.js';
import type { PartnerProgramSettings } from './settings/partner-settings.js';

export type PartnerRow = typeof partnerOrgs.$inferSelect;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export async function createPartner(db: Db, input: { name: string; slug: string; kind: PartnerKind; ownerId: string; now: Date }): Promise<PartnerRow> {
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw new ValidationError('A partner slug is 2–63 lowercase letters, digits and dashes.', { path: 'slug' });
  if (!input.name.trim()) throw new ValidationError('Name the partner.', { path: 'name' });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(partnerOrgs).values({ name: input.name.trim(), slug, kind: input.kind, createdAt: input.now }).returning();
      await tx.insert(partnerMembers).values({ partnerId: row!.id, userId: input.ownerId, role: 'owner', createdAt: input.now });
      await audit(tx, { actorUserId: input.ownerId, action: 'partner.create', targetType: 'partner', targetId: row!.id, at: input.now, data: { slug, kind: input.kind } });
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ERROR_CODES.CONFLICT, `The partner slug "${slug}" is taken.`, { details: { reason: 'SLUG_TAKEN', path: 'slug' } });
    throw err;
  }
}

export async function getPartner(db: Db, partnerId: string): Promise<PartnerRow> {
  const [row] = await db.select().from(partnerOrgs).where(eq(partnerOrgs.id, partnerId));
  if (!row) throw new NotFoundError('Partner');
  return row;
}

export async function addPartnerMember(db: Db, input: { partnerId: string; email: string; role: 'member' | 'owner'; actorUserId: string; now: Date }): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email.trim().toLowerCase()));
  if (!user) throw new NotFoundError('User');
  await db.transaction(async (tx) => {
    await tx.insert(partnerMembers).values({ partnerId: input.partnerId, userId: user.id, role: input.role, createdAt: input.now }).onConflictDoUpdate({ target: [partnerMembers.partnerId, partnerMembers.userId], set: { role: input.role } });
    await audit(tx, { actorUserId: input.actorUserId, action: 'partner.member.add', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { userId: user.id, role: input.role } });
  });
}

/** Links a publisher to a technology partner; the caller must own both. */
export async function linkPublisher(db: Db, input: { partnerId: string; publisherId: string; actorUserId: string; now: Date }): Promise<void> {
  const [owner] = await db.select().from(publisherMembers).where(and(eq(publisherMembers.publisherId, input.publisherId), eq(publisherMembers.userId, input.actorUserId), eq(publisherMembers.role, 'owner')));
  if (!owner) throw new NotFoundError('Publisher');
  await db.transaction(async (tx) => {
    await tx.insert(partnerPublishers).values({ partnerId: input.partnerId, publisherId: input.publisherId, createdAt: input.now }).onConflictDoNothing();
    await audit(tx, { actorUserId: input.actorUserId, action: 'partner.publisher.link', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { publisherId: input.publisherId } });
  });
}

/** Reseller terms: a 30–40 % discount off list and at least $50K a year committed (by default). */
export async function setResellerTerms(db: Db, settings: PartnerProgramSettings, input: { partnerId: string; discountBps: number; annualCommitCents: number; actorUserId: string; now: Date }): Promise<PartnerRow> {
  const r = settings.reseller;
  assertCents(input.annualCommitCents, 'annualCommitCents');
  if (!Number.isInteger(input.discountBps) || input.discountBps < r.minDiscountBps || input.discountBps > r.maxDiscountBps) {
    throw new PartnerRuleError(PARTNER_ERROR_REASONS.RESELLER_TERMS_OUT_OF_RANGE, `A reseller discount is between ${r.minDiscountBps / 100} % and ${r.maxDiscountBps / 100} % off list.`, 'discountBps');
  }
  if (input.annualCommitCents < r.minAnnualCommitCents) {
    throw new PartnerRuleError(PARTNER_ERROR_REASONS.RESELLER_TERMS_OUT_OF_RANGE, `A reseller commits to at least ${r.minAnnualCommitCents / 100} dollars a year.`, 'annualCommitCents');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.update(partnerOrgs).set({ resellerDiscountBps: input.discountBps, resellerAnnualCommitCents: input.annualCommitCents }).where(eq(partnerOrgs.id, input.partnerId)).returning();
    if (!row) throw new NotFoundError('Partner');
    await audit(tx, { actorUserId: input.actorUserId, action: 'partner.reseller.terms', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { discountBps: input.discountBps, annualCommitCents: input.annualCommitCents } });
    return row;
  });
}

export async function setPartnerNps(db: Db, input: { partnerId: string; npsTenths: number; actorUserId: string; now: Date }): Promise<PartnerRow> {
  if (!Number.isInteger(input.npsTenths) || input.npsTenths < 0 || input.npsTenths > 100) throw new ValidationError('NPS is 0–10 in tenths (0–100).', { path: 'npsTenths' });
  return db.transaction(async (tx) => {
    const [row] = await tx.update(partnerOrgs).set({ npsTenths: input.npsTenths }).where(eq(partnerOrgs.id, input.partnerId)).returning();
    if (!row) throw new NotFoundError('Partner');
    await audit(tx, { actorUserId: input.actorUserId, action: 'partner.nps', targetType: 'partner', targetId: input.partnerId, at: input.now, data: { npsTenths: input.npsTenths } });
    return row;
  });
}
