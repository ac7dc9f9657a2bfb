/** Prospects in the recruitment pipeline (kept by the internal team); the pipeline report counts stages reached. */
import { desc, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { partnerProspects } from '../../db/schema/partners-program.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { PARTNER_ERROR_REASONS, PartnerRuleError } from '../partner-errors.js';
import type { PartnerProgramSettings } from '../settings/partner-settings.js';
import { canAdvance, conversionRates, STAGES, type Stage } from './pipeline.js';

export type ProspectRow = typeof partnerProspects.$inferSelect;

export async function addProspect(db: Db, input: { name: string; kind: string; userId: string; now: Date }): Promise<ProspectRow> {
  if (!input.name.trim()) throw new ValidationError('Name the prospect.', { path: 'name' });
  const [row] = await db.insert(partnerProspects).values({ name: input.name.trim(), kind: input.kind, stage: 'identified', stageHistory: { identified: input.now.toISOString() }, createdAt: input.now }).returning();
  await audit(db, { actorUserId: input.userId, action: 'partner.prospect.add', targetType: 'partner_prospect', targetId: row!.id, at: input.now });
  return row!;
}

export async function advanceProspect(db: Db, input: { id: string; stage: Stage; userId: string; now: Date }): Promise<ProspectRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(partnerProspects).where(eq(partnerProspects.id, input.id)).for('update');
    if (!row) throw new NotFoundError('Prospect');
    if (row.lostAt || !canAdvance(row.stage, input.stage)) {
      throw new PartnerRuleError(PARTNER_ERROR_REASONS.PROSPECT_STAGE_ORDER, `A prospect at "${row.stage}"${row.lostAt ? ' (lost)' : ''} can only move to the next stage, not "${input.stage}".`, 'stage');
    }
    const [updated] = await tx
      .update(partnerProspects)
      .set({ stage: input.stage, stageHistory: { ...(row.stageHistory as Record<string, string>), [input.stage]: input.now.toISOString() } })
      .where(eq(partnerProspects.id, input.id))
      .returning();
    await audit(tx, { actorUserId: input.userId, action: 'partner.prospect.advance', targetType: 'partner_prospect', targetId: input.id, at: input.now, data: { from: row.stage, to: input.stage } });
    return updated!;
  });
}

export async function markProspectLost(db: Db, input: { id: string; userId: string; now: Date }): Promise<ProspectRow> {
  const [row] = await db.update(partnerProspects).set({ lostAt: input.now }).where(eq(partnerProspects.id, input.id)).returning();
  if (!row) throw new NotFoundError('Prospect');
  await audit(db, { actorUserId: input.userId, action: 'partner.prospect.lost', targetType: 'partner_prospect', targetId: input.id, at: input.now });
  return row;
}

export async function listProspects(db: Db): Promise<ProspectRow[]> {
  return db.select().from(partnerProspects).orderBy(desc(partnerProspects.createdAt)).limit(500);
}

export async function pipelineReport(db: Db, settings: PartnerProgramSettings) {
  const rows = await db.select({ stage: partnerProspects.stage, n: sql<string>`count(*)` }).from(partnerProspects).groupBy(partnerProspects.stage);
  const at = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const r of rows) at[r.stage] = Number(r.n);
  // A prospect at stage i has reached every stage up to i.
  const reached = Object.fromEntries(STAGES.map((s, i) => [s, STAGES.slice(i).reduce((a, later) => a + at[later], 0)])) as Record<Stage, number>;
  return { current: at, reached, ...conversionRates(reached, settings) };
}
