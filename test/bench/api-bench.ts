/**
 * `npm run bench:api [-- --json] [-- --duration 10]`: the marketplace listing
 * query through the whole GraphQL stack (hono, authentication, body cap, rate
 * limiter, yoga, limits, resolvers, batch loaders) against a raw hono endpoint
 * returning the same data as JSON, each under autocannon with 50 connections
 * for a bounded duration, on a database seeded with 300 plugins (PostgreSQL by
 * default, `--db pglite` for the embedded one).
 */
import { inArray } from 'drizzle-orm';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { openDatabase } from '../../core/src/db/database.js';
import { createPostgresDatabase } from '../../core/src/db/test-database.js';
import { publishers } from '../../core/src/db/schema/identity.js';
import { bundles, pluginVersions, plugins } from '../../core/src/db/schema/registry.js';
import { createApp } from '../../core/src/http/app.js';
import { listen } from '../../core/src/http/server.js';
import { ListingCache } from '../../core/src/graphql/listing-cache.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProviderCatalog } from '../../core/src/oauth/provider-catalog.js';
import type { PlatformServices } from '../../core/src/platform/platform-services.js';
import { InstallationCredentials } from '../../core/src/connections/installation-credentials.js';
import { TokenRefresher } from '../../core/src/connections/token-refresher.js';

const json = process.argv.includes('--json');
const durationArg = process.argv.indexOf('--duration');
const duration = Math.min(30, Math.max(1, durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10));
// --db postgres (a fresh database on TEST_DATABASE_URL's server, dropped afterwards) or --db pglite (embedded, in memory).
const dbArg = process.argv.indexOf('--db');
const dbKind = dbArg > 0 ? process.argv[dbArg + 1] : 'postgres';
const log = (line: string) => (json ? undefined : process.stdout.write(`${line}\n`));

const QUERY = `query Marketplace($first: Int) { marketplace(first: $first, sort: POPULARITY) { edges { cursor node { id name description kind categories icon authType installCount rating ratingCount trustLevel publisher { name verified } } } pageInfo { hasNextPage endCursor } } }`;
const CATEGORIES = ['crm', 'ecommerce', 'email', 'analytics', 'support', 'payments'];

async function seed(db: PlatformServices['database']['db'], count: number) {
  const pubs = await db.insert(publishers).values(Array.from({ length: 10 }, (_, i) => ({ slug: `bench-pub-${i}`, name: `Bench Publisher ${i}`, verified: i % 2 === 0 }))).returning();
  await db.insert(bundles).values({ digest: 'sha256:bench', bytes: Buffer.from('{}'), size: 2 });
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `bench-plugin-${i}`,
    publisherId: pubs[i % pubs.length]!.id,
    name: `Bench Integration ${i}`,
    description: `Syncs contacts and orders for benchmark ${i}.`,
    kind: (['native', 'api', 'connector'] as const)[i % 3]!,
    categories: [CATEGORIES[i % CATEGORIES.length]!],
    authType: ['oauth2', 'api_key', 'none'][i % 3]!,
    installCount: (i * 7919) % 1000,
    ratingSum: (i % 5) * 10 + 20,
    ratingCount: 10,
  }));
  await db.insert(plugins).values(rows);
  const versions = rows.flatMap((p) =>
    [0, 1, 2].map((minor) => ({
      pluginId: p.id,
      version: `1.${minor}.0`,
      major: 1,
      minor,
      patch: 0,
      state: minor === 2 ? ('draft' as const) : ('certified' as const),
      trustLevel: minor === 2 ? ('community' as const) : ('certified' as const),
      manifest: { id: p.id, version: `1.${minor}.0`, auth: { type: p.authType, scopes: ['read'] }, permissions: { hosts: ['api.example.com'] } },
      bundleDigest: 'sha256:bench',
      signature: 'x',
      signingKeyId: 'x',
      changelog: 'bench',
    })),
  );
  for (let i = 0; i < versions.length; i += 300) await db.insert(pluginVersions).values(versions.slice(i, i + 300));
}

