/** Measures what the agency tier requirements ask about, for one partner, from stored data. */
import { and, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { trainingAttempts, trainingCertificates, trainingModules } from '../../db/schema/partners-program.js';
import { partnerClientGrants, partnerOrgs, referralAttributions, revenueEvents } from '../../db/schema/partners.js';
import { DAY_MS } from '../money.js';
import type { TierMetrics } from './tier-eligibility.js';

/** Workspaces whose revenue counts for a partner: managed now or ever, and referred. */
export async function partnerWorkspaceIds(db: DbOrTx, partnerId: string): Promise<string[]> {
  const grants = await db.select({ w: partnerClientGrants.workspaceId }).from(partnerClientGrants).where(eq(partnerClientGrants.partnerId, partnerId));
  const refs = await db.select({ w: referralAttributions.workspaceId }).from(referralAttributions).where(eq(referralAttributions.partnerId, partnerId));
  return [...new Set([...grants, ...refs].map((r) => r.w))];
}

/** Payments less refunds of the partner's workspaces in [from, to). */
export async function partnerRevenueCents(db: DbOrTx, partnerId: string, from: Date, to: Date): Promise<number> {
  const ids = await partnerWorkspaceIds(db, partnerId);
  if (!ids.length) return 0;
  const [row] = await db
    .select({ net: sql<string>`coalesce(sum(case when ${revenueEvents.kind} = 'payment' then ${revenueEvents.amountCents} else -${revenueEvents.amountCents} end), 0)` })
    .from(revenueEvents)
    .where(and(inArray(revenueEvents.workspaceId, ids), gte(revenueEvents.occurredAt, from), lt(revenueEvents.occurredAt, to)));
  return Number(row?.net ?? 0);
}

export async function validCertificates(db: DbOrTx, partnerId: string, now: Date) {
  return db
    .select({ moduleId: trainingCertificates.moduleId, track: trainingModules.track, minutes: trainingModules.durationMinutes, scoreBps: trainingCertificates.scoreBps })
    .from(trainingCertificates)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingCertificates.moduleId))
    .where(and(eq(trainingCertificates.partnerId, partnerId), isNull(trainingCertificates.expiredAt), gt(trainingCertificates.expiresAt, now)));
}

export async function measureTierMetrics(db: DbOrTx, partnerId: string, now: Date): Promise<TierMetrics> {
  const certs = await validCertificates(db, partnerId, now);
  const modules = await db.select({ id: trainingModules.id, track: trainingModules.track }).from(trainingModules);
  const certified = new Set(certs.map((c) => c.moduleId));
  const minutes = new Map(certs.map((c) => [c.moduleId, c.minutes]));
  const tracks = [...new Set(modules.map((m) => m.track))].filter((t) => modules.filter((m) => m.track === t).every((m) => certified.has(m.id)));
  const [best] = await db
    .select({ bps: sql<string>`coalesce(max((${trainingAttempts.correct} * 10000) / nullif(${trainingAttempts.total}, 0)), 0)` })
    .from(trainingAttempts)
    .where(and(eq(trainingAttempts.partnerId, partnerId), gte(trainingAttempts.attemptedAt, new Date(now.getTime() - 365 * DAY_MS))));
  const [managed] = await db
    .select({ n: sql<string>`count(distinct ${partnerClientGrants.workspaceId})` })
    .from(partnerClientGrants)
    .where(and(eq(partnerClientGrants.partnerId, partnerId), isNull(partnerClientGrants.revokedAt)));
  const [partner] = await db.select({ nps: partnerOrgs.npsTenths }).from(partnerOrgs).where(eq(partnerOrgs.id, partnerId));
  return {
    trainingMinutes: [...minutes.values()].reduce((a, b) => a + b, 0),
    certifiedTracks: tracks.sort(),
    bestAssessmentBps: Number(best?.bps ?? 0),
    managedAccounts: Number(managed?.n ?? 0),
    annualRevenueCents: await partnerRevenueCents(db, partnerId, new Date(now.getTime() - 365 * DAY_MS), now),
    npsTenths: partner?.nps ?? null,
  };
}
