/**
 * In-app notifications: those addressed to the user and to the workspaces
 * they belong to, and marking them read.
 */
import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { notifications } from '../../db/schema/notifications.js';
import { workspaces } from '../../db/schema/identity.js';
import { isUuid } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { offsetConnection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

type WorkspaceRow = typeof workspaces.$inferSelect;
interface NotificationArgs extends PageArgs {
  unreadOnly?: boolean | null;
}

function list(ctx: GraphQLContext, audience: SQL, args: NotificationArgs) {
  const where = [audience, ...(args.unreadOnly ? [isNull(notifications.readAt)] : [])];
  return offsetConnection(args, (limit, offset) =>
    ctx.services.database.db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset),
  );
}

async function audienceOf(ctx: GraphQLContext, userId: string): Promise<SQL> {
  const workspaceIds = await ctx.auth.memberWorkspaceIds();
  return workspaceIds.length ? or(eq(notifications.userId, userId), inArray(notifications.workspaceId, workspaceIds))! : eq(notifications.userId, userId);
}

export const notificationResolvers = {
  Viewer: {
    async notifications(v: { userId: string }, args: NotificationArgs, ctx: GraphQLContext) {
      return list(ctx, await audienceOf(ctx, v.userId), args);
    },
  },
  Workspace: {
    async notifications(ws: WorkspaceRow, args: NotificationArgs, ctx: GraphQLContext) {
      await ctx.auth.requireWorkspace(ws.id, 'member', 'read');
      return list(ctx, eq(notifications.workspaceId, ws.id), args);
    },
  },
  Mutation: {
    async markNotificationsRead(_: unknown, args: { ids: string[] }, ctx: GraphQLContext): Promise<number> {
      const actor = ctx.auth.requireActor('read');
      const ids = args.ids.filter(isUuid);
      if (ids.length === 0) return 0;
      const rows = await ctx.services.database.db
        .update(notifications)
        .set({ readAt: ctx.services.clock.now() })
        .where(and(inArray(notifications.id, ids.slice(0, 500)), isNull(notifications.readAt), await audienceOf(ctx, actor.userId)))
        .returning({ id: notifications.id });
      return rows.length;
    },
  },
};
