/** Reads stored bundles by digest, checking the digest again before anything trusts them. */
import { eq } from 'drizzle-orm';
import { digestBundle, type PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import type { PluginManifestLike } from '@nudgecampaign/plugin-sdk/runtime/types';
import type { DbOrTx } from '../db/database.js';
import { bundles, pluginVersions } from '../db/schema/registry.js';
import { AppError, ERROR_CODES, NotFoundError } from '../errors.js';

export async function loadStoredBundle(db: DbOrTx, digest: string): Promise<PluginBundle> {
  const [row] = await db.select().from(bundles).where(eq(bundles.digest, digest));
  if (!row) throw new NotFoundError(`Bundle ${digest}`);
  const bundle = JSON.parse(row.bytes.toString('utf8')) as PluginBundle;
  // Stored artifacts are immutable; check that they still are before trusting them.
  if (digestBundle(bundle) !== digest) throw new AppError(ERROR_CODES.INTERNAL, `Bundle ${digest} does not match its digest; it was altered in storage.`);
  return bundle;
}

/** The sandbox's view of a version: its bundle's digest and code, and its manifest. */
export async function sandboxVersion(db: DbOrTx, versionId: string): Promise<{ id: string; digest: string; code: string; manifest: PluginManifestLike }> {
  const [version] = await db.select().from(pluginVersions).where(eq(pluginVersions.id, versionId));
  if (!version) throw new NotFoundError('Plugin version');
  const bundle = await loadStoredBundle(db, version.bundleDigest);
  return { id: version.id, digest: bundle.digest, code: bundle.code, manifest: version.manifest as PluginManifestLike };
}
