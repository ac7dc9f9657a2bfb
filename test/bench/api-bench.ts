/**
 * `npm run bench:api [-- --json] [-- --duration 10] [-- --db pglite] [-- --phases graphql,raw,uncached]`:
 * the marketplace listing query (20 listings, anonymous, as a marketplace visitor sends it) under
 * autocannon with 50 connections for a bounded duration, on a database seeded with 300 plugins
 * (PostgreSQL by default). Three runs, each after a 2 s warm-up, with autocannon in a child process:
 * - `graphql_*`: /graphql through production's chain (metrics, authentication, body caps, rate
 *   limiter); repeated anonymous queries are answered by the public-response fast path;
 * - `raw_*`: a hono endpoint returning the same data as JSON (checked equal at start) through the
 *   same middlewares and the same listing-row caching, serialised per request;
 * - `graphql_uncached_*`: /graphql with every cache off, so each request is parsed, validated,
 *   executed and serialised and queries the database: what a cache miss or a varied query costs.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { openDatabase } from '../../core/src/db/database.js';
import { createPostgresDatabase } from '../../core/src/db/test-database.js';
import { publishers } from '../../core/src/db/schema/identity.js';
import { bundles, pluginVersions, plugins } from '../../core/src/db/schema/registry.js';
import { createApp } from '../../core/src/http/app.js';
import { authenticate, type ActorEnv } from '../../core/src/http/authenticate.js';
import { rateLimit } from '../../core/src/graphql/limits/rate-limit.js';
import { listingCursor } from '../../core/src/graphql/listing-query.js';
import { encodeCursor } from '../../core/src/graphql/pagination.js';
import { PlatformMetrics } from '../../core/src/observability/metrics.js';
import { listen } from '../../core/src/http/server.js';
import { ListingCache } from '../../core/src/graphql/listing-cache.js';
import { createLogger } from '../../core/src/observability/logger.js';
import { ProviderCatalog } from '../../core/src/oauth/provider-catalog.js';
import type { PlatformServices } from '../../core/src/platform/platform-services.js';
import { InstallationCredentials } from '../../core/src/connections/installation-credentials.js';
import { TokenRefresher } from '../../core/src/connections/token-refresher.js';

const require = createRequire(import.meta.url);
const json = process.argv.includes('--json');
const durationArg = process.argv.indexOf('--duration');
const duration = Math.min(30, Math.max(1, durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10));
// --db postgres (a fresh database on TEST_DATABASE_URL's server, dropped afterwards) or --db pglite (embedded, in memory).
const dbArg = process.argv.indexOf('--db');
const dbKind = dbArg > 0 ? process.argv[dbArg + 1] : 'postgres';
// --phases graphql,raw,uncached (default all): which runs to make, e.g. one at a time under --cpu-prof.
const phasesArg = process.argv.indexOf('--phases');
const phases = phasesArg > 0 ? String(process.argv[phasesArg + 1]).split(',') : ['graphql', 'raw', 'uncached'];
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

/**
 * Autocannon runs in its own process, so the load generator does not share the
 * server's event loop (in-process it roughly doubled every latency). It reports
 * the exact p50/p95/p99 from every response time, not autocannon's p90/p97.5.
 */
const LOAD_SCRIPT = `
const autocannon = require(process.argv[1]);
const o = JSON.parse(process.argv[2]);
const times = [];
const inst = autocannon(o, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  times.sort((a, b) => a - b);
  const at = (p) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0);
  const round = (v) => Math.round(v * 100) / 100;
  process.stdout.write(JSON.stringify({ p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), rps: Math.round(r.requests.average), total: times.length, errors: r.errors + r.timeouts, non2xx: r.non2xx, statusCodes: r.statusCodeStats }));
});
inst.on('response', (_client, _status, _bytes, ms) => { times.push(ms); });
`;

interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  total: number;
  errors: number;
  non2xx: number;
}

/** One bounded autocannon run (50 connections, `seconds` long) in a child process. */
function load(url: string, body: string | undefined, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const options = { url, connections: 50, duration: seconds, method: body ? 'POST' : 'GET', body, headers: body ? { 'content-type': 'application/json', ...headers } : headers };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_SCRIPT, require.resolve('autocannon'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(JSON.parse(out) as LoadResult);
    });
  });
}

/** A short unrecorded run first (JIT, caches, connection pool), then the measured one. */
async function measure(name: string, url: string, body?: string): Promise<LoadResult> {
  log(`${name}: warm-up 2 s, then ${duration} s with 50 connections …`);
  await load(url, body, 2);
  return load(url, body, duration);
}

