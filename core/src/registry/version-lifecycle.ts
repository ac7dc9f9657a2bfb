/**
 * Moves versions through the transition table, audited in the same
 * transaction, and enforces who may do what: publishers submit, reviewers
 * certify or reject — never a member of the publishing organisation.
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { DbOrTx } from '../db/database.js';
import { publisherMembers } from '../db/schema/identity.js';
import { certificationRuns, pluginVersions, plugins } from '../db/schema/registry.js';
import { NotFoundError } from '../errors.js';
import { ForbiddenError } from '../identity/actor.js';
import type { RegistryDeps } from './registry-deps.js';
import { assertTransition, type VersionState } from './version-states.js';

export type VersionRow = typeof pluginVersions.$inferSelect;

export async function lockVersion(tx: DbOrTx, versionId: string): Promise<VersionRow> {
  const [row] = await tx.select().from(pluginVersions).where(eq(pluginVersions.id, versionId)).for('update');
  if (!row) throw new NotFoundError('Plugin version');
  return row;
}

export async function transitionVersion(
  tx: DbOrTx,
  input: { versionId: string; to: VersionState; actorUserId: string | null; reason?: string; now: Date; set?: Partial<typeof pluginVersions.$inferInsert> },
): Promise<VersionRow> {
  const row = await lockVersion(tx, input.versionId);
  assertTransition(row.state, input.to);
  const [updated] = await tx
    .update(pluginVersions)
    .set({ state: input.to, ...(input.set ?? {}) })
    .where(eq(pluginVersions.id, input.versionId))
    .returning();
  await audit(tx, {
    actorUserId: input.actorUserId,
    action: `version.${input.to}`,
    targetType: 'plugin_version',
    targetId: input.versionId,
    at: input.now,
    reason: input.reason ?? null,
    data: { from: row.state, to: input.to, pluginId: row.pluginId, version: row.version },
  });
  return updated!;
}

export async function publisherRole(db: DbOrTx, pluginId: string, userId: string): Promise<'developer' | 'owner' | undefined> {
  const [row] = await db
    .select({ role: publisherMembers.role })
    .from(plugins)
    .innerJoin(publisherMembers, eq(publisherMembers.publisherId, plugins.publisherId))
    .where(and(eq(plugins.id, pluginId), eq(publisherMembers.userId, userId)));
  return row?.role;
}

export async function submitVersion(deps: RegistryDeps, versionId: string, actorUserId: string): Promise<VersionRow> {
  return deps.db.transaction(async (tx) => {
    const row = await lockVersion(tx, versionId);
    if (!(await publisherRole(tx, row.pluginId, actorUserId))) throw new ForbiddenError('Only the publisher of this plugin can submit its versions.');
    return transitionVersion(tx, { versionId, to: 'submitted', actorUserId, reason: 'submitted for certification', now: deps.clock.now() });
  });
}

export interface ReviewDecision {
  versionId: string;
  reviewer: { userId: string; platformRole: 'reviewer' | 'admin' | null };
  decision: 'certify' | 'reject';
  notes: string;
}

/** The human-review gate. Separation of duties: a publisher member cannot certify its own version. */
export async function reviewVersion(deps: RegistryDeps, input: ReviewDecision): Promise<VersionRow> {
  if (input.reviewer.platformRole !== 'reviewer' && input.reviewer.platformRole !== 'admin') {
    throw new ForbiddenError('Only platform reviewers can certify or reject versions.');
  }
  if (!input.notes.trim()) throw new ForbiddenError('A review needs notes explaining the decision.');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockVersion(tx, input.versionId);
    if (await publisherRole(tx, row.pluginId, input.reviewer.userId)) {
      throw new ForbiddenError('Reviewers cannot review versions of a publisher they belong to (separation of duties).');
    }
    const [run] = await tx
      .select()
      .from(certificationRuns)
      .where(and(eq(certificationRuns.versionId, row.id), eq(certificationRuns.status, 'awaiting_review')));
    if (!run) throw new ForbiddenError('This version has no certification run awaiting review; the automated gates must pass first.');
    const certify = input.decision === 'certify';
    await tx
      .update(certificationRuns)
      .set({ status: certify ? 'certified' : 'rejected', reviewerId: input.reviewer.userId, decisionNotes: input.notes, finishedAt: now })
      .where(eq(certificationRuns.id, run.id));
    return transitionVersion(tx, {
      versionId: row.id,
      to: certify ? 'certified' : 'rejected',
      actorUserId: input.reviewer.userId,
      reason: input.notes,
      now,
      set: certify ? { trustLevel: 'certified', certifiedAt: now } : {},
    });
  });
}
