/**
 * Customers: workspaces, installations (install, configure, connect, test,
 * enable/disable/uninstall, migrate and roll back), and their runs and logs.
 * Every read and change goes through the Authorizer's workspace checks.
 */
import { and, desc, eq, gt, ne, type SQL } from 'drizzle-orm';
import { audit } from '../../audit/audit-log.js';
import { disconnect } from '../../connections/disconnect.js';
import { runAuthTest, sandboxCredentialTester } from '../../connections/sandbox-auth-test.js';
import { connectWithSecret } from '../../connections/secret-connection.js';
import { workspaces } from '../../db/schema/identity.js';
import { connections, installations } from '../../db/schema/installations.js';
import { pluginVersions } from '../../db/schema/registry.js';
import { runLogs, runs } from '../../db/schema/runtime.js';
import { AppError, ERROR_CODES, NotFoundError, ValidationError } from '../../errors.js';
import { installPlugin } from '../../installations/install-plugin.js';
import { migrateInstallation, planMigration, rollbackInstallation, type MigrationPlan } from '../../installations/migrate-installation.js';
import { isUuid, type InstallationRow } from '../authorization.js';
import type { GraphQLContext } from '../context.js';
import { apiError, GRAPHQL_ERROR_CODES } from '../graphql-errors.js';
import type { VersionRow } from '../loaders.js';
import { offsetConnection, type Connection } from '../pagination.js';
import { settingsSchemaOf, validateSettings } from '../settings-validator.js';
import { loadListing, type PageArgs } from './marketplace.js';

type WorkspaceRow = typeof workspaces.$inferSelect;
type RunRow = typeof runs.$inferSelect;
type ConnectionRow = typeof connections.$inferSelect;

function planView(plan: MigrationPlan) {
  return {
    installationId: plan.installationId,
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    compatibility: plan.compatibility,
    settingsBefore: plan.settings.before,
    settingsAfter: plan.settings.after,
    settingsChanges: plan.settings.changes,
    needsReconsent: plan.needsReconsent,
  };
}

function requireSandbox(ctx: GraphQLContext): void {
  if (!ctx.services.sandbox) {
    throw apiError(GRAPHQL_ERROR_CODES.SANDBOX_UNAVAILABLE, 'This server runs without sandbox workers, so it cannot run the integration\'s connection test; try again on a server with the sandbox enabled.');
  }
}

async function setState(ctx: GraphQLContext, inst: InstallationRow, state: InstallationRow['state'], action: string): Promise<InstallationRow> {
  const actor = ctx.auth.requireActor('workspace_write');
  const now = ctx.services.clock.now();
  return ctx.services.database.db.transaction(async (tx) => {
    const [row] = await tx.update(installations).set({ state, stateReason: null, updatedAt: now }).where(eq(installations.id, inst.id)).returning();
    await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action, targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now, data: { from: inst.state, to: state } });
    return row!;
  });
}

function runsFor(ctx: GraphQLContext, where: SQL[], args: PageArgs): Promise<Connection<RunRow>> {
  return offsetConnection(args, (limit, offset) =>
    ctx.services.database.db.select().from(runs).where(and(...where)).orderBy(desc(runs.startedAt), desc(runs.id)).limit(limit).offset(offset),
  );
}