const upper = (v: string | null) => (v === null ? null : v.toUpperCase());

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
  // Production's middleware chain: request metrics, authentication, and the rate limiter (with a limit
  // the run cannot reach, so its cost is measured but it never answers 429). No background work runs
  // here: no job worker, ticker, sandbox or usage flush is started.
  const rateLimits = { perIp: 1e9, perCaller: 1e9, windowMs: 60_000 };
  const metrics = new PlatformMetrics();
  const api = createApp({ database, logger, version: 'bench', services, metrics, graphql: { rateLimit: rateLimits, graphiql: false } });
  // The raw endpoint passes the same middlewares (metrics, authenticate, rate limit) and reads the same
  // data through the same caching policy as the GraphQL resolver: listing rows from a ListingCache with
  // the resolver's TTL, publishers loaded once per cached page (not per request), serialised per request.
  const listingRows = new ListingCache(1_000);
  const pages = new WeakMap<object, Promise<Map<string, { name: string; verified: boolean }>>>();
  const root = new Hono<ActorEnv>();
  root.get('/raw/listings', metrics.middleware(), authenticate(database.db), rateLimit(rateLimits), async (c) => {
    const pending = listingRows.rows(database.db, { sort: 'popularity', limit: 21 });
    let pubs = pages.get(pending);
    if (!pubs) {
      pubs = pending.then(async (rows) => {
        const found = await database.db.select().from(publishers).where(inArray(publishers.id, [...new Set(rows.map((r) => r.publisherId))]));
        return new Map(found.map((p) => [p.id, { name: p.name, verified: p.verified }]));
      });
      pages.set(pending, pubs);
    }
    const [rows, byId] = await Promise.all([pending, pubs]);
    const page = rows.slice(0, 20);
    const edges = page.map((r) => ({
      cursor: encodeCursor(listingCursor('popularity', r)),
      node: { id: r.id, name: r.name, description: r.description, kind: upper(r.kind), categories: r.categories, icon: r.icon, authType: upper(r.authType), installCount: r.installCount, rating: r.rating, ratingCount: r.ratingCount, trustLevel: upper(r.trustLevel), publisher: byId.get(r.publisherId) ?? null },
    }));
    return c.json({ marketplace: { edges, pageInfo: { hasNextPage: rows.length > 20, endCursor: edges.at(-1)?.cursor ?? null } } });
  });
  root.route('/', api);
  // Requests still running when autocannon stops (their client gone) must finish before the database closes.
  let inFlight = 0;
  const counted =
    (handle: (...args: never[]) => Response | Promise<Response>) =>
    async (...args: unknown[]): Promise<Response> => {
      inFlight += 1;
      try {
        return await (handle as (...a: unknown[]) => Response | Promise<Response>)(...args);
      } finally {
        inFlight -= 1;
      }
    };
  const server = await listen(counted(root.fetch), 0, '127.0.0.1');
  const base = `http://127.0.0.1:${server.port}`;
  // The same app with every cache off (no public-response fast path, no listing-row cache): each request
  // is parsed, validated, executed and serialised and queries the database, as a cache miss or a varied query is.
  const uncachedApi = createApp({ database, logger, version: 'bench', services, metrics, graphql: { rateLimit: rateLimits, graphiql: false, listingCacheMs: 0 } });
  const uncachedServer = await listen(counted(uncachedApi.fetch), 0, '127.0.0.1');
  const body = JSON.stringify({ query: QUERY, variables: { first: 20 }, operationName: 'Marketplace' });

  // Both answer, with the same data.
  const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
  const check = await post(`${base}/graphql`);
  if (check.errors || check.data.marketplace.edges.length !== 20) throw new Error(`the listing query failed: ${JSON.stringify(check).slice(0, 300)}`);
  const uncachedCheck = await post(`http://127.0.0.1:${uncachedServer.port}/graphql`);
  const raw = await (await fetch(`${base}/raw/listings`)).json();
  if (!isDeepStrictEqual(raw, check.data) || !isDeepStrictEqual(uncachedCheck.data, check.data)) throw new Error('the raw endpoint and GraphQL return different data');

  const skipped: LoadResult = { p50: NaN, p95: NaN, p99: NaN, rps: NaN, total: 0, errors: 0, non2xx: 0 };
  const graphql = phases.includes('graphql') ? await measure('graphql (anonymous, public-response cache)', `${base}/graphql`, body) : skipped;
  const rawResult = phases.includes('raw') ? await measure('raw: GET /raw/listings', `${base}/raw/listings`) : skipped;
  const uncached = phases.includes('uncached') ? await measure('graphql with every cache off', `http://127.0.0.1:${uncachedServer.port}/graphql`, body) : skipped;
  for (let waited = 0; inFlight > 0 && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  const result = {
    database: database.kind,
    graphql_p50_ms: graphql.p50,
    graphql_p95_ms: graphql.p95,
    graphql_p99_ms: graphql.p99,
    graphql_rps: graphql.rps,
    graphql_errors: graphql.errors + graphql.non2xx,
    raw_p50_ms: rawResult.p50,
    raw_p95_ms: rawResult.p95,
    raw_rps: rawResult.rps,
    raw_errors: rawResult.errors + rawResult.non2xx,
    graphql_uncached_p50_ms: uncached.p50,
    graphql_uncached_p95_ms: uncached.p95,
    graphql_uncached_rps: uncached.rps,
    graphql_uncached_errors: uncached.errors + uncached.non2xx,
    connections: 50,
    duration_s: duration,
    plugins_seeded: 300,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else for (const [k, v] of Object.entries(result)) log(`${k.padEnd(24)} ${v}`);
  // Teardown after the numbers are out: a failure here (the shared PostgreSQL server dropping a
  // connection) is reported on stderr and fails the run, but cannot lose a measurement.
  const teardownFailed = (err: unknown) => {
    process.stderr.write(`bench:api: teardown failed: ${(err as Error).message ?? err}\n`);
    process.exit(1);
  };
  process.on('unhandledRejection', teardownFailed);
  try {
    await server.close(5000);
    await uncachedServer.close(5000);
    await database.close();
    await created?.drop();
  } catch (err) {
    teardownFailed(err);
  }
  process.exit(0);
}

// The whole run is bounded: seeding, three warm-ups and three measured runs fit well within this.
setTimeout(() => {
  process.stderr.write('bench:api: gave up after 5 minutes\n');
  process.exit(1);
}, 300_000).unref();

main().catch((err) => {
  process.stderr.write(`bench:api failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});

