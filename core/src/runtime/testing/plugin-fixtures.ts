/**
 * Test support: stores a runnable plugin (publisher, plugin, a bundle whose
 * digest checks out, a certified version) and installs it in a workspace, so a
 * runtime test can invoke real bundle code in the real sandbox.
 */
import { randomUUID } from 'node:crypto';
import { BUNDLE_FORMAT, digestBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import type { Db } from '../../db/database.js';
import { publishers, workspaces } from '../../db/schema/identity.js';
import { installations } from '../../db/schema/installations.js';
import { bundles, pluginVersions, plugins } from '../../db/schema/registry.js';

export async function insertRunnablePlugin(db: Db, input: { manifest: Record<string, any>; code: string; kind?: 'api' | 'native' | 'connector' }) {
  const manifest: Record<string, any> = { version: '1.0.0', ...input.manifest };
  const pluginId: string = manifest.id ?? `p-${randomUUID().slice(0, 8)}`;
  manifest.id = pluginId;
  const [publisher] = await db.insert(publishers).values({ slug: `pub-${randomUUID().slice(0, 8)}`, name: 'Fixture Publisher' }).returning();
  await db.insert(plugins).values({ id: pluginId, publisherId: publisher!.id, name: manifest.name ?? pluginId, kind: input.kind ?? 'api' }).onConflictDoNothing();
  const content = { format: BUNDLE_FORMAT, manifest, code: input.code, tests: [], fixtures: [] } as Parameters<typeof digestBundle>[0];
  const digest = digestBundle(content);
  const bytes = Buffer.from(JSON.stringify({ ...content, digest, signature: { keyId: 'test', algorithm: 'ed25519', value: 'test' } }));
  await db.insert(bundles).values({ digest, bytes, size: bytes.length }).onConflictDoNothing();
  const [major, minor, patch] = String(manifest.version).split('.').map(Number) as [number, number, number];
  const [version] = await db
    .insert(pluginVersions)
    .values({ pluginId, version: manifest.version, major, minor, patch, manifest, bundleDigest: digest, signature: 'test', signingKeyId: 'test', changelog: 'fixture', state: 'certified' })
    .returning();
  return { pluginId, versionId: version!.id, manifest };
}

export async function insertActiveInstallation(db: Db, input: { pluginId: string; versionId: string; workspaceId?: string; settings?: Record<string, unknown> }) {
  let workspaceId = input.workspaceId;
  if (!workspaceId) {
    const [ws] = await db.insert(workspaces).values({ slug: `ws-${randomUUID().slice(0, 8)}`, name: 'Fixture Workspace' }).returning();
    workspaceId = ws!.id;
  }
  const [row] = await db
    .insert(installations)
    .values({ workspaceId, pluginId: input.pluginId, versionId: input.versionId, pinnedMajor: 1, state: 'active', settings: input.settings ?? {} })
    .returning();
  return row!;
}
