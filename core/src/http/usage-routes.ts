/**
 * GET /usage/export.csv — rollups for one scope as CSV, for the people allowed
 * to read it — and GET /metrics for Prometheus.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Db } from '../db/database.js';
import { jobs } from '../db/schema/runtime.js';
import { ROLLUP_BUCKETS, ROLLUP_DIMENSIONS } from '../db/schema/usage.js';
import { ValidationError } from '../errors.js';
import { ForbiddenError } from '../identity/actor.js';
import type { PlatformMetrics } from '../observability/metrics.js';
import { assertUsageAccess } from '../usage/usage-access.js';
import { usageCsv } from '../usage/usage-reports.js';
import type { ActorEnv } from './authenticate.js';

function date(raw: string | undefined, fallback: Date, name: string): Date {
  if (!raw) return fallback;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`"${name}" must be an ISO date like 2027-01-31.`, { path: name });
  return d;
}

export function usageRoutes(db: Db, metrics: PlatformMetrics | undefined): Hono<ActorEnv> {
  const routes = new Hono<ActorEnv>();

  routes.get('/usage/export.csv', async (c) => {
    const dimension = c.req.query('dimension') as (typeof ROLLUP_DIMENSIONS)[number];
    const bucket = (c.req.query('bucket') ?? 'day') as (typeof ROLLUP_BUCKETS)[number];
    const id = c.req.query('id') ?? (dimension === 'platform' ? 'all' : '');
    if (!ROLLUP_DIMENSIONS.includes(dimension)) throw new ValidationError(`"dimension" must be one of ${ROLLUP_DIMENSIONS.join(', ')}.`, { path: 'dimension' });
    if (!ROLLUP_BUCKETS.includes(bucket)) throw new ValidationError('"bucket" must be hour or day.', { path: 'bucket' });
    if (!id) throw new ValidationError('"id" is required.', { path: 'id' });
    await assertUsageAccess(db, c.get('actor'), dimension, id);
    const to = date(c.req.query('to'), new Date(), 'to');
    const from = date(c.req.query('from'), new Date(to.getTime() - 30 * 86_400_000), 'from');
    const body = await usageCsv(db, { dimension, dimensionId: id, bucket, from, to });
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="usage-${dimension}-${bucket}.csv"` });
  });

  if (metrics) {
    // Scraped from the machine itself (or by the internal team); not a public page.
    routes.get('/metrics', async (c) => {
      const actor = c.get('actor');
      let address = '';
      try {
        address = getConnInfo(c).remote.address ?? '';
      } catch {
        address = '';
      }
      const loopback = /^(127\.|::1$|::ffff:127\.)/.test(address);
      if (!loopback && actor?.platformRole !== 'admin' && actor?.platformRole !== 'reviewer') throw new ForbiddenError('Metrics are available from the machine itself or to the internal team.');
      const depth = await db.select({ state: jobs.state, n: sql<string>`count(*)` }).from(jobs).groupBy(jobs.state);
      for (const state of ['queued', 'running', 'failed', 'dead'] as const) metrics.jobQueueDepth.set({ state }, Number(depth.find((d) => d.state === state)?.n ?? 0));
      const [oldest] = await db
        .select({ at: sql<string | null>`min(${jobs.runAt})` })
        .from(jobs)
        .where(and(eq(jobs.state, 'queued'), lte(jobs.runAt, new Date())));
      metrics.jobQueueAge.set(oldest?.at ? Math.max(0, (Date.now() - new Date(oldest.at).getTime()) / 1000) : 0);
      return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
    });
  }
  return routes;
}