export const customerResolvers = {
  Query: {
    async workspace(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<WorkspaceRow | null> {
      ctx.auth.requireActor('read');
      if (!isUuid(args.id) || !(await ctx.auth.workspaceRole(args.id))) return null;
      const [row] = await ctx.services.database.db.select().from(workspaces).where(eq(workspaces.id, args.id));
      return row ?? null;
    },
    async installation(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<InstallationRow | null> {
      try {
        return await ctx.auth.requireInstallation(args.id, 'member', 'read');
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    },
    async migrationPlan(_: unknown, args: { installationId: string; targetVersionId: string }, ctx: GraphQLContext) {
      await ctx.auth.requireInstallation(args.installationId, 'member', 'read');
      if (!isUuid(args.targetVersionId)) throw new NotFoundError('Target version of this plugin');
      return planView(await planMigration(ctx.services.installations, args.installationId, args.targetVersionId));
    },
    async run(_: unknown, args: { id: string }, ctx: GraphQLContext): Promise<RunRow | null> {
      ctx.auth.requireActor('read');
      if (!isUuid(args.id)) return null;
      const [row] = await ctx.services.database.db.select().from(runs).where(eq(runs.id, args.id));
      return row && (await ctx.auth.workspaceRole(row.workspaceId)) ? row : null;
    },
  },
  Workspace: {
    viewerRole: (ws: WorkspaceRow, _: unknown, ctx: GraphQLContext) => ctx.auth.workspaceRole(ws.id),
    async installations(ws: WorkspaceRow, args: PageArgs, ctx: GraphQLContext): Promise<Connection<InstallationRow>> {
      await ctx.auth.requireWorkspace(ws.id, 'member', 'read');
      return offsetConnection(args, (limit, offset) =>
        ctx.services.database.db
          .select()
          .from(installations)
          .where(and(eq(installations.workspaceId, ws.id), ne(installations.state, 'uninstalled')))
          .orderBy(desc(installations.createdAt), desc(installations.id))
          .limit(limit)
          .offset(offset),
      );
    },
    async runs(ws: WorkspaceRow, args: PageArgs & { installationId?: string | null }, ctx: GraphQLContext): Promise<Connection<RunRow>> {
      await ctx.auth.requireWorkspace(ws.id, 'member', 'read');
      const where = [eq(runs.workspaceId, ws.id)];
      if (args.installationId) {
        if (!isUuid(args.installationId)) throw new ValidationError('installationId is not an id.', { path: 'installationId' });
        where.push(eq(runs.installationId, args.installationId));
      }
      return runsFor(ctx, where, args);
    },
  },
  Installation: {
    listing: (inst: InstallationRow, _: unknown, ctx: GraphQLContext) => loadListing(ctx, inst.pluginId),
    version: (inst: InstallationRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.version.load(inst.versionId),
    previousVersion: (inst: InstallationRow, _: unknown, ctx: GraphQLContext) => (inst.previousVersionId ? ctx.loaders.version.load(inst.previousVersionId) : null),
    async settingsSchema(inst: InstallationRow, _: unknown, ctx: GraphQLContext) {
      const version = await ctx.loaders.version.load(inst.versionId);
      return version ? settingsSchemaOf(version.manifest) : null;
    },
    async connection(inst: InstallationRow, _: unknown, ctx: GraphQLContext): Promise<Omit<ConnectionRow, 'credentials' | 'keyId'> | null> {
      const [row] = await ctx.services.database.db.select().from(connections).where(eq(connections.installationId, inst.id));
      if (!row) return null;
      const { credentials: _secret, keyId: _key, ...visible } = row;
      return visible;
    },
    async upgrades(inst: InstallationRow, _: unknown, ctx: GraphQLContext): Promise<VersionRow[]> {
      return ctx.services.database.db
        .select()
        .from(pluginVersions)
        .where(and(eq(pluginVersions.pluginId, inst.pluginId), eq(pluginVersions.state, 'certified'), gt(pluginVersions.major, inst.pinnedMajor)))
        .orderBy(desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch));
    },
    runs: (inst: InstallationRow, args: PageArgs, ctx: GraphQLContext) => runsFor(ctx, [eq(runs.installationId, inst.id), eq(runs.workspaceId, inst.workspaceId)], args),
  },
  Run: {
    logs(run: RunRow, args: PageArgs, ctx: GraphQLContext) {
      return offsetConnection(
        args,
        (limit, offset) => ctx.services.database.db.select().from(runLogs).where(eq(runLogs.runId, run.id)).orderBy(runLogs.id).limit(limit).offset(offset),
        100,
      );
    },
  },
  Mutation: {
    async installPlugin(_: unknown, args: { workspaceId: string; pluginId: string; major?: number | null }, ctx: GraphQLContext): Promise<InstallationRow> {
      const actor = await ctx.auth.requireWorkspace(args.workspaceId, 'admin', 'workspace_write');
      if (!(await loadListing(ctx, args.pluginId))) throw new NotFoundError(`Plugin ${args.pluginId}`);
      return installPlugin(ctx.services.installations, { workspaceId: args.workspaceId, pluginId: args.pluginId, actorUserId: actor.userId, ...(args.major != null ? { major: args.major } : {}) });
    },
    async configureInstallation(_: unknown, args: { id: string; settings: unknown }, ctx: GraphQLContext): Promise<InstallationRow> {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      const version = await ctx.loaders.version.load(inst.versionId);
      const settings = validateSettings(inst.versionId, version?.manifest, args.settings);
      const now = ctx.services.clock.now();
      return ctx.services.database.db.transaction(async (tx) => {
        const [row] = await tx.update(installations).set({ settings, updatedAt: now }).where(eq(installations.id, inst.id)).returning();
        await audit(tx, { actorUserId: actor.userId, actorTokenId: actor.tokenId ?? null, action: 'installation.configured', targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now, data: { keys: Object.keys(settings) } });
        return row!;
      });
    },
    async startOAuth(_: unknown, args: { installationId: string; returnTo?: string | null }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      const version = await ctx.loaders.version.load(inst.versionId);
      if ((version?.manifest as { auth?: { type?: string } } | undefined)?.auth?.type !== 'oauth2') {
        throw new ValidationError('This integration does not connect with OAuth.', { path: 'installationId' });
      }
      // The browser flow binds the one-time state to the browser, so the browser itself must start it.
      const url = new URL('/oauth/start', ctx.services.publicUrl);
      url.searchParams.set('installation', inst.id);
      if (args.returnTo) url.searchParams.set('returnTo', args.returnTo);
      return { url: url.toString() };
    },
    async connectWithApiKey(_: unknown, args: { installationId: string; values: unknown }, ctx: GraphQLContext): Promise<InstallationRow> {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      if (!args.values || typeof args.values !== 'object' || Array.isArray(args.values) || Object.values(args.values).some((v) => typeof v !== 'string')) {
        throw new ValidationError('values must be an object of strings, e.g. { "apiKey": "…" }.', { path: 'values' });
      }
      requireSandbox(ctx);
      await connectWithSecret(ctx.services.connections, inst.id, { type: 'api_key', values: args.values as Record<string, string> }, sandboxCredentialTester(ctx.services, inst.id));
      return connected(ctx, inst, actor.userId, actor.tokenId);
    },
    async connectWithBasicAuth(_: unknown, args: { installationId: string; username: string; password: string }, ctx: GraphQLContext): Promise<InstallationRow> {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      requireSandbox(ctx);
      await connectWithSecret(ctx.services.connections, inst.id, { type: 'basic', username: args.username, password: args.password }, sandboxCredentialTester(ctx.services, inst.id));
      return connected(ctx, inst, actor.userId, actor.tokenId);
    },
    async testConnection(_: unknown, args: { installationId: string }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.installationId, 'admin', 'workspace_write');
      requireSandbox(ctx);
      const outcome = await runAuthTest(ctx.services, inst.id);
      const code = outcome.ok ? null : (outcome.message?.match(/^([A-Z_]+):/)?.[1] ?? 'AUTH_TEST_FAILED');
      return { ok: outcome.ok, account: outcome.account ?? null, message: outcome.message ?? null, code };
    },
    async enableInstallation(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      if (inst.state === 'uninstalled' || inst.state === 'paused' || inst.state === 'needs_reauth') {
        throw new AppError(ERROR_CODES.CONFLICT, inst.state === 'uninstalled' ? 'This installation was uninstalled; install the integration again.' : `This installation is ${inst.state.replace('_', ' ')}: ${inst.stateReason ?? 'fix the cause first'}.`, { details: { reason: 'INSTALLATION_NOT_ENABLEABLE' } });
      }
      return setState(ctx, inst, 'active', 'installation.enabled');
    },
    async disableInstallation(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      if (inst.state === 'uninstalled') throw new AppError(ERROR_CODES.CONFLICT, 'This installation was uninstalled.', { details: { reason: 'INSTALLATION_UNINSTALLED' } });
      return setState(ctx, inst, 'disabled', 'installation.disabled');
    },
    async uninstallInstallation(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      if (inst.state === 'uninstalled') return inst;
      await disconnect(ctx.services.connections, inst.id, actor.userId);
      return setState(ctx, inst, 'uninstalled', 'installation.uninstalled');
    },
    async migrateInstallation(_: unknown, args: { id: string; targetVersionId: string; consent?: boolean | null }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      if (!isUuid(args.targetVersionId)) throw new NotFoundError('Target version of this plugin');
      const plan = await migrateInstallation(ctx.services.installations, { installationId: inst.id, targetVersionId: args.targetVersionId, actorUserId: actor.userId, consent: Boolean(args.consent) });
      const [row] = await ctx.services.database.db.select().from(installations).where(eq(installations.id, inst.id));
      return { plan: planView(plan), installation: row! };
    },
    async rollbackInstallation(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      const inst = await ctx.auth.requireInstallation(args.id, 'admin', 'workspace_write');
      const actor = ctx.auth.requireActor('workspace_write');
      return rollbackInstallation(ctx.services.installations, inst.id, actor.userId);
    },
  },
};

async function connected(ctx: GraphQLContext, inst: InstallationRow, actorUserId: string, tokenId: string | undefined): Promise<InstallationRow> {
  const now = ctx.services.clock.now();
  return ctx.services.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(installations)
      .set({ ...(inst.state === 'pending' || inst.state === 'needs_reauth' ? { state: 'active' as const, stateReason: null } : {}), updatedAt: now })
      .where(eq(installations.id, inst.id))
      .returning();
    await audit(tx, { actorUserId, actorTokenId: tokenId ?? null, action: 'connection.created', targetType: 'installation', targetId: inst.id, workspaceId: inst.workspaceId, at: now });
    return row!;
  });
}
