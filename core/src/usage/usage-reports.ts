/**
 * The numbers each audience reads: an integration's success metrics against
 * its targets, its ROI (measured inputs from usage, manual ones from the
 * internal team), adoption by integration type, and rollup series for charts
 * and CSV export.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { installations } from '../db/schema/installations.js';
import { plugins } from '../db/schema/registry.js';
import { usageEvents, usageRollups, type ROLLUP_BUCKETS, type ROLLUP_DIMENSIONS } from '../db/schema/usage.js';
import { rowsOf } from '../db/database.js';
import { calculateIntegrationROI, type RoiResult } from './roi.js';
import { readAdoption, readRates, readRoiInputs, readTargets, type SuccessTargets } from './usage-settings.js';

const DAY = 86_400_000;

async function total(db: DbOrTx, pluginId: string, metric: string, field: 'count' | 'valueCents' = 'count'): Promise<number> {
  const column = field === 'count' ? usageRollups.count : usageRollups.valueCents;
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${column}), 0)` })
    .from(usageRollups)
    .where(and(eq(usageRollups.bucket, 'day'), eq(usageRollups.dimension, 'plugin'), eq(usageRollups.dimensionId, pluginId), eq(usageRollups.metric, metric)));
  return Number(row?.n ?? 0);
}

export interface SuccessMetrics {
  pluginId: string;
  installs: number;
  activeUsers: number;
  gmvInfluencedCents: number;
  customersAcquired: number;
  targets: SuccessTargets;
  /** Progress toward each target, 0..1 (can exceed 1). */
  progress: Record<keyof SuccessTargets, number>;
}

export async function successMetrics(db: DbOrTx, pluginId: string, now: Date): Promise<SuccessMetrics> {
  const [installed] = await db.select({ n: sql<string>`count(*)` }).from(installations).where(eq(installations.pluginId, pluginId));
  // Active: installations of the plugin that did anything (an invocation) in the last 30 days.
  const active = rowsOf<{ n: string }>(
    await db.execute(
      sql`select count(distinct ${usageEvents.installationId}) as n from ${usageEvents} where ${usageEvents.pluginId} = ${pluginId} and ${usageEvents.type} = 'invocation' and ${usageEvents.occurredAt} >= ${new Date(now.getTime() - 30 * DAY).toISOString()}::timestamptz`,
    ),
  );
  const values = {
    installs: Number(installed?.n ?? 0),
    activeUsers: Number(active[0]?.n ?? 0),
    gmvInfluencedCents: await total(db, pluginId, 'revenue_attributed', 'valueCents'),
    customersAcquired: await total(db, pluginId, 'signup_attributed'),
  };
  const targets = await readTargets(db, pluginId);
  const progress = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, targets[k as keyof SuccessTargets] ? v / targets[k as keyof SuccessTargets] : 0])) as SuccessMetrics['progress'];
  return { pluginId, ...values, targets, progress };
}

export async function integrationRoi(db: DbOrTx, pluginId: string): Promise<RoiResult & { inputs: Record<string, number> }> {
  const manual = await readRoiInputs(db, pluginId);
  const inputs = { ...manual, apiCalls: await total(db, pluginId, 'upstream_api_call'), attributedSignups: await total(db, pluginId, 'signup_attributed') };
  return { ...calculateIntegrationROI(inputs, await readRates(db)), inputs };
}

export async function adoptionByType(db: DbOrTx): Promise<Array<{ kind: 'native' | 'api' | 'connector'; installs: number; share: number; expectedShare: number }>> {
  const rows = await db
    .select({ kind: plugins.kind, n: sql<string>`count(${installations.id})` })
    .from(plugins)
    .leftJoin(installations, eq(installations.pluginId, plugins.id))
    .groupBy(plugins.kind);
  const expected = await readAdoption(db);
  const all = rows.reduce((s, r) => s + Number(r.n), 0);
  return (['native', 'api', 'connector'] as const).map((kind) => {
    const installs = Number(rows.find((r) => r.kind === kind)?.n ?? 0);
    return { kind, installs, share: all ? installs / all : 0, expectedShare: expected[kind] };
  });
}

export interface SeriesQuery {
  dimension: (typeof ROLLUP_DIMENSIONS)[number];
  dimensionId: string;
  bucket: (typeof ROLLUP_BUCKETS)[number];
  from: Date;
  to: Date;
}

export async function usageSeries(db: DbOrTx, q: SeriesQuery) {
  return db
    .select({ bucketStart: usageRollups.bucketStart, metric: usageRollups.metric, count: usageRollups.count, sum: usageRollups.sum, valueCents: usageRollups.valueCents })
    .from(usageRollups)
    .where(and(eq(usageRollups.dimension, q.dimension), eq(usageRollups.dimensionId, q.dimensionId), eq(usageRollups.bucket, q.bucket), gte(usageRollups.bucketStart, q.from), lt(usageRollups.bucketStart, q.to)))
    .orderBy(asc(usageRollups.bucketStart), asc(usageRollups.metric));
}

const csvCell = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString() : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function usageCsv(db: DbOrTx, q: SeriesQuery): Promise<string> {
  const rows = await usageSeries(db, q);
  const lines = [['bucket_start', 'metric', 'count', 'sum_duration_ms', 'value_cents'].join(',')];
  for (const r of rows) lines.push([r.bucketStart, r.metric, r.count, r.sum, r.valueCents].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
