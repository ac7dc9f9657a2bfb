/**
 * A plugin version as the API shows it: public facts for listed versions, and
 * the certification report and install analytics for its publisher's members
 * and platform reviewers.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { installations } from '../../db/schema/installations.js';
import type { GraphQLContext } from '../context.js';
import type { CertificationCheckRow, CertificationRunRow, VersionRow } from '../loaders.js';
import { CERTIFICATION_GATES } from '../../db/schema/registry.js';
import { loadListing, type ListingParent } from './marketplace.js';

interface Manifestish {
  auth?: { scopes?: string[] };
  permissions?: { hosts?: string[] };
}

/** A version the caller may see, or null. */
export async function loadVersion(ctx: GraphQLContext, versionId: string): Promise<VersionRow | null> {
  const version = await ctx.loaders.version.load(versionId);
  if (!version) return null;
  const plugin = await ctx.loaders.plugin.load(version.pluginId);
  return (await ctx.auth.canSeeVersion(version, plugin?.publisherId)) ? version : null;
}

async function internalsVisible(ctx: GraphQLContext, version: VersionRow): Promise<boolean> {
  const plugin = await ctx.loaders.plugin.load(version.pluginId);
  return ctx.auth.canSeeVersionInternals(version, plugin?.publisherId);
}

export const versionResolvers = {
  Query: {
    pluginVersion(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<VersionRow | null> {
      return loadVersion(ctx, args.id);
    },
  },
  PluginVersion: {
    async listing(version: VersionRow, _: unknown, ctx: GraphQLContext): Promise<ListingParent | null> {
      return loadListing(ctx, version.pluginId);
    },
    scopes: (version: VersionRow) => (version.manifest as Manifestish).auth?.scopes ?? [],
    hosts: (version: VersionRow) => (version.manifest as Manifestish).permissions?.hosts ?? [],
    async certification(version: VersionRow, _: unknown, ctx: GraphQLContext): Promise<CertificationRunRow | null> {
      if (!(await internalsVisible(ctx, version))) return null;
      return (await ctx.loaders.latestRun.load(version.id)) ?? null;
    },
    async analytics(version: VersionRow, _: unknown, ctx: GraphQLContext): Promise<{ installs: number; activeInstalls: number } | null> {
      if (!(await internalsVisible(ctx, version))) return null;
      const [row] = await ctx.services.database.db
        .select({ installs: sql<number>`count(*)::int`, activeInstalls: sql<number>`(count(*) filter (where ${installations.state} = 'active'))::int` })
        .from(installations)
        .where(and(eq(installations.versionId, version.id), ne(installations.state, 'uninstalled')));
      return { installs: Number(row?.installs ?? 0), activeInstalls: Number(row?.activeInstalls ?? 0) };
    },
  },
  CertificationReport: {
    async gates(run: CertificationRunRow, _: unknown, ctx: GraphQLContext): Promise<CertificationCheckRow[]> {
      const checks = (await ctx.loaders.checks.load(run.id)) ?? [];
      const order = (gate: string) => (CERTIFICATION_GATES as readonly string[]).indexOf(gate);
      return [...checks].sort((a, b) => order(a.gate) - order(b.gate));
    },
  },
};
