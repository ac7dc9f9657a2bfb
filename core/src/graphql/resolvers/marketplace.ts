/**
 * The marketplace: listings (search, filters, sorts, Relay cursors), a
 * listing's versions, scopes, hosts, certification, rating and reviews, and
 * the mutation that reviews an integration. Listings are public.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/identity.js';
import { pluginReviews, plugins } from '../../db/schema/registry.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { LISTED_STATES } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { isListingCursor, listingCursor, queryListings, type ListingRow, type ListingSort } from '../listing-query.js';
import type { PluginRow, PublisherRow, VersionRow } from '../loaders.js';
import { connectionFrom, decodeCursor, offsetConnection, pageSize, type Connection } from '../pagination.js';

/** What a Listing resolves from: a marketplace row, or a publisher's own plugin that may have no listed version. */
export type ListingParent = Omit<ListingRow, 'versionId' | 'version' | 'state' | 'trustLevel' | 'scopes' | 'hosts'> & {
  versionId: string | null;
  state: VersionRow['state'] | null;
  trustLevel: VersionRow['trustLevel'] | null;
  scopes: string[] | null;
  hosts: string[] | null;
};

interface MarketplaceArgs {
  search?: string | null;
  filter?: { kind?: string[] | null; category?: string | null; trustLevel?: string[] | null; authType?: string[] | null } | null;
  sort?: ListingSort | null;
  first?: number | null;
  after?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

interface ReviewRow {
  id: string;
  rating: number;
  body: string;
  authorName: string;
  createdAt: Date;
}

const rank = (v: VersionRow) => (v.state === 'certified' ? 0 : v.state === 'deprecated' ? 1 : (LISTED_STATES as readonly string[]).includes(v.state) ? 2 : 3);

/** A Listing parent for a plugin row, choosing its listed version the way the marketplace query does. */
export function listingFromPlugin(plugin: PluginRow, versions: VersionRow[]): ListingParent {
  const chosen = [...versions].sort((a, b) => rank(a) - rank(b))[0];
  const manifest = (chosen?.manifest ?? {}) as { auth?: { scopes?: string[] }; permissions?: { hosts?: string[] } };
  const { ratingSum: _sum, ...rest } = plugin;
  return {
    ...rest,
    rating: plugin.ratingCount > 0 ? plugin.ratingSum / plugin.ratingCount : null,
    versionId: chosen?.id ?? null,
    state: chosen?.state ?? null,
    trustLevel: chosen?.trustLevel ?? null,
    scopes: manifest.auth?.scopes ?? null,
    hosts: manifest.permissions?.hosts ?? null,
  };
}

/** A listing by plugin id: public when listed, otherwise only for its publisher's members and reviewers. */
export async function loadListing(ctx: GraphQLContext, pluginId: string): Promise<ListingParent | null> {
  const plugin = await ctx.loaders.plugin.load(pluginId);
  if (!plugin) return null;
  const versions = (await ctx.loaders.versionsOf.load(pluginId)) ?? [];
  const listed = versions.some((v) => rank(v) < 3);
  if (!listed && !(await ctx.auth.canSeeVersionInternals({ pluginId }, plugin.publisherId))) return null;
  return listingFromPlugin(plugin, versions);
}

async function visibleVersions(ctx: GraphQLContext, listing: ListingParent): Promise<VersionRow[]> {
  const versions = (await ctx.loaders.versionsOf.load(listing.id)) ?? [];
  return ctx.auth.visibleVersions(versions, listing.publisherId);
}

export const marketplaceResolvers = {
  Query: {
    async marketplace(_: unknown, args: MarketplaceArgs, ctx: GraphQLContext): Promise<Connection<ListingParent>> {
      const sort = args.sort ?? 'popularity';
      const limit = pageSize(args.first);
      const after = decodeCursor(args.after, isListingCursor);
      if (after && after.s !== sort) throw new ValidationError('The cursor belongs to another sort order; start again without "after".', { path: 'after' });
      const rows = await ctx.listings.rows(ctx.services.database.db, { sort, limit: limit + 1, after, search: args.search, ...(args.filter ?? {}) });
      return connectionFrom(rows, limit, (row) => listingCursor(sort, row), Boolean(after));
    },
    listing(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<ListingParent | null> {
      return loadListing(ctx, args.id);
    },
    async categories(_: unknown, __: unknown, ctx: GraphQLContext): Promise<string[]> {
      const rows = await queryListings(ctx.services.database.db, { sort: 'popularity', limit: 10_000 });
      return [...new Set(rows.flatMap((r) => r.categories))].sort();
    },
  },
  Listing: {
    publisher(listing: ListingParent, _: unknown, ctx: GraphQLContext): Promise<PublisherRow | undefined> {
      return ctx.loaders.publisher.load(listing.publisherId);
    },
    trustLevel: (listing: ListingParent) => listing.trustLevel ?? 'community',
    certification: (listing: ListingParent) => listing.state ?? 'draft',
    scopes: (listing: ListingParent) => (Array.isArray(listing.scopes) ? listing.scopes : []),
    hosts: (listing: ListingParent) => (Array.isArray(listing.hosts) ? listing.hosts : []),
    async latestVersion(listing: ListingParent, _: unknown, ctx: GraphQLContext): Promise<VersionRow | null> {
      if (!listing.versionId) return null;
      const version = await ctx.loaders.version.load(listing.versionId);
      return version && (await ctx.auth.canSeeVersion(version, listing.publisherId)) ? version : null;
    },
    async versions(listing: ListingParent, args: PageArgs, ctx: GraphQLContext): Promise<Connection<VersionRow>> {
      const visible = await visibleVersions(ctx, listing);
      return offsetConnection(args, async (limit, offset) => visible.slice(offset, offset + limit));
    },
    reviews(listing: ListingParent, args: PageArgs, ctx: GraphQLContext): Promise<Connection<ReviewRow>> {
      return offsetConnection(args, (limit, offset) =>
        ctx.services.database.db
          .select({ id: pluginReviews.id, rating: pluginReviews.rating, body: pluginReviews.body, authorName: users.name, createdAt: pluginReviews.createdAt })
          .from(pluginReviews)
          .innerJoin(users, eq(users.id, pluginReviews.userId))
          .where(eq(pluginReviews.pluginId, listing.id))
          .orderBy(desc(pluginReviews.createdAt), desc(pluginReviews.id))
          .limit(limit)
          .offset(offset),
      );
    },
  },
  Mutation: {
    async reviewPlugin(_: unknown, args: { pluginId: string; rating: number; body?: string | null }, ctx: GraphQLContext): Promise<ReviewRow> {
      const actor = ctx.auth.requireActor('workspace_write');
      if (!Number.isInteger(args.rating) || args.rating < 1 || args.rating > 5) throw new ValidationError('rating must be an integer from 1 to 5.', { path: 'rating' });
      const body = (args.body ?? '').trim();
      if (body.length > 4000) throw new ValidationError('A review is at most 4000 characters.', { path: 'body' });
      if (!(await loadListing(ctx, args.pluginId))) throw new NotFoundError(`Plugin ${args.pluginId}`);
      const db = ctx.services.database.db;
      const now = ctx.services.clock.now();
      // Loaded before the transaction: on PGlite (one connection) a query outside the open transaction would wait forever.
      const author = await ctx.loaders.user.load(actor.userId);
      return db.transaction(async (tx) => {
        const [previous] = await tx.select().from(pluginReviews).where(and(eq(pluginReviews.pluginId, args.pluginId), eq(pluginReviews.userId, actor.userId))).for('update');
        const [row] = previous
          ? await tx.update(pluginReviews).set({ rating: args.rating, body, createdAt: now }).where(eq(pluginReviews.id, previous.id)).returning()
          : await tx.insert(pluginReviews).values({ pluginId: args.pluginId, userId: actor.userId, rating: args.rating, body, createdAt: now }).returning();
        await tx
          .update(plugins)
          .set({ ratingSum: sql`${plugins.ratingSum} + ${args.rating - (previous?.rating ?? 0)}`, ratingCount: sql`${plugins.ratingCount} + ${previous ? 0 : 1}` })
          .where(eq(plugins.id, args.pluginId));
        return { id: row!.id, rating: row!.rating, body: row!.body, authorName: author?.name ?? '', createdAt: row!.createdAt };
      });
    },
  },
};
