/**
 * Who may read which usage numbers: customers their workspace and its
 * installations, publishers their plugins, versions and organisation, and the
 * internal team (platform reviewers and admins) everything.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { publisherMembers } from '../db/schema/identity.js';
import { installations } from '../db/schema/installations.js';
import { pluginVersions, plugins } from '../db/schema/registry.js';
import { ForbiddenError, UnauthenticatedError, workspaceRole, type Actor } from '../identity/actor.js';
import type { ROLLUP_DIMENSIONS } from '../db/schema/usage.js';

type Dimension = (typeof ROLLUP_DIMENSIONS)[number];

async function isPublisherMember(db: DbOrTx, userId: string, publisherId: string | undefined): Promise<boolean> {
  if (!publisherId) return false;
  const [row] = await db.select().from(publisherMembers).where(and(eq(publisherMembers.publisherId, publisherId), eq(publisherMembers.userId, userId)));
  return Boolean(row);
}

async function publisherOfPlugin(db: DbOrTx, pluginId: string): Promise<string | undefined> {
  return (await db.select({ id: plugins.publisherId }).from(plugins).where(eq(plugins.id, pluginId)))[0]?.id;
}

export async function assertUsageAccess(db: DbOrTx, actor: Actor | undefined, dimension: Dimension, id: string): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  if (actor.platformRole === 'admin' || actor.platformRole === 'reviewer') return;
  let allowed = false;
  if (dimension === 'workspace') allowed = Boolean(await workspaceRole(db, actor, id));
  else if (dimension === 'installation') {
    const [inst] = await db.select({ ws: installations.workspaceId }).from(installations).where(eq(installations.id, id));
    allowed = Boolean(inst && (await workspaceRole(db, actor, inst.ws)));
  } else if (dimension === 'plugin') allowed = await isPublisherMember(db, actor.userId, await publisherOfPlugin(db, id));
  else if (dimension === 'version') {
    const [v] = await db.select({ pluginId: pluginVersions.pluginId }).from(pluginVersions).where(eq(pluginVersions.id, id));
    allowed = Boolean(v && (await isPublisherMember(db, actor.userId, await publisherOfPlugin(db, v.pluginId))));
  } else if (dimension === 'publisher') allowed = await isPublisherMember(db, actor.userId, id);
  if (!allowed) throw new ForbiddenError('You cannot read usage for this scope.');
}
