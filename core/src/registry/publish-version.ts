/**
 * Publishing a bundle made by `nudge build`: the digest and the ed25519
 * signature are checked against the publisher's registered keys, the manifest
 * is validated, an existing version number is refused, the artifact is stored
 * immutably by digest, and the new version is compared with the previous one
 * of its major line — a breaking change without a major bump is refused.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { canonicalJson } from '@nudgecampaign/plugin-sdk/bundle/canonical-json';
import { verifyBundle, type PluginBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import { validateManifest } from '@nudgecampaign/plugin-sdk/manifest/validate-manifest';
import { audit } from '../audit/audit-log.js';
import { publisherKeys, publisherMembers, publishers } from '../db/schema/identity.js';
import { bundles, pluginVersions, plugins } from '../db/schema/registry.js';
import { ForbiddenError } from '../identity/actor.js';
import { ValidationError } from '../errors.js';
import { compareManifests, type CompatibilityReport } from './compatibility.js';
import { BreakingChangeError, BundleRejectedError, VersionExistsError } from './registry-errors.js';
import type { RegistryDeps } from './registry-deps.js';
import { compareSemver, parseSemver } from './semver.js';

export interface PublishInput {
  bundle: unknown;
  changelog: string;
  actorUserId: string;
}

export interface PublishResult {
  versionId: string;
  pluginId: string;
  version: string;
  digest: string;
  compatibility: (CompatibilityReport & { comparedWith: string }) | null;
  requiresReconsent: boolean;
}

export async function publishVersion(deps: RegistryDeps, input: PublishInput): Promise<PublishResult> {
  if (!input.changelog || input.changelog.trim().length < 3) {
    throw new ValidationError('A changelog entry is required: say what changed for customers.', { path: 'changelog' });
  }
  const keys = await deps.db
    .select({ keyId: publisherKeys.keyId, publicKey: publisherKeys.publicKey, publisherId: publisherKeys.publisherId })
    .from(publisherKeys)
    .where(isNull(publisherKeys.revokedAt));
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const verification = verifyBundle(input.bundle, (keyId) => byId.get(keyId)?.publicKey);
  if (!verification.ok) throw new BundleRejectedError(verification.code, verification.message);
  const bundle = input.bundle as PluginBundle;
  const signer = byId.get(verification.keyId)!;

  const [membership] = await deps.db
    .select({ role: publisherMembers.role })
    .from(publisherMembers)
    .where(and(eq(publisherMembers.publisherId, signer.publisherId), eq(publisherMembers.userId, input.actorUserId)));
  if (!membership) throw new ForbiddenError('Only members of the publisher that owns the signing key can publish with it.');

  const validation = validateManifest(bundle.manifest);
  if (!validation.ok) {
    throw new ValidationError(`The manifest is invalid: ${validation.problems.map((p) => p.message).join(' ')}`, { problems: validation.problems });
  }
  const manifest = validation.manifest as unknown as Record<string, unknown> & { id: string; version: string; name: string; description: string; kind: 'native' | 'api' | 'connector'; categories: string[]; icon?: string; auth: { type: string } };
  const semver = parseSemver(manifest.version);
  const now = deps.clock.now();

  return deps.db.transaction(async (tx) => {
    const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, signer.publisherId));
    const [existingPlugin] = await tx.select().from(plugins).where(eq(plugins.id, manifest.id));
    if (existingPlugin && existingPlugin.publisherId !== signer.publisherId) {
      throw new ForbiddenError(`The plugin id "${manifest.id}" belongs to another publisher.`);
    }
    const pluginValues = {
      name: manifest.name,
      description: manifest.description,
      kind: manifest.kind,
      categories: manifest.categories,
      icon: manifest.icon ?? null,
      authType: manifest.auth.type,
      updatedAt: now,
    };
    if (existingPlugin) await tx.update(plugins).set(pluginValues).where(eq(plugins.id, manifest.id));
    else await tx.insert(plugins).values({ id: manifest.id, publisherId: signer.publisherId, ...pluginValues, createdAt: now });

    const siblings = await tx.select().from(pluginVersions).where(eq(pluginVersions.pluginId, manifest.id));
    if (siblings.some((v) => v.version === manifest.version)) throw new VersionExistsError(manifest.id, manifest.version);
    const older = siblings
      .filter((v) => v.state !== 'rejected' && compareSemver(parseSemver(v.version), semver) < 0)
      .sort((a, b) => compareSemver(parseSemver(b.version), parseSemver(a.version)));
    const sameMajor = older.find((v) => v.major === semver.major);
    const previous = sameMajor ?? older[0];
    let compatibility: PublishResult['compatibility'] = null;
    if (previous) {
      const report = compareManifests(previous.manifest as Record<string, unknown>, manifest);
      if (sameMajor && report.breaking.length > 0) throw new BreakingChangeError(previous.version, manifest.version, report.breaking);
      compatibility = { ...report, comparedWith: previous.version };
    }
    const requiresReconsent = Boolean(compatibility && (compatibility.reconsent.addedScopes.length || compatibility.reconsent.addedHosts.length));

    const bytes = Buffer.from(canonicalJson(bundle), 'utf8');
    await tx.insert(bundles).values({ digest: verification.digest, bytes, size: bytes.length, createdAt: now }).onConflictDoNothing();
    const [row] = await tx
      .insert(pluginVersions)
      .values({
        pluginId: manifest.id,
        version: manifest.version,
        major: semver.major,
        minor: semver.minor,
        patch: semver.patch,
        prerelease: semver.prerelease ?? null,
        state: 'draft',
        trustLevel: publisher?.verified ? 'verified_publisher' : 'community',
        manifest,
        bundleDigest: verification.digest,
        signature: bundle.signature.value,
        signingKeyId: verification.keyId,
        changelog: input.changelog.trim(),
        compatibility,
        requiresReconsent,
        publishedBy: input.actorUserId,
        createdAt: now,
      })
      .returning({ id: pluginVersions.id });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: 'version.published',
      targetType: 'plugin_version',
      targetId: row!.id,
      at: now,
      data: { pluginId: manifest.id, version: manifest.version, digest: verification.digest, requiresReconsent },
    });
    return { versionId: row!.id, pluginId: manifest.id, version: manifest.version, digest: verification.digest, compatibility, requiresReconsent };
  });
}
