/**
 * Installing a plugin in a workspace: the installation is pinned to a major
 * (the newest by default) at its latest certified version. Uncertified
 * (community) versions are only offered to workspaces that opted in.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../audit/audit-log.js';
import type { Db, DbOrTx } from '../db/database.js';
import { workspaces } from '../db/schema/identity.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import { AppError, ERROR_CODES, NotFoundError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { UsageRecorder } from '../usage/usage-recorder.js';

export interface InstallationsDeps {
  db: Db;
  clock: Clock;
  usage?: UsageRecorder;
}

export type InstallationRow = typeof installations.$inferSelect;

/** The version an installation of `major` should run: the newest certified one (or draft/submitted too for opted-in community use). */
export async function latestInstallable(db: DbOrTx, pluginId: string, options: { major?: number; community: boolean }) {
  const states = options.community ? (['certified', 'draft', 'submitted', 'in_review'] as const) : (['certified'] as const);
  const rows = await db
    .select()
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, pluginId), inArray(pluginVersions.state, [...states]), ...(options.major !== undefined ? [eq(pluginVersions.major, options.major)] : [])))
    .orderBy(desc(pluginVersions.major), desc(pluginVersions.minor), desc(pluginVersions.patch));
  // Certified versions win over uncertified ones of the same line.
  return rows.find((r) => r.state === 'certified' && (options.major === undefined || r.major === options.major)) ?? rows[0];
}

export async function installPlugin(
  deps: InstallationsDeps,
  input: { workspaceId: string; pluginId: string; actorUserId: string | null; major?: number },
): Promise<InstallationRow> {
  const row = await deps.db.transaction(async (tx) => {
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, input.workspaceId));
    if (!ws) throw new NotFoundError('Workspace');
    const [plugin] = await tx.select().from(plugins).where(eq(plugins.id, input.pluginId));
    if (!plugin) throw new NotFoundError(`Plugin ${input.pluginId}`);
    const version = await latestInstallable(tx, input.pluginId, { community: ws.showCommunityPlugins, ...(input.major !== undefined ? { major: input.major } : {}) });
    if (!version) {
      throw new AppError(ERROR_CODES.CONFLICT, `${plugin.name} has no ${ws.showCommunityPlugins ? '' : 'certified '}version${input.major !== undefined ? ` in major ${input.major}` : ''} to install.`, {
        details: { reason: 'NO_INSTALLABLE_VERSION' },
      });
    }
    const now = deps.clock.now();
    const manifest = version.manifest as { auth?: { scopes?: string[] }; permissions?: { hosts?: string[] } };
    const [row] = await tx
      .insert(installations)
      .values({
        workspaceId: input.workspaceId,
        pluginId: input.pluginId,
        pinnedMajor: version.major,
        versionId: version.id,
        state: 'pending',
        autoUpdate: ws.autoUpdateMinor,
        consentedScopes: manifest.auth?.scopes ?? [],
        consentedHosts: manifest.permissions?.hosts ?? [],
        createdBy: input.actorUserId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.update(plugins).set({ installCount: sql`${plugins.installCount} + 1` }).where(eq(plugins.id, input.pluginId));
    await audit(tx, { actorUserId: input.actorUserId, action: 'installation.created', targetType: 'installation', targetId: row!.id, workspaceId: input.workspaceId, at: now, data: { pluginId: input.pluginId, version: version.version } });
    return { ...row!, publisherId: plugin.publisherId };
  });
  const { publisherId, ...installation } = row;
  deps.usage?.record({ type: 'installed', installationId: installation.id, workspaceId: installation.workspaceId, pluginId: installation.pluginId, versionId: installation.versionId, publisherId, occurredAt: deps.clock.now().toISOString() });
  return installation;
}
