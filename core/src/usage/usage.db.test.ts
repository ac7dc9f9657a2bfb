import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageEvents, usageRollups } from '../db/schema/usage.js';
import { insertInstallation, insertPluginVersion, insertUser, insertWorkspace } from '../db/test-fixtures.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../db/test-database.js';
import { applyUsageRetention } from './retention.js';
import { platformUptime, versionSlo } from './slo.js';
import { ingestUsage, type UsageEvent } from './usage-ingest.js';
import { adoptionByType, integrationRoi, successMetrics, usageCsv } from './usage-reports.js';
import { usageSettingKeys, write } from './usage-settings.js';

let database: TestDatabase;
let ctx: { workspaceId: string; installationId: string; pluginId: string; versionId: string; publisherId: string };
const NOW = new Date('2027-03-10T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await insertUser(database.db);
  const ws = await insertWorkspace(database.db, user.id);
  const { pluginId, version, publisher } = await insertPluginVersion(database.db, {}, { pluginId: 'usage-demo' });
  const inst = await insertInstallation(database.db, { workspaceId: ws.id, pluginId, versionId: version.id });
  ctx = { workspaceId: ws.id, installationId: inst.id, pluginId, versionId: version.id, publisherId: publisher.id };
});
afterAll(async () => database?.destroy());

const event = (overrides: Partial<UsageEvent>): UsageEvent => ({ id: randomUUID(), type: 'invocation', occurredAt: at(5), ...ctx, ...overrides }) as UsageEvent;

async function rollup(dimension: string, id: string, metric: string, bucket: 'hour' | 'day' = 'day') {
  const rows = await database.db
    .select()
    .from(usageRollups)
    .where(and(eq(usageRollups.dimension, dimension as never), eq(usageRollups.dimensionId, id), eq(usageRollups.metric, metric), eq(usageRollups.bucket, bucket)));
  return rows.reduce((acc, r) => ({ count: acc.count + r.count, sum: acc.sum + r.sum, valueCents: acc.valueCents + r.valueCents }), { count: 0, sum: 0, valueCents: 0 });
}