function run(url: string, body: string | undefined): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 50, duration, method: body ? 'POST' : 'GET', body, headers: body ? { 'content-type': 'application/json' } : {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function main() {
  const created = dbKind === 'postgres' ? await createPostgresDatabase('nudge_bench') : undefined;
  const database = await openDatabase({ databaseUrl: created?.url });
  await database.migrate();
  await seed(database.db, 300);
  const logger = createLogger('silent');
  const clock = { now: () => new Date() };
  const connections = { db: database.db, vault: undefined, catalog: ProviderCatalog.fromDirectory(), logger, publicUrl: 'http://127.0.0.1', now: () => new Date() };
  const refresher = new TokenRefresher(connections);
  const services: PlatformServices = {
    database,
    clock,
    logger,
    publicUrl: 'http://127.0.0.1',
    demo: false,
    connections,
    refresher,
    credentials: new InstallationCredentials(connections, refresher),
    registry: { db: database.db, clock, logger },
    installations: { db: database.db, clock },
  };
  // The rate limiter stays in the path (with a limit the run cannot reach) so its cost is measured.
  const api = createApp({ database, logger, version: 'bench', services, graphql: { rateLimit: { perIp: 1e9, perCaller: 1e9, windowMs: 60_000 }, graphiql: false } });
  const root = new Hono();
  root.onError((err, c) => c.json({ error: (err as Error).message }, 500));
  // The same 2 s listing cache the GraphQL resolver uses. The GraphQL requests are anonymous, as a
  // marketplace visitor's are, so most are answered by the anonymous public-response cache
  // (core/src/graphql/public-response-cache.ts) after the body cap, authentication and rate limiter;
  // a token or session would bypass it. This endpoint still queries publishers on every request.
  const cache = new ListingCache(2_000);
  root.get('/raw/listings', async (c) => {
    const rows = await cache.rows(database.db, { sort: 'popularity', limit: 21 });
    const pubs = await database.db.select().from(publishers).where(inArray(publishers.id, [...new Set(rows.map((r) => r.publisherId))]));
    const byId = new Map(pubs.map((p) => [p.id, p]));
    const page = rows.slice(0, 20);
    return c.json({
      edges: page.map((r) => ({
        node: { id: r.id, name: r.name, description: r.description, kind: r.kind, categories: r.categories, icon: r.icon, authType: r.authType, installCount: r.installCount, rating: r.rating, ratingCount: r.ratingCount, trustLevel: r.trustLevel, publisher: { name: byId.get(r.publisherId)?.name, verified: byId.get(r.publisherId)?.verified } },
      })),
      pageInfo: { hasNextPage: rows.length > 20 },
    });
  });
  root.route('/', api);
  const server = await listen(root.fetch, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${server.port}`;
  const body = JSON.stringify({ query: QUERY, variables: { first: 20 }, operationName: 'Marketplace' });

  // Check both answer, then warm up.
  const check = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
  if (check.errors || check.data.marketplace.edges.length !== 20) throw new Error(`the listing query failed: ${JSON.stringify(check).slice(0, 300)}`);
  for (let i = 0; i < 200; i++) await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  log(`graphql: marketplace(first: 20) with 50 connections for ${duration} s …`);
  const graphql = await run(`${base}/graphql`, body);
  log(`raw: GET /raw/listings with 50 connections for ${duration} s …`);
  const raw = await run(`${base}/raw/listings`, undefined);
  // Let autocannon's last in-flight requests finish before the pool closes.
  await new Promise((r) => setTimeout(r, 500));
  await server.close(5000);
  await database.close();
  await created?.drop();

  const result = {
    database: database.kind,
    graphql_p50_ms: graphql.latency.p50,
    graphql_p95_ms: (graphql.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentile95(graphql) : graphql.latency.p90,
    graphql_rps: Math.round(graphql.requests.average),
    graphql_errors: graphql.errors + graphql.non2xx,
    raw_p95_ms: percentile95(raw),
    raw_rps: Math.round(raw.requests.average),
    raw_errors: raw.errors + raw.non2xx,
    connections: 50,
    duration_s: duration,
    plugins_seeded: 300,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else for (const [k, v] of Object.entries(result)) log(`${k.padEnd(16)} ${v}`);
}

/** autocannon reports p90 and p97.5, not p95: interpolate between them. */
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as Record<string, number>;
  const p90 = l.p90 ?? 0;
  const p975 = l.p97_5 ?? p90;
  return Math.round((p90 + ((95 - 90) / (97.5 - 90)) * (p975 - p90)) * 100) / 100;
}

main().catch((err) => {
  process.stderr.write(`bench:api failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});

