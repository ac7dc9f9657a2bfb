/**
 * Reviewers and admins: the review queue, certify or reject (through the
 * registry's review, which enforces separation of duties), retire at sunset,
 * the deprecation policy and the audit log.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { auditLog } from '../../db/schema/audit.js';
import { certificationRuns, pluginVersions } from '../../db/schema/registry.js';
import { earliestSunset, getPolicy, runDeprecationSweep, setPolicy, type DeprecationPolicy } from '../../registry/deprecation-policy.js';
import { PolicyViolationError } from '../../registry/registry-errors.js';
import { reviewAndApply } from '../../registry/review.js';
import { IllegalTransitionError } from '../../registry/version-states.js';
import type { GraphQLContext } from '../context.js';
import type { VersionRow } from '../loaders.js';
import { offsetConnection, type Connection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

type AuditRow = typeof auditLog.$inferSelect;

interface AuditArgs extends PageArgs {
  filter?: { action?: string | null; targetType?: string | null; targetId?: string | null; workspaceId?: string | null } | null;
}

function policyView(policy: DeprecationPolicy, now: Date) {
  return { ...policy, earliestSunset: earliestSunset(policy, now) };
}

export const reviewerResolvers = {
  Query: {
    reviewQueue(_: unknown, args: PageArgs, ctx: GraphQLContext): Promise<Connection<VersionRow>> {
      ctx.auth.requirePlatform('reviewer');
      return offsetConnection(args, (limit, offset) =>
        ctx.services.database.db
          .select({ version: pluginVersions })
          .from(pluginVersions)
          .innerJoin(certificationRuns, eq(certificationRuns.versionId, pluginVersions.id))
          .where(and(eq(certificationRuns.status, 'awaiting_review'), eq(pluginVersions.state, 'in_review')))
          .orderBy(asc(certificationRuns.startedAt), asc(pluginVersions.id))
          .limit(limit)
          .offset(offset)
          .then((rows) => rows.map((r) => r.version)),
      );
    },
    async deprecationPolicy(_: unknown, __: unknown, ctx: GraphQLContext) {
      ctx.auth.requireActor('read');
      return policyView(await getPolicy(ctx.services.database.db), ctx.services.clock.now());
    },
    auditLog(_: unknown, args: AuditArgs, ctx: GraphQLContext): Promise<Connection<AuditRow>> {
      ctx.auth.requirePlatform('admin');
      const where: SQL[] = [];
      const f = args.filter ?? {};
      if (f.action) where.push(eq(auditLog.action, f.action));
      if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
      if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
      if (f.workspaceId) where.push(eq(auditLog.workspaceId, f.workspaceId));
      return offsetConnection(
        args,
        (limit, offset) => ctx.services.database.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
        50,
      );
    },
  },
  Mutation: {
    async certifyVersion(_: unknown, args: { versionId: string; notes: string }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('reviewer');
      await ctx.auth.requireVersionForReview(args.versionId, 'reviewer');
      const outcome = await reviewAndApply(ctx.services.registry, { versionId: args.versionId, reviewer: { userId: actor.userId, platformRole: actor.platformRole }, decision: 'certify', notes: args.notes });
      return outcome;
    },
    async rejectVersion(_: unknown, args: { versionId: string; notes: string }, ctx: GraphQLContext): Promise<VersionRow> {
      const actor = ctx.auth.requirePlatform('reviewer');
      await ctx.auth.requireVersionForReview(args.versionId, 'reviewer');
      const outcome = await reviewAndApply(ctx.services.registry, { versionId: args.versionId, reviewer: { userId: actor.userId, platformRole: actor.platformRole }, decision: 'reject', notes: args.notes });
      return outcome.version;
    },
    async retireVersion(_: unknown, args: { versionId: string; reason: string }, ctx: GraphQLContext): Promise<VersionRow> {
      const actor = ctx.auth.requirePlatform('admin');
      const version = await ctx.auth.requireVersionForReview(args.versionId, 'admin');
      if (version.state !== 'deprecated') throw new IllegalTransitionError(version.state, 'retired');
      const now = ctx.services.clock.now();
      if (!args.reason.trim()) throw new PolicyViolationError('Retiring needs a reason.', { path: 'reason' });
      if (version.sunsetAt && version.sunsetAt > now) {
        if (!version.securityCritical) {
          throw new PolicyViolationError(`${version.pluginId} ${version.version} cannot retire before its sunset on ${version.sunsetAt.toISOString().slice(0, 10)}; only a security-critical deprecation may retire early.`, {
            earliestSunset: version.sunsetAt.toISOString(),
          });
        }
        // A security-critical version retires now: bring its sunset forward, then let the sweep retire it and pause installations.
        await ctx.services.database.db.transaction(async (tx) => {
          await tx.update(pluginVersions).set({ sunsetAt: now }).where(eq(pluginVersions.id, version.id));
          await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'version.sunset_advanced', targetType: 'plugin_version', targetId: version.id, at: now, reason: args.reason });
        });
      }
      await runDeprecationSweep(ctx.services.registry);
      const [row] = await ctx.services.database.db.select().from(pluginVersions).where(eq(pluginVersions.id, version.id));
      return row!;
    },
    async setDeprecationPolicy(_: unknown, args: { input: DeprecationPolicy }, ctx: GraphQLContext) {
      const actor = ctx.auth.requirePlatform('admin');
      await setPolicy(ctx.services.registry, args.input, { userId: actor.userId, platformRole: actor.platformRole });
      return policyView(await getPolicy(ctx.services.database.db), ctx.services.clock.now());
    },
  },
};
