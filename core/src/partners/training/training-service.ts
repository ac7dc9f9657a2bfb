/**
 * Training modules (created by the internal team) and assessments taken by
 * partner members. A passing attempt issues a certificate valid for a year
 * (certificateValidityDays); the expiry job marks lapsed certificates expired.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { TRAINING_TRACKS, trainingAttempts, trainingCertificates, trainingModules } from '../../db/schema/partners-program.js';
import { AppError, ERROR_CODES, NotFoundError, ValidationError } from '../../errors.js';
import { DAY_MS } from '../money.js';
import { isUniqueViolation } from '../partner-db.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { scoreAssessment, validateQuestions, type AssessmentResult } from './assessment.js';

export type ModuleRow = typeof trainingModules.$inferSelect;
export type CertificateRow = typeof trainingCertificates.$inferSelect;

export async function createTrainingModule(
  db: Db,
  input: { slug: string; title: string; track: (typeof TRAINING_TRACKS)[number]; durationMinutes: number; questions: unknown; userId: string; now: Date },
): Promise<ModuleRow> {
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) throw new ValidationError('A module lasts a whole number of minutes.', { path: 'durationMinutes' });
  const questions = validateQuestions(input.questions);
  try {
    const [row] = await db.insert(trainingModules).values({ slug: input.slug, title: input.title, track: input.track, durationMinutes: input.durationMinutes, questions, createdAt: input.now }).returning();
    await audit(db, { actorUserId: input.userId, action: 'partner.training.module', targetType: 'training_module', targetId: row!.id, at: input.now });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ERROR_CODES.CONFLICT, `A module "${input.slug}" exists.`, { details: { reason: 'SLUG_TAKEN', path: 'slug' } });
    throw err;
  }
}

export async function listModules(db: Db): Promise<ModuleRow[]> {
  return db.select().from(trainingModules).orderBy(asc(trainingModules.track), asc(trainingModules.slug));
}

export async function submitAssessment(
  db: Db,
  settings: PartnerProgramSettings,
  input: { moduleId: string; partnerId: string; userId: string; answers: number[]; now: Date },
): Promise<AssessmentResult & { certificate: CertificateRow | null }> {
  const [mod] = await db.select().from(trainingModules).where(eq(trainingModules.id, input.moduleId));
  if (!mod) throw new NotFoundError('Training module');
  const result = scoreAssessment(validateQuestions(mod.questions), input.answers, settings.training.passMarkBps);
  return db.transaction(async (tx) => {
    await tx.insert(trainingAttempts).values({ moduleId: mod.id, partnerId: input.partnerId, userId: input.userId, correct: result.correct, total: result.total, passed: result.passed, attemptedAt: input.now });
    if (!result.passed) return { ...result, certificate: null };
    const [certificate] = await tx
      .insert(trainingCertificates)
      .values({ moduleId: mod.id, partnerId: input.partnerId, userId: input.userId, scoreBps: result.scoreBps, issuedAt: input.now, expiresAt: new Date(input.now.getTime() + settings.training.certificateValidityDays * DAY_MS) })
      .returning();
    return { ...result, certificate: certificate! };
  });
}

/** Marks certificates past their expiry as expired (idempotent); returns how many lapsed now. */
export async function expireCertificates(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(trainingCertificates)
    .set({ expiredAt: now })
    .where(and(isNull(trainingCertificates.expiredAt), lte(trainingCertificates.expiresAt, now)))
    .returning({ id: trainingCertificates.id });
  return rows.length;
}

export async function partnerCertificates(db: Db, partnerId: string): Promise<CertificateRow[]> {
  return db.select().from(trainingCertificates).where(eq(trainingCertificates.partnerId, partnerId)).orderBy(asc(trainingCertificates.issuedAt));
}
