/**
 * Usage, ROI and SLOs for each audience: customers read their workspace and
 * installations, publishers their plugins and versions, the internal team
 * everything plus targets, ROI, adoption and uptime, and platform admins edit
 * targets, manual ROI inputs and rates (audited). The numbers come from the
 * usage module (usage/usage-reports.ts, usage/slo.ts, usage/usage-settings.ts);
 * who may read which scope is the Authorizer's (which reuses usage-access.ts).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import type { DbOrTx } from '../../db/database.js';
import { installations } from '../../db/schema/installations.js';
import { plugins } from '../../db/schema/registry.js';
import { ValidationError, NotFoundError } from '../../errors.js';
import { platformUptime, versionSlo } from '../../usage/slo.js';
import { adoptionByType, integrationRoi, successMetrics, usageSeries } from '../../usage/usage-reports.js';
import { readRates, usageSettingKeys, write, type ManualRoiInputs, type SuccessTargets } from '../../usage/usage-settings.js';
import type { RoiRates } from '../../usage/roi.js';
import { type InstallationRow, type UsageDimension } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { offsetConnection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

const DAY = 86_400_000;
type Bucket = 'hour' | 'day';
/** The longest window per bucket (the rollups' retention): hourly 35 days, daily 2 years. */
const MAX_WINDOW_MS: Record<Bucket, number> = { hour: 35 * DAY, day: 731 * DAY };

interface WindowArgs {
  from?: Date | null;
  to?: Date | null;
}

function window(ctx: GraphQLContext, args: WindowArgs, bucket: Bucket = 'day'): { from: Date; to: Date } {
  const to = args.to ?? ctx.services.clock.now();
  const from = args.from ?? new Date(to.getTime() - 30 * DAY);
  if (from.getTime() >= to.getTime()) throw new ValidationError('"from" must be before "to".', { path: 'from' });
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS[bucket]) {
    throw new ValidationError(`A ${bucket}ly window may span at most ${Math.round(MAX_WINDOW_MS[bucket] / DAY)} days.`, { path: 'from' });
  }
  return { from, to };
}

type UsageRow = Awaited<ReturnType<typeof usageSeries>>[number];

interface UsageReportView {
  dimension: UsageDimension;
  id: string;
  bucket: Bucket;
  from: Date;
  to: Date;
  rows: UsageRow[];
}

async function report(ctx: GraphQLContext, dimension: UsageDimension, id: string, args: WindowArgs & { bucket?: Bucket | null }): Promise<UsageReportView> {
  await ctx.auth.requireUsage(dimension, id);
  const bucket = args.bucket ?? 'day';
  const { from, to } = window(ctx, args, bucket);
  const rows = await usageSeries(ctx.services.database.db, { dimension, dimensionId: id, bucket, from, to });
  return { dimension, id, bucket, from, to, rows };
}

function finite(values: Record<string, number>, path: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (!Number.isFinite(value) || value < 0) throw new ValidationError(`${path}.${key} must be a number of 0 or more.`, { path: `${path}.${key}` });
  }
}

async function requirePlugin(db: DbOrTx, pluginId: string): Promise<void> {
  const [row] = await db.select({ id: plugins.id }).from(plugins).where(eq(plugins.id, pluginId));
  if (!row) throw new NotFoundError(`Plugin ${pluginId}`);
}

async function saveSetting(ctx: GraphQLContext, key: string, value: unknown, targetId: string, action: string): Promise<void> {
  const actor = ctx.auth.requirePlatform('admin');
  const now = ctx.services.clock.now();
  await ctx.services.database.db.transaction(async (tx) => {
    await write(tx, key, value, now);
    await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action, targetType: 'platform_setting', targetId, at: now, data: { key, value } });
  });
}

const lower = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as { [K in T[number] as Uppercase<K>]: K };

