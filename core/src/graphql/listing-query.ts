/**
 * The marketplace listing query: one SQL statement that picks each plugin's
 * listed version (the newest certified, else deprecated, else the newest
 * community one), filters, searches and orders with a keyset cursor. Shared by
 * the GraphQL resolver and the raw JSON endpoint the API benchmark compares with.
 */
import { and, asc, desc, eq, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import { LISTED_STATES } from './authorization.js';

export type ListingSort = 'popularity' | 'newest' | 'rating';

export interface ListingQuery {
  search?: string | null | undefined;
  kind?: string[] | null | undefined;
  category?: string | null | undefined;
  trustLevel?: string[] | null | undefined;
  authType?: string[] | null | undefined;
  sort: ListingSort;
  limit: number;
  after?: ListingCursor | undefined;
  pluginId?: string;
}

export interface ListingCursor {
  s: ListingSort;
  k: number | string;
  id: string;
}

export function isListingCursor(value: unknown): value is ListingCursor {
  const v = value as Partial<ListingCursor> | null;
  return typeof v === 'object' && v !== null && (v.s === 'popularity' || v.s === 'newest' || v.s === 'rating') && typeof v.id === 'string' && (typeof v.k === 'number' || typeof v.k === 'string');
}

const ratingAvg = sql<number | null>`(${plugins.ratingSum}::float8 / nullif(${plugins.ratingCount}, 0))`;
const ratingKey = sql<number>`coalesce(${plugins.ratingSum}::float8 / nullif(${plugins.ratingCount}, 0), -1)`;

export async function queryListings(db: DbOrTx, q: ListingQuery) {
  // The version a listing shows: certified first, then deprecated, then the newest community version.
  // A lateral subquery, so only the plugins that make the page are looked up (by the plugin/major index).
  const listed = db
    .select({
      versionId: sql<string>`${pluginVersions.id}`.as('version_id'),
      version: pluginVersions.version,
      state: pluginVersions.state,
      trustLevel: pluginVersions.trustLevel,
      scopes: sql<string[] | null>`${pluginVersions.manifest}->'auth'->'scopes'`.as('scopes'),
      hosts: sql<string[] | null>`${pluginVersions.manifest}->'permissions'->'hosts'`.as('hosts'),
    })
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, plugins.id), inArray(pluginVersions.state, [...LISTED_STATES])))
    .orderBy(sql`case ${pluginVersions.state} when 'certified' then 0 when 'deprecated' then 1 else 2 end`, desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch))
    .limit(1)
    .as('listed');
  const where: SQL[] = [];
  if (q.pluginId) where.push(eq(plugins.id, q.pluginId));
  if (q.search?.trim()) {
    const pattern = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(plugins.name, pattern), ilike(plugins.description, pattern), sql`array_to_string(${plugins.categories}, ' ') ilike ${pattern}`)!);
  }
  if (q.kind?.length) where.push(inArray(plugins.kind, q.kind as Array<'native' | 'api' | 'connector'>));
  if (q.category) where.push(sql`${q.category} = any(${plugins.categories})`);
  if (q.authType?.length) where.push(inArray(plugins.authType, q.authType));
  if (q.trustLevel?.length) where.push(inArray(listed.trustLevel, q.trustLevel as Array<'community' | 'verified_publisher' | 'certified'>));

  // Timestamps compare at millisecond precision, the precision a cursor can carry.
  const key: SQL = q.sort === 'popularity' ? sql`${plugins.installCount}` : q.sort === 'newest' ? sql`date_trunc('milliseconds', ${plugins.createdAt})` : ratingKey;
  if (q.after) {
    const k = q.sort === 'newest' ? sql`${String(q.after.k)}::timestamptz` : sql`${Number(q.after.k)}`;
    where.push(or(lt(key, k), and(eq(key, k), gt(plugins.id, q.after.id)))!);
  }

  return db
    .select({
      id: plugins.id,
      publisherId: plugins.publisherId,
      name: plugins.name,
      description: plugins.description,
      kind: plugins.kind,
      categories: plugins.categories,
      icon: plugins.icon,
      authType: plugins.authType,
      installCount: plugins.installCount,
      ratingCount: plugins.ratingCount,
      rating: ratingAvg,
      createdAt: plugins.createdAt,
      updatedAt: plugins.updatedAt,
      versionId: listed.versionId,
      version: listed.version,
      state: listed.state,
      trustLevel: listed.trustLevel,
      scopes: listed.scopes,
      hosts: listed.hosts,
    })
    .from(plugins)
    .innerJoinLateral(listed, sql`true`)
    .where(and(...where))
    .orderBy(desc(key), asc(plugins.id))
    .limit(q.limit);
}

export type ListingRow = Awaited<ReturnType<typeof queryListings>>[number];

export function listingCursor(sort: ListingSort, row: ListingRow): ListingCursor {
  const k = sort === 'popularity' ? row.installCount : sort === 'newest' ? new Date(row.createdAt).toISOString() : (row.rating ?? -1);
  return { s: sort, k, id: row.id };
}
