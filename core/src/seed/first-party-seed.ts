/**
 * Publishes the first-party plugins (every folder in plugins/, discovered, no
 * hand-kept list) under the NudgeCampaign publisher with a first-party signing
 * key kept in DATA_DIR, runs each new version through the same certification
 * pipeline as third parties, and — in demo mode only — has the demo reviewer
 * approve the ones whose automated gates pass. Idempotent: versions already
 * published are skipped.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { embedIcon } from '@nudgecampaign/plugin-sdk/bundle/bundle-icon';
import { BUNDLE_FORMAT, signBundle } from '@nudgecampaign/plugin-sdk/bundle/plugin-bundle';
import { keyIdOf } from '@nudgecampaign/plugin-sdk/bundle/publisher-keys';
import { loadPlugin } from '@nudgecampaign/plugin-sdk/cli/load-plugin';
import type { Db } from '../db/database.js';
import { publisherKeys, publisherMembers, publishers, users } from '../db/schema/identity.js';
import { pluginVersions } from '../db/schema/registry.js';
import type { Logger } from '../observability/logger.js';
import type { CertificationSandbox } from '../registry/certification/gate-types.js';
import { runCertification } from '../registry/certification/run-certification.js';
import { publishVersion } from '../registry/publish-version.js';
import type { RegistryDeps } from '../registry/registry-deps.js';
import { reviewAndApply } from '../registry/review.js';
import { submitVersion } from '../registry/version-lifecycle.js';

export const PLUGINS_DIR = path.resolve(import.meta.dirname, '../../../plugins');
export const FIRST_PARTY_PUBLISHER = 'nudgecampaign';

export interface FirstPartyOptions {
  registry: RegistryDeps;
  sandbox: CertificationSandbox;
  dataDir: string;
  logger: Logger;
  /** Demo mode: the demo admin publishes and the demo reviewer approves passing versions. */
  publisherUserEmail: string;
  reviewerEmail?: string;
  pluginsDir?: string;
  /** Stops between plugins (shutdown); a plugin already in certification finishes first. */
  signal?: AbortSignal;
}

export interface FirstPartyOutcome {
  plugin: string;
  version: string;
  result: 'already_published' | 'certified' | 'awaiting_review' | 'rejected' | 'error';
  detail?: string;
}

export function discoverPlugins(dir = PLUGINS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'src/index.ts')))
    .map((d) => path.join(dir, d.name))
    .sort();
}

/** The first-party signing key: created once in DATA_DIR and registered to the NudgeCampaign publisher. */
async function firstPartyKey(db: Db, dataDir: string, publisherId: string) {
  const file = path.join(dataDir, 'first-party-signing.key');
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  await db.insert(publisherKeys).values({ publisherId, keyId, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }).onConflictDoNothing();
  return { privateKey, keyId };
}

export async function seedFirstPartyPlugins(options: FirstPartyOptions): Promise<FirstPartyOutcome[]> {
  const { db } = options.registry;
  const [publisher] = await db.select().from(publishers).where(eq(publishers.slug, FIRST_PARTY_PUBLISHER));
  const [owner] = await db.select().from(users).where(eq(users.email, options.publisherUserEmail));
  if (!publisher || !owner) throw new Error('the NudgeCampaign publisher and its owner must exist (seed the demo first)');
  await db.insert(publisherMembers).values({ publisherId: publisher.id, userId: owner.id, role: 'owner' }).onConflictDoNothing();
  const reviewer = options.reviewerEmail ? (await db.select().from(users).where(eq(users.email, options.reviewerEmail)))[0] : undefined;
  const key = await firstPartyKey(db, options.dataDir, publisher.id);
  const outcomes: FirstPartyOutcome[] = [];
  for (const dir of discoverPlugins(options.pluginsDir)) {
    if (options.signal?.aborted) break;
    const name = path.basename(dir);
    try {
      const plugin = await loadPlugin(dir);
      const version = String(plugin.manifest.version);
      const [existing] = await db.select().from(pluginVersions).where(and(eq(pluginVersions.pluginId, name), eq(pluginVersions.version, version)));
      if (existing) {
        outcomes.push({ plugin: name, version, result: 'already_published' });
        continue;
      }
      const bundle = signBundle({ format: BUNDLE_FORMAT, manifest: await embedIcon(plugin.manifest, dir), code: plugin.code, tests: plugin.tests, fixtures: plugin.fixtures }, key.privateKey, key.keyId);
      const { versionId } = await publishVersion(options.registry, { bundle, changelog: `First-party release ${version}.`, actorUserId: owner.id });
      await submitVersion(options.registry, versionId, owner.id);
      const summary = await runCertification({ ...options.registry, sandbox: options.sandbox }, versionId);
      if (summary.status !== 'awaiting_review') {
        const failed = summary.gates.find((g) => g.status === 'failed');
        outcomes.push({ plugin: name, version, result: 'rejected', detail: `gate ${failed?.gate ?? '?'} failed` });
        continue;
      }
      if (!reviewer) {
        outcomes.push({ plugin: name, version, result: 'awaiting_review' });
        continue;
      }
      await reviewAndApply(options.registry, {
        versionId,
        reviewer: { userId: reviewer.id, platformRole: reviewer.platformRole },
        decision: 'certify',
        notes: 'First-party plugin: automated gates passed; approved by the demo reviewer.',
      });
      outcomes.push({ plugin: name, version, result: 'certified' });
    } catch (err) {
      options.logger.warn({ plugin: name, err }, 'first-party plugin could not be published');
      outcomes.push({ plugin: name, version: '?', result: 'error', detail: (err as Error).message.slice(0, 300) });
    }
  }
  return outcomes;
}
