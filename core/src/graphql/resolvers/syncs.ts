/**
 * Customers' syncs: the status and progress of each sync an installation's
 * version declares, their schedule, and "sync now". The runtime's sync
 * services (runtime/syncs/) do the work.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { syncStates } from '../../db/schema/runtime.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { configureSync, requestSync, syncStatus, type SyncStateRow } from '../../runtime/syncs/sync-runner.js';
import type { InstallationRow } from '../authorization.js';
import type { GraphQLContext } from '../context.js';

type SyncView = { name: string } & Partial<Omit<SyncStateRow, 'installationId' | 'syncName' | 'cursor'>>;

function view(name: string, row: SyncStateRow | undefined): SyncView {
  if (!row) return { name, status: 'idle', recordsSynced: 0, progress: null, currentRunId: null, detectDeletions: false, intervalSeconds: null, lastError: null, lastSuccessAt: null, updatedAt: null as unknown as Date };
  const { installationId: _i, syncName: _s, cursor: _c, ...rest } = row;
  return { name, ...rest };
}

async function declaredSyncs(ctx: GraphQLContext, inst: InstallationRow): Promise<string[]> {
  const version = await ctx.loaders.version.load(inst.versionId);
  return Object.keys((version?.manifest as { syncs?: Record<string, unknown> } | undefined)?.syncs ?? {});
}

async function requireDeclared(ctx: GraphQLContext, inst: InstallationRow, syncName: string): Promise<void> {
  if (!(await declaredSyncs(ctx, inst)).includes(syncName)) throw new NotFoundError(`Sync ${syncName} of this installation`);
}

const statusOut = (v: SyncView) => ({ ...v, status: String(v.status ?? 'idle').toUpperCase() });

export const syncResolvers = {
  Installation: {
    async syncs(inst: InstallationRow, _: unknown, ctx: GraphQLContext) {
      const names = await declaredSyncs(ctx, inst);
      if (names.length === 0) return [];
      const rows = await ctx.services.database.db.select().from(syncStates).where(eq(syncStates.installationId, inst.id));
      return names.map((name) => statusOut(view(name, rows.find((r) => r.syncName === name))));
    },
  },
  Mutation: {
    async configureSync(_: unknown, args: { installationId: string; syncName: string; intervalSeconds?: number | null; detectDeletions?: boolean | null }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      await requireDeclared(ctx, inst, args.syncName);
      if (args.intervalSeconds != null && args.intervalSeconds < 60) throw new ValidationError('Syncs run at most once a minute: intervalSeconds must be 60 or more (or null for by hand only).', { path: 'intervalSeconds' });
      const now = ctx.services.clock.now();
      const row = await ctx.services.database.db.transaction(async (tx) => {
        const updated = await configureSync(tx, {
          installationId: inst.id,
          syncName: args.syncName,
          ...('intervalSeconds' in args ? { intervalSeconds: args.intervalSeconds ?? null } : {}),
          ...(args.detectDeletions != null ? { detectDeletions: args.detectDeletions } : {}),
          now,
        });
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'sync.configured', targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now, data: { syncName: args.syncName, intervalSeconds: updated.intervalSeconds, detectDeletions: updated.detectDeletions } });
        return updated;
      });
      return statusOut(view(args.syncName, row));
    },
    async requestSync(_: unknown, args: { installationId: string; syncName: string; full?: boolean | null }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      await requireDeclared(ctx, inst, args.syncName);
      const now = ctx.services.clock.now();
      // One queued run per minute and sync: repeated clicks do not pile up runs.
      const key = `manual:${Math.floor(now.getTime() / 60_000)}${args.full ? ':full' : ''}`;
      const { jobId, created } = await requestSync(ctx.services.database.db, { installationId: inst.id, syncName: args.syncName, ...(args.full ? { full: true } : {}), now, key });
      return { jobId: String(jobId), queued: created, sync: statusOut(view(args.syncName, await syncStatus(ctx.services.database.db, inst.id, args.syncName))) };
    },
  },
};