describe(`usage on ${testDatabaseKind()}`, () => {
  it('ingests idempotently and rolls up by every dimension', async () => {
    const batch = [
      ...Array.from({ length: 19 }, (_, i) => event({ durationMs: 10 + i, outcome: 'ok' })),
      event({ durationMs: 500, outcome: 'Timeout' }),
      event({ type: 'upstream_api_call', quantity: 2_500 }),
      event({ type: 'signup_attributed' }),
      event({ type: 'revenue_attributed', valueCents: 12_345_67 }),
    ];
    expect(await ingestUsage(database.db, batch)).toEqual({ accepted: 23, duplicates: 0 });
    expect(await ingestUsage(database.db, batch)).toEqual({ accepted: 0, duplicates: 23 });
    expect(await ingestUsage(database.db, [batch[0]!, batch[0]!])).toEqual({ accepted: 0, duplicates: 2 });
    for (const [dimension, id] of [['installation', ctx.installationId], ['plugin', ctx.pluginId], ['version', ctx.versionId], ['publisher', ctx.publisherId], ['workspace', ctx.workspaceId], ['platform', 'all']]) {
      expect(await rollup(dimension!, id!, 'invocation'), dimension).toMatchObject({ count: 20 });
      expect(await rollup(dimension!, id!, 'invocation', 'hour'), dimension).toMatchObject({ count: 20 });
    }
    expect(await rollup('plugin', ctx.pluginId, 'invocation:error')).toMatchObject({ count: 1 });
    expect((await rollup('plugin', ctx.pluginId, 'invocation')).sum).toBe(19 * 10 + (18 * 19) / 2 + 500);
    expect(await rollup('plugin', ctx.pluginId, 'revenue_attributed')).toMatchObject({ valueCents: 12_345_67 });
  });

  it('stores extra data exactly, whatever characters it holds', async () => {
    const data = { note: 'a "quoted", {braced} \\ value', list: [1, null, 'x'], nested: { é: '😀' } };
    const e = event({ type: 'automation_run', outcome: 'ok', data });
    expect((await ingestUsage(database.db, [e])).accepted).toBe(1);
    const [row] = await database.db.select().from(usageEvents).where(eq(usageEvents.id, e.id));
    expect(row!.data).toEqual(data);
  });

  it('refuses a malformed event with its index and path, storing none of the batch', async () => {
    const before = (await database.db.select().from(usageEvents)).length;
    const error = await ingestUsage(database.db, [event({}), { ...event({}), type: 'teleported' }]).catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { problems: [expect.objectContaining({ index: 1, path: '/type' })] } });
    expect((await database.db.select().from(usageEvents)).length).toBe(before);
  });

  it('reports success metrics against editable targets, and ROI from measured and manual inputs', async () => {
    await write(database.db, usageSettingKeys.targets(ctx.pluginId), { installs: 2, customersAcquired: 4 });
    const metrics = await successMetrics(database.db, ctx.pluginId, NOW);
    expect(metrics).toMatchObject({ installs: 1, activeUsers: 1, gmvInfluencedCents: 12_345_67, customersAcquired: 1 });
    expect(metrics.targets).toMatchObject({ installs: 2, activeUsers: 600, customersAcquired: 4 });
    expect(metrics.progress).toMatchObject({ installs: 0.5, customersAcquired: 0.25 });

    await write(database.db, usageSettingKeys.roiInputs(ctx.pluginId), { developmentHours: 10, supportTickets: 2 });
    const roi = await integrationRoi(database.db, ctx.pluginId);
    expect(roi.inputs).toMatchObject({ apiCalls: 2_500, attributedSignups: 1, developmentHours: 10, supportTickets: 2 });
    // $1,500 + $100 + 2,500 × $0.0001 = $1,600.25; revenue $1,896.
    expect(roi.costs.total).toBe(160_025);
    expect(roi.revenue.total).toBe(189_600);
    expect(roi.roi).toBeCloseTo((1_896 - 1_600.25) / 1_600.25, 10);
  });

  it('computes SLOs from measurements, including the error budget burn and uptime', async () => {
    await ingestUsage(database.db, [
      event({ type: 'records_synced', outcome: 'ok', quantity: 1000 }),
      event({ type: 'records_synced', outcome: 'ok', quantity: 1000 }),
      event({ type: 'records_synced', outcome: 'UPSTREAM_500' }),
      ...Array.from({ length: 999 }, () => ({ id: randomUUID(), type: 'health_probe' as const, occurredAt: at(10), outcome: 'ok' })),
      { id: randomUUID(), type: 'health_probe' as const, occurredAt: at(10), outcome: 'database_unavailable' },
    ]);
    const slo = await versionSlo(database.db, ctx.versionId, new Date(NOW.getTime() - 3_600_000), NOW);
    expect(slo).toMatchObject({ invocations: 20, errorRate: 0.05, syncRuns: 3 });
    expect(slo.syncReliability).toBeCloseTo(2 / 3, 10);
    expect(slo.errorBudgetBurn).toBeCloseTo(50, 10);
    // percentile_cont over 10..28 ms and one 500 ms: 28 + 0.05 × (500 − 28) = 51.6 ms.
    expect(slo.p95LatencyMs).toBeCloseTo(51.6, 6);
    expect(slo.meets).toEqual({ p95Latency: true, errorRate: false, syncReliability: false });
    const uptime = await platformUptime(database.db, new Date(NOW.getTime() - 3_600_000), NOW);
    expect(uptime).toMatchObject({ probes: 1000, uptime: 0.999, meets: true });
    expect(uptime.errorBudgetBurn).toBeCloseTo(1, 10);
  });

  it('shows adoption by integration type against the seed mix', async () => {
    const adoption = await adoptionByType(database.db);
    expect(adoption).toEqual([
      { kind: 'native', installs: 0, share: 0, expectedShare: 0.4 },
      { kind: 'api', installs: 1, share: 1, expectedShare: 0.25 },
      { kind: 'connector', installs: 0, share: 0, expectedShare: 0.35 },
    ]);
  });

  it('exports a scope as CSV', async () => {
    const csv = await usageCsv(database.db, { dimension: 'plugin', dimensionId: ctx.pluginId, bucket: 'day', from: new Date(NOW.getTime() - 86_400_000 * 2), to: NOW });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('bucket_start,metric,count,sum_duration_ms,value_cents');
    expect(lines).toContain('2027-03-10T00:00:00.000Z,revenue_attributed,1,0,1234567');
  });

  it('applies the retention policy', async () => {
    await ingestUsage(database.db, [event({ occurredAt: new Date(NOW.getTime() - 100 * 86_400_000).toISOString() })]);
    const removed = await applyUsageRetention(database.db, NOW);
    expect(removed.events).toBe(1);
    expect(removed.hourly).toBeGreaterThan(0);
    expect(removed.daily).toBe(0);
  });
});
