/**
 * Customers' automations (Zapier-style zaps) and their runs: list, create,
 * enable or disable, delete, send a test run, and replay a finished run. The runtime's own
 * services do the work (runtime/automations/); every call asks the Authorizer
 * first.
 */
import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { automations, runs } from '../../db/schema/runtime.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { FilterCondition } from '../../runtime/automations/automation-filters.js';
import { replayRun } from '../../runtime/automations/automation-runner.js';
import { createAutomation, setAutomationEnabled } from '../../runtime/automations/automation-service.js';
import { queueTestRun } from '../../runtime/automations/automation-test-run.js';
import type { AutomationRow, RunRow } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { offsetConnection, type Connection } from '../pagination.js';
import type { PageArgs } from './marketplace.js';

interface WorkspaceParent {
  id: string;
}

interface CreateAutomationArgs {
  input: {
    workspaceId: string;
    name: string;
    trigger: { installationId: string; name: string };
    action: { installationId: string; name: string };
    mapping?: unknown;
    filters?: unknown;
    enabled?: boolean | null;
    autoReplay?: boolean | null;
  };
}

function objectOrEmpty(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ValidationError(`${path} must be an object of field templates, e.g. { "email": "{{customer.email}}" }.`, { path });
  return value as Record<string, unknown>;
}

function listOrEmpty(value: unknown, path: string): FilterCondition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError(`${path} must be a list of { field, op, value } conditions.`, { path });
  return value as FilterCondition[];
}

function automationRuns(ctx: GraphQLContext, automation: AutomationRow, args: PageArgs): Promise<Connection<RunRow>> {
  return offsetConnection(args, (limit, offset) =>
    ctx.services.database.db
      .select()
      .from(runs)
      .where(and(eq(runs.automationId, automation.id), eq(runs.workspaceId, automation.workspaceId)))
      .orderBy(desc(runs.startedAt), desc(runs.id))
      .limit(limit)
      .offset(offset),
  );
}

export const automationResolvers = {
  Query: {
    async automation(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<AutomationRow | null> {
      ctx.auth.requireActor('read');
      try {
        return await ctx.auth.requireAutomation(args.id, 'member', 'read');
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    },
  },
  Workspace: {
    async automations(ws: WorkspaceParent, args: PageArgs, ctx: GraphQLContext): Promise<Connection<AutomationRow>> {
      await ctx.auth.requireWorkspace(ws.id, 'member', 'read');
      return offsetConnection(args, (limit, offset) =>
        ctx.services.database.db.select().from(automations).where(eq(automations.workspaceId, ws.id)).orderBy(desc(automations.createdAt), desc(automations.id)).limit(limit).offset(offset),
      );
    },
  },
  Automation: {
    triggerInstallation: (a: AutomationRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.installation.load(a.triggerInstallationId),
    actionInstallation: (a: AutomationRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.installation.load(a.actionInstallationId),
    runs: (a: AutomationRow, args: PageArgs, ctx: GraphQLContext) => automationRuns(ctx, a, args),
  },
  Mutation: {
    async createAutomation(_: unknown, args: CreateAutomationArgs, ctx: GraphQLContext): Promise<AutomationRow> {
      const { input } = args;
      const actor = await ctx.auth.requireWorkspace(input.workspaceId, 'admin', 'workspace_write');
      // Both installations must be the caller's, in this workspace (someone else's answers NOT_FOUND).
      for (const [path, id] of [['trigger.installationId', input.trigger.installationId], ['action.installationId', input.action.installationId]] as const) {
        const inst = await ctx.auth.requireInstallation(id, 'admin', 'workspace_write');
        if (inst.workspaceId !== input.workspaceId) throw new ValidationError('Both installations must belong to the automation\'s workspace.', { path });
      }
      if (!input.name.trim()) throw new ValidationError('An automation needs a name.', { path: 'name' });
      const now = ctx.services.clock.now();
      const row = await createAutomation(
        ctx.services.database.db,
        {
          workspaceId: input.workspaceId,
          name: input.name.trim(),
          trigger: input.trigger,
          action: input.action,
          mapping: objectOrEmpty(input.mapping, 'mapping'),
          filters: listOrEmpty(input.filters, 'filters'),
          enabled: input.enabled ?? true,
          autoReplay: input.autoReplay ?? true,
        },
        now,
      );
      await audit(ctx.services.database.db, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'automation.created', targetType: 'automation', targetId: row.id, workspaceId: row.workspaceId, at: now, data: { trigger: input.trigger, action: input.action } });
      return row;
    },
    async setAutomationEnabled(_: unknown, args: { id: string; enabled: boolean }, ctx: GraphQLContext): Promise<AutomationRow> {
      const automation = await ctx.auth.requireAutomation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      const now = ctx.services.clock.now();
      const row = await setAutomationEnabled(ctx.services.database.db, automation.id, args.enabled, now);
      await audit(ctx.services.database.db, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: args.enabled ? 'automation.enabled' : 'automation.disabled', targetType: 'automation', targetId: row.id, workspaceId: row.workspaceId, at: now });
      return row;
    },
    async deleteAutomation(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<boolean> {
      const automation = await ctx.auth.requireAutomation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      const now = ctx.services.clock.now();
      // Switch it off first, so a webhook trigger unsubscribes at the provider; runs keep their history.
      if (automation.enabled) await setAutomationEnabled(ctx.services.database.db, automation.id, false, now);
      await ctx.services.database.db.transaction(async (tx) => {
        await tx.delete(automations).where(eq(automations.id, automation.id));
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'automation.deleted', targetType: 'automation', targetId: automation.id, workspaceId: automation.workspaceId, at: now, data: { name: automation.name } });
      });
      return true;
    },
    async replayRun(_: unknown, args: { runId: string }, ctx: GraphQLContext) {
      const run = await ctx.auth.requireRun(args.runId, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      const now = ctx.services.clock.now();
      const { jobId } = await ctx.services.database.db.transaction(async (tx) => {
        const queued = await replayRun(tx, run.id, now);
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'run.replayed', targetType: 'run', targetId: run.id, workspaceId: run.workspaceId, at: now });
        return queued;
      });
      return { jobId: String(jobId), replayOf: run.id };
    },
    async testAutomation(_: unknown, args: { id: string; event?: unknown }, ctx: GraphQLContext) {
      const automation = await ctx.auth.requireAutomation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      const now = ctx.services.clock.now();
      const queued = await ctx.services.database.db.transaction(async (tx) => {
        const test = await queueTestRun(tx, automation.id, args.event, now);
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'automation.tested', targetType: 'automation', targetId: automation.id, workspaceId: automation.workspaceId, at: now, data: { runId: test.runId } });
        return test;
      });
      return { jobId: String(queued.jobId), runId: queued.runId, event: queued.event };
    },
  },
};