export const usageResolvers = {
  UsageDimension: lower(['installation', 'plugin', 'version', 'publisher', 'workspace', 'platform'] as const),
  UsageBucket: lower(['hour', 'day'] as const),
  Query: {
    usage(_: unknown, args: WindowArgs & { dimension: UsageDimension; id: string; bucket?: Bucket | null }, ctx: GraphQLContext) {
      return report(ctx, args.dimension, args.id, args);
    },
    async versionSlo(_: unknown, args: WindowArgs & { versionId: string }, ctx: GraphQLContext) {
      await ctx.auth.requireUsage('version', args.versionId);
      const { from, to } = window(ctx, args);
      const db = ctx.services.database.db;
      const slo = await versionSlo(db, args.versionId, from, to);
      const [counts] = await db
        .select({ installs: sql<string>`count(*) filter (where ${installations.state} <> 'uninstalled')`, active: sql<string>`count(*) filter (where ${installations.state} = 'active')` })
        .from(installations)
        .where(and(eq(installations.versionId, args.versionId), ne(installations.state, 'uninstalled')));
      return { ...slo, from, to, installs: Number(counts?.installs ?? 0), activeInstalls: Number(counts?.active ?? 0) };
    },
    async successMetrics(_: unknown, args: { pluginId: string }, ctx: GraphQLContext) {
      await ctx.auth.requireUsage('plugin', args.pluginId);
      return successMetrics(ctx.services.database.db, args.pluginId, ctx.services.clock.now());
    },
    async integrationRoi(_: unknown, args: { pluginId: string }, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return { pluginId: args.pluginId, ...(await integrationRoi(ctx.services.database.db, args.pluginId)) };
    },
    adoptionByType(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return adoptionByType(ctx.services.database.db);
    },
    async platformUptime(_: unknown, args: WindowArgs, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      const { from, to } = window(ctx, args);
      return { from, to, ...(await platformUptime(ctx.services.database.db, from, to)) };
    },
    roiRates(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireInternalTeam();
      return readRates(ctx.services.database.db);
    },
  },
  Workspace: {
    usage: (ws: { id: string }, args: WindowArgs & { bucket?: Bucket | null }, ctx: GraphQLContext) => report(ctx, 'workspace', ws.id, args),
  },
  Installation: {
    usage: (inst: InstallationRow, args: WindowArgs & { bucket?: Bucket | null }, ctx: GraphQLContext) => report(ctx, 'installation', inst.id, args),
  },
  UsageReport: {
    totals(r: UsageReportView) {
      const byMetric = new Map<string, { metric: string; count: number; sumDurationMs: number; valueCents: number }>();
      for (const row of r.rows) {
        const t = byMetric.get(row.metric) ?? { metric: row.metric, count: 0, sumDurationMs: 0, valueCents: 0 };
        t.count += Number(row.count);
        t.sumDurationMs += Number(row.sum);
        t.valueCents += Number(row.valueCents);
        byMetric.set(row.metric, t);
      }
      return [...byMetric.values()].sort((a, b) => a.metric.localeCompare(b.metric));
    },
    series(r: UsageReportView, args: PageArgs) {
      return offsetConnection(
        args,
        async (limit, offset) => r.rows.slice(offset, offset + limit).map((row) => ({ bucketStart: row.bucketStart, metric: row.metric, count: Number(row.count), sumDurationMs: Number(row.sum), valueCents: Number(row.valueCents) })),
        100,
      );
    },
  },
  Mutation: {
    async setSuccessTargets(_: unknown, args: { pluginId: string; input: SuccessTargets }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      finite({ ...args.input }, 'input');
      await requirePlugin(ctx.services.database.db, args.pluginId);
      await saveSetting(ctx, usageSettingKeys.targets(args.pluginId), { ...args.input }, args.pluginId, 'usage.targets_set');
      return successMetrics(ctx.services.database.db, args.pluginId, ctx.services.clock.now());
    },
    async setRoiInputs(_: unknown, args: { pluginId: string; input: ManualRoiInputs }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      finite({ ...args.input }, 'input');
      await requirePlugin(ctx.services.database.db, args.pluginId);
      await saveSetting(ctx, usageSettingKeys.roiInputs(args.pluginId), { ...args.input }, args.pluginId, 'usage.roi_inputs_set');
      return { pluginId: args.pluginId, ...(await integrationRoi(ctx.services.database.db, args.pluginId)) };
    },
    async setRoiRates(_: unknown, args: { input: RoiRates }, ctx: GraphQLContext) {
      ctx.auth.requirePlatform('admin');
      finite({ ...args.input }, 'input');
      await saveSetting(ctx, usageSettingKeys.rates, { ...args.input }, usageSettingKeys.rates, 'usage.roi_rates_set');
      return readRates(ctx.services.database.db);
    },
  },
};
