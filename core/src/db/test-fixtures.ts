/**
 * Test helper: inserts the rows a scenario needs (user, workspace, publisher,
 * plugin, version, installation) with sensible defaults, so a test states only
 * what it cares about.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import { publishers, users, workspaceMembers, workspaces } from './schema/identity.js';
import { installations } from './schema/installations.js';
import { bundles, pluginVersions, plugins } from './schema/registry.js';

export async function insertUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: `${randomUUID()}@example.test`, name: 'Test User', ...overrides })
    .returning();
  return row!;
}

export async function insertWorkspace(db: Db, adminUserId?: string) {
  const [ws] = await db.insert(workspaces).values({ slug: `ws-${randomUUID().slice(0, 8)}`, name: 'Test Workspace' }).returning();
  if (adminUserId) await db.insert(workspaceMembers).values({ workspaceId: ws!.id, userId: adminUserId, role: 'admin' });
  return ws!;
}

export async function insertPluginVersion(db: Db, manifest: Record<string, unknown>, options: { pluginId?: string; version?: string } = {}) {
  const pluginId = options.pluginId ?? `plugin-${randomUUID().slice(0, 8)}`;
  const version = options.version ?? '1.0.0';
  const [publisher] = await db.insert(publishers).values({ slug: `pub-${randomUUID().slice(0, 8)}`, name: 'Test Publisher' }).returning();
  await db
    .insert(plugins)
    .values({ id: pluginId, publisherId: publisher!.id, name: pluginId, kind: 'api' })
    .onConflictDoNothing();
  const bytes = Buffer.from(JSON.stringify({ manifest, version }));
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  await db.insert(bundles).values({ digest, bytes, size: bytes.length }).onConflictDoNothing();
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const [row] = await db
    .insert(pluginVersions)
    .values({ pluginId, version, major, minor, patch, manifest: { id: pluginId, version, ...manifest }, bundleDigest: digest, signature: 'test', signingKeyId: 'test', changelog: 'test', state: 'certified' })
    .returning();
  return { publisher: publisher!, pluginId, version: row! };
}

export async function insertInstallation(db: Db, input: { workspaceId: string; pluginId: string; versionId: string; major?: number; state?: 'pending' | 'active' }) {
  const [row] = await db
    .insert(installations)
    .values({ workspaceId: input.workspaceId, pluginId: input.pluginId, versionId: input.versionId, pinnedMajor: input.major ?? 1, state: input.state ?? 'pending' })
    .returning();
  return row!;
}
