/**
 * Service-level objectives computed from real measurements: per plugin
 * version, invocation p95 latency, error rate and sync reliability over a
 * window, each with its objective and error-budget burn; platform uptime from
 * the health probe's recorded results.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/database.js';

export const SEED_SLOS = { uptime: 0.999, p95LatencyMs: 200, errorRate: 0.001, syncReliability: 0.95 } as const;

export interface VersionSlo {
  versionId: string;
  invocations: number;
  p95LatencyMs: number | null;
  errorRate: number | null;
  syncRuns: number;
  syncReliability: number | null;
  /** Fraction of the error budget used in the window (1 = exactly used up). */
  errorBudgetBurn: number | null;
  meets: { p95Latency: boolean | null; errorRate: boolean | null; syncReliability: boolean | null };
}

export async function versionSlo(db: DbOrTx, versionId: string, from: Date, to: Date): Promise<VersionSlo> {
  const [inv] = rowsOf<{ n: string; errors: string; p95: number | null }>(
    await db.execute(sql`
      select count(*) as n,
             count(*) filter (where outcome is not null and outcome <> 'ok') as errors,
             percentile_cont(0.95) within group (order by duration_ms) as p95
      from usage_events
      where version_id = ${versionId} and type = 'invocation' and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`),
  );
  const [syncs] = rowsOf<{ n: string; ok: string }>(
    await db.execute(sql`
      select count(*) as n, count(*) filter (where outcome = 'ok') as ok
      from usage_events
      where version_id = ${versionId} and type = 'records_synced' and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`),
  );
  const invocations = Number(inv?.n ?? 0);
  const errorRate = invocations ? Number(inv!.errors) / invocations : null;
  const syncRuns = Number(syncs?.n ?? 0);
  const syncReliability = syncRuns ? Number(syncs!.ok) / syncRuns : null;
  const p95 = inv?.p95 === null || inv?.p95 === undefined ? null : Number(inv.p95);
  return {
    versionId,
    invocations,
    p95LatencyMs: p95,
    errorRate,
    syncRuns,
    syncReliability,
    errorBudgetBurn: errorRate === null ? null : errorRate / SEED_SLOS.errorRate,
    meets: {
      p95Latency: p95 === null ? null : p95 < SEED_SLOS.p95LatencyMs,
      errorRate: errorRate === null ? null : errorRate < SEED_SLOS.errorRate,
      syncReliability: syncReliability === null ? null : syncReliability >= SEED_SLOS.syncReliability,
    },
  };
}

export async function platformUptime(db: DbOrTx, from: Date, to: Date): Promise<{ probes: number; uptime: number | null; errorBudgetBurn: number | null; meets: boolean | null }> {
  const [row] = rowsOf<{ n: string; ok: string }>(
    await db.execute(sql`
      select count(*) as n, count(*) filter (where outcome = 'ok') as ok
      from usage_events where type = 'health_probe' and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`),
  );
  const probes = Number(row?.n ?? 0);
  const uptime = probes ? Number(row!.ok) / probes : null;
  return { probes, uptime, errorBudgetBurn: uptime === null ? null : (1 - uptime) / (1 - SEED_SLOS.uptime), meets: uptime === null ? null : uptime >= SEED_SLOS.uptime };
}
